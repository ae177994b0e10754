"""T034: और (and) for ओर (direction) between a place's की and a verb of motion; T036: ओर
for और after a verb or at a clause's start.

"दिल्ली की और जा रही ट्रेन" is a slip for की ओर. T021 reads की और before the verbs of
movement and looking that never follow "की और" otherwise (बढ़, चल, देख …), but not before
जाना and आना: after a noun that makes one verb with करना, की is "did" and और "and" (पूजा की
और चले गए, बात की और आ गए). A place takes no करना, so after a place named in one word
(the gazetteer's) की is the genitive, and a verb of motion after और makes it ओर.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qa import gazetteer, lexicon
from qa.checks.agreement_words import AUXILIARY_VERBS, POSTPOSITIONS, word_set
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

WRONG, RIGHT = "और", "ओर"
_WORD = r"[\p{L}\p{M}]"
#: A place's की right before और: the place is group 1.
_PLACE_KI = regex.compile(rf"({_WORD}+)[ \t]+की[ \t]+$")
#: A verb of motion right after और (not T021's: बढ़, चल, मुड़ …): a form of जाना, आना,
#: लौटना, निकलना, भागना, दौड़ना, उड़ना, or रवाना/कूच/प्रस्थान (करना, होना).
_MOTION = regex.compile(
    rf"[ \t]+(?:(?:जा|आ|लौट|निकल|भाग|दौड़|उड़)(?:ना|ने|ता|ते|ती|तीं|ए|एं|एगा|एगी|एंगे|एंगी|ई|ईं|ा|े|ी|ीं|कर)?"
    rf"|गया|गई|गए|गईं|रवाना|कूच|प्रस्थान)(?!{_WORD})"
)
#: How far back the place's की is read.
_REACH = 60


class DirectionAfterPlace(Rule):
    """T034: और between a place's की and a verb of motion (दिल्ली की और जा रही → ओर)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        starts = ctx.document.word_index.get(WRONG)
        if not starts:
            return
        text, places = ctx.text, gazetteer.one_word_places()
        for start in starts:
            end = start + len(WRONG)
            if not _MOTION.match(text, end):  # first: a match at one place, not a search
                continue
            before = _PLACE_KI.search(text[max(0, start - _REACH) : start])
            if before is not None and lexicon.plain(before[1]) in places:
                yield self.replace(start, end, RIGHT, self.meta.message)


#: The finite forms of होना, and the perfectives whose stem is no infinitive's (किया, of करना).
_AUXILIARIES = AUXILIARY_VERBS | word_set("हूं हूँ")
_IRREGULAR = word_set("किया लिया दिया गया हुआ हुए गए गये किए किये लिए लिये दिए दिये पिया")
#: The endings of a verb's participles and absolutive that ओर may follow as a slip.
_VERB_ENDINGS = ("ता", "ते", "ा", "े", "कर")
#: The word before ओर, or a clause's start: a danda, a question or exclamation mark, a comma.
_BEFORE = regex.compile(rf"(?:({_WORD}+)|(?:^|[।?!,;]))[ \t]*$")
_NEXT = regex.compile(rf"[ \t]*({_WORD}+)")


def verb_form(word: str) -> bool:
    """``word`` is an auxiliary or a verb's participle or absolutive (किया, पड़े, करते,
    देखकर): a form whose infinitive is a word, not a possessive (अपने) or an adjective."""
    if word in _AUXILIARIES or word in _IRREGULAR:
        return True
    return any(
        word.endswith(end) and len(word) > len(end) + 1 and lexicon.attested(word[: -len(end)] + "ना")
        for end in _VERB_ENDINGS
    )


class AndAfterVerb(Rule):
    """T036: ओर (side) right after a verb or auxiliary, or opening a clause, where the
    conjunction और belongs (प्रेरित किया ओर कहा → और)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        starts = ctx.document.word_index.get(RIGHT)
        if not starts:
            return
        text = ctx.text
        for start in starts:
            end = start + len(RIGHT)
            line = text.rfind("\n", 0, start) + 1
            before = _BEFORE.search(text, max(line, start - _REACH), start)
            after = _NEXT.match(text, end)
            if before is None or (after is not None and after[1] in POSTPOSITIONS):
                continue  # a name (जॉन ओर ने)
            if before[1] is None or verb_form(lexicon.plain(before[1])):
                yield self.replace(start, end, WRONG, self.meta.message)
