"""The compiled core's reading of a clause (``qa_core.verb_start``) against
:meth:`clauses.Clause.python_verb_start`, the reference: the same verb start or abort, the
same subject, ने and को object, on made-up clauses (hypothesis) drawn from every word the
reader tells apart and on every clause start of the corpora, with each reader's flags."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_native_core import _corpus_documents

from qa.checks import agreement_words as aw
from qa.checks import clauses
from qa.checks.agreement_lexicon import Noun, builtin
from qa.checks.agreement_subject import _may_begin
from qa.text import native

#: The flags of each rule's clause: G020 (dative, copula), G022/G023 (marked), the default.
FLAGS: list[dict[str, bool]] = [{"dative": True, "copula": True}, {"marked": True}, {}]

WORDS = sorted(
    clauses._MARKED
    | clauses._ABORT
    | clauses._RELATIVES
    | clauses._DEMONSTRATIVES
    | clauses._MODIFIERS
    | set(aw.GENITIVE)
    | clauses.POSTPOSITIONS
    | clauses._POSTPOSITION_NOUNS
    | clauses._ADVERBS
    | clauses.TIME_NOUNS
    | clauses._ERA
    | clauses._BEFORE_VERB
    | clauses.DAYS
    | clauses.TIMES_OF_DAY
    | clauses._CLAUSE_STARTS
    | set(
        """दुकानें सड़कें इमारत बैठक फ़ैसला फ़ैसले कानून योजना सरकार शहर विभाग शिक्षा टीमें चिट्ठियां
        किताब राम बनी बना बने था थी थे थीं हुई हुआ हुए गई गया गए जा रहेंगी रहेंगे खुली खुला खुल बन
        सकती सका चली चला आई आया करने होने है हैं हो नया नई नए अपनी अपना वाला वाली वाले
        निर्धारित शुरू लागू आधारित जिसमें जहाँ 1920 7.1 , । प्रवेश प्रक्रिया रिपोर्ट टिप्पणी घटकर बढ़कर
        लौटकर पश्चात् तैयार""".split()  # noqa: SIM905
    )
)
CLAUSE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)


def _shown(text: str, word: str) -> Noun | None:
    """A stand-in for the document's own genders (a pure function of the word)."""
    return Noun("f") if word.endswith("त") else Noun("m") if word.endswith("न") else None


def _state(clause: clauses.Clause) -> tuple[object, ...]:
    subject = clause.subject
    found = subject and (subject.index, subject.noun, subject.plural, subject.first)
    return found, clause.ergative, clause.marked_object


def _outcome(clause: clauses.Clause, read: Callable[[int], int | None], start: int) -> tuple[object, ...]:
    try:
        found: object = read(start)
    except clauses.Abort:
        found = "abort"
    return found, *_state(clause)


def _same_at_once(tokens: list[clauses.Token], shown: bool) -> None:
    """:func:`clauses.verb_starts` of every start of a sentence at once, with G020's flags
    and none, against the reference one clause at a time."""
    starts = list(range(len(tokens)))
    for flags in (FLAGS[0], FLAGS[2]):
        show = _shown if shown else None
        read = clauses.verb_starts(tokens, starts, builtin(), shown=show, **flags)
        for start, found in zip(starts, read, strict=True):
            clause = clauses.Clause(tokens, builtin(), shown=show, **flags)
            python = _outcome(clause, clause.python_verb_start, start)
            if found is None:
                assert python[0] in ("abort", None), (flags, start, [t.normal for t in tokens])
            else:
                assert (found[1], *_state(found[0])) == python


def _same(tokens: list[clauses.Token], start: int, flags: dict[str, bool], shown: bool) -> None:
    made = [clauses.Clause(tokens, builtin(), shown=_shown if shown else None, **flags) for _ in "ab"]
    python = _outcome(made[0], made[0].python_verb_start, start)
    assert _outcome(made[1], made[1].verb_start, start) == python, (flags, start, [t.normal for t in tokens])


@pytest.fixture(scope="module", autouse=True)
def core():  # type: ignore[no-untyped-def]
    if clauses._VERB_STARTS is None:
        pytest.skip("the compiled core is not built")
    return native.core


@settings(max_examples=600, deadline=None)
@given(CLAUSE, st.integers(0, 20), st.sampled_from(FLAGS), st.booleans())
def test_made_up_clauses(text: str, start: int, flags: dict[str, bool], shown: bool) -> None:
    tokens = clauses.tokens(text, 0, len(text))
    _same(tokens, min(start, len(tokens)), flags, shown)
    _same_at_once(tokens, shown)


#: Clauses of every turn the reader takes (from the rules' documentation).
PHRASES = """बैठक देर रात तक चली। दुकानें रात दस बजे तक खुली रहेंगी। दुकानें शाम तक खुला रहेंगी।
यह इमारत 1920 में बनी थी। योजना सरकार द्वारा शुरू की गई। सन् 1935 से यह कानून लागू है।
7.1 तीव्रता वाला भूकंप आया। कल की बैठक रद्द हुई। बात कल की है। बैठक शुरू नहीं हुई।
कृषि आधारित समाज बना। शिक्षा विभाग में बैठक हुई। नया कानून सर्वसम्मति से पारित हुआ।
का फ़ैसला सोमवार को आया। सोमवार शाम तक बैठक चली। सड़कें बारिश के बाद बंद थीं।
इस साल तीन बार बैठक हुई। वक्त लगेगा। राम ने किताब पढ़ी। उसे मदद मिली। इसे धरोहर घोषित किया गया।
वे अपनी रक्षा करेंगे। पैदा हुई अनिश्चितता बढ़ी। बैठक हुई और फ़ैसला हुआ। शिक्षा पूरी करने के बाद उन्होंने
काम शुरू किया। टीमें मैदान पर मौजूद थी। दुकानें बंद है। विभिन्न अंग को नुकसान हुआ। यह किताब राम ने
पढ़ी। ब्लूबेरी एंटीऑक्सीडैंट का स्रोत है। घटना के पश्चात पुलिस आई। इस दौरान बैठक चली।
स्कूलों में प्रवेश प्रक्रिया शुरू हो गया। बैठक सोमवार शुरू होगी। सड़क निर्माण कार्य शुरू हुआ।
अदालत की यह टिप्पणी मज़दूरों के हक़ में हैं। सरकार का यह फ़ैसला ऐतिहासिक है। देश में बेरोज़गारी दर
घटकर सात प्रतिशत पर आ गई। वह घर लौटकर 10 दिन बाद बीमार पड़ गई। आठ वर्ष पश्चात् प्रकाशित हुई।"""


def test_phrases() -> None:
    for match in clauses._SENTENCE.finditer(PHRASES):
        tokens = clauses.tokens(PHRASES, *match.span())
        _same_at_once(tokens, True)
        _same_at_once(tokens, False)
        for start in range(len(tokens)):
            for flags in FLAGS:
                for shown in (False, True):
                    _same(tokens, start, flags, shown)


def test_corpora() -> None:
    documents: list[Path] = _corpus_documents()
    readings = 0
    for path in documents[::3]:
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in clauses._SENTENCE.finditer(text):
            tokens = clauses.tokens(text, *match.span())
            _same_at_once(tokens, len(tokens) % 2 == 0)
            for start in range(len(tokens)):
                _same(tokens, start, FLAGS[start % 3], bool(start % 2))
                readings += 1
    assert readings > 1000


def test_word_classes_name_every_test() -> None:
    assert clauses._VERB_STARTS is native.core.verb_starts
    assert set(clauses.WORD_TESTS) == set(native.core.WORD_CLASSES)
    bits = list(native.core.WORD_CLASSES.values())
    assert len(set(bits)) == len(bits) and all(bit & (bit - 1) == 0 for bit in bits)


def test_a_word_class_asks_only_what_is_wanted() -> None:
    plain, verb = native.core.WORD_CLASSES["plain"], native.core.WORD_CLASSES["verb"]
    word = "सड़कोंवाली"  # a word no other test has met
    clauses._CLASSES.pop(word, None)
    found = clauses.word_class(word, plain)
    assert found >> 64 & plain and not found >> 64 & verb
    assert bool(found & plain) == bool(clauses._plain_noun(word))
    both = clauses.word_class(word, verb)
    assert both >> 64 & plain and both >> 64 & verb and both & plain == found & plain


def _reached(view: str, shown: bool) -> list[tuple[object, ...]]:
    """What :func:`clauses.reaching` gives for G020's words on every sentence."""
    read = clauses.Sentences(view)
    shows = _shown if shown else None
    reached = clauses.reaching(_may_begin, builtin(), dative=True, shown=shows, copula=True)
    found = []
    for sentence in map(read.sentence, range(len(read.spans))):
        if clauses_read := reached(sentence):
            found.append(
                (sentence.tokens, [(start, j, *_state(clause)) for start, clause, j in clauses_read])
            )
    return found


def test_sentences_reached_in_the_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled reader's readings of whole sentences (no tokens made) against the
    reference's over the tokens, on the phrases and a third of the corpora."""
    texts = [PHRASES] + [p.read_text(encoding="utf-8", errors="replace") for p in _corpus_documents()[1::3]]
    compiled = [_reached(text, shown) for text in texts for shown in (False, True)]
    assert sum(len(read) for read in compiled) > 100
    monkeypatch.setattr(clauses, "_VERB_STARTS", None)
    assert [_reached(text, shown) for text in texts for shown in (False, True)] == compiled
