"""The sentences G020, G022, G023 and G040 skip (:mod:`qa.checks.clause_facts`) hold nothing they
would report: each rule finds the same with the facts as when it reads every sentence,
on the fixture articles and on sentences made to disagree in every way the rules check
(subjects and verbs of each gender and number, को objects, compounds, other scripts,
numbers between a noun and a postposition)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from qa import api
from qa.checks import agreement_subject, clause_facts, clauses
from qa.checks.agreement_subject import _may_read
from qa.config import Config
from qa.engine.rule import Context

from conftest import findings_of

ROOT = Path(__file__).resolve().parent.parent

_ERGATIVE = ["उसने", "उन्होंने", "सरकार ने", "समिति ने"]
_OBJECTS = ["लड़की को", "किसानों को", "उसे", "इन्हें"]
_BARE_OBJECTS = ["चिट्ठी", "किताबें", "फैसला", "योजना", "सड़कें"]
_BETWEEN = ["", "कल", "1935 से", "शहर में", "सरकार द्वारा", "इस साल", "राज्य के बीच में"]
_TRANSITIVE = ["देखा", "देखी", "देखे", "लिखी", "किया", "की", "किए", "बनाई", "गिरफ्तार की", "शुरू किया"]
_SUBJECTS = ["इमारत", "दुकानें", "फैसला", "योजना", "नदियां", "सेवाएं", "फ़ैसले", "बैठक", "सड़क 12"]
_INTRANSITIVE = ["बना था", "बनी थी", "बने", "खुली रहेंगी", "खुले रहेंगे", "खुला रहेगा", "शुरू की गई"]
_INTRANSITIVE += ["शुरू किया गया", "हुई", "हुआ", "बढ़ गया", "लागू की जाएगी", "बन सकता", "टूट गए"]
_PASSIVES = ["गिरफ्तार किया गया", "गिरफ्तार की गई", "रखी जाएगी", "रखे गए", "हटाई गई थी", "बंद कर दी गई"]
#: what some sentences get in their first gap: a compound, a word in two scripts, a number
_GAPS = [" ", "-", " abcथी ", " 12 ", "॰ "]


def _sentence(words: list[str], n: int) -> str:
    """The words as a sentence, its first gap one of :data:`_GAPS` (by ``n``)."""
    return " ".join(word for word in words if word).replace(" ", _GAPS[n % 11 % 5], 1) + "।"


def _sentences() -> str:
    made = []
    for n, (who, between, verb) in enumerate(itertools.product(_SUBJECTS, _BETWEEN, _INTRANSITIVE)):
        made.append(_sentence([who, between, verb], n))
    objects = [*_OBJECTS, *_BARE_OBJECTS]
    for n, (who, what, verb) in enumerate(itertools.product(_ERGATIVE, objects, _TRANSITIVE)):
        made.append(_sentence([who, _BETWEEN[n % 7], what, verb], n))
        made.append(_sentence([who, what, _BETWEEN[n % 7], verb], n + 1))  # G023: not right before
    for n, (what, verb) in enumerate(itertools.product(_OBJECTS, _PASSIVES)):
        made.append(_sentence([_BETWEEN[n % 7], what, verb], n))  # G040
    return "\n".join(" ".join(made[i : i + 3]) for i in range(0, len(made), 3))


def _texts() -> list[str]:
    articles = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    return [_sentences(), *(path.read_text(encoding="utf-8") for path in articles)]


@pytest.mark.parametrize("code", ["G020", "G022", "G023", "G040"])
def test_the_facts_skip_no_finding(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    with_facts = [findings_of(text, code) for text in texts]
    monkeypatch.setattr(clause_facts, "possible", lambda ctx, offsets, accept: offsets)
    assert with_facts == [findings_of(text, code) for text in texts]
    assert len(with_facts[0]) >= 5  # the made sentences disagree often enough to tell


def test_the_facts_skip_sentences() -> None:
    text = _sentences()
    ctx = Context(api.document(text), Config(), dt.date(2025, 1, 21), "default")
    offsets = clauses.occurrences(ctx.document.word_index, _may_read)
    kept = clause_facts.possible(ctx, offsets, clause_facts.MAY_DISAGREE)
    assert set(kept) < set(offsets)


@pytest.mark.parametrize("code", ["G020", "G022", "G023", "G026", "G027", "G040"])
def test_the_plain_noun_shortcut_reads_the_same(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``clauses._plain_noun`` only skips the tests of Clause.verb_start that cannot hold."""
    texts = _texts()
    with_shortcut = [findings_of(text, code) for text in texts]
    monkeypatch.setattr(clauses, "_plain_noun", lambda word: False)
    assert with_shortcut == [findings_of(text, code) for text in texts]


def _context(text: str) -> Context:
    return Context(api.document(text), Config(), dt.date(2025, 1, 21), "default")


def test_g020_reads_every_verb_of_motion_and_hain_after_a_feminine_verb() -> None:
    """A verb of motion is read wherever it stands (after a noun of persons it agrees
    with it: लड़की चली); हैं after गई or गईं, not after वे or first (the word before
    decides, never the last word, before a document's first)."""
    text = "चली गईं, हैं। रात तक चली, घर चली। वे हैं, आ गई हैं"
    at = [k for k in range(len(text)) if text.startswith(("चली", "गई", "हैं"), k)]
    assert agreement_subject._read_offsets(_context(text)) == [at[0], at[1], at[3], at[4], at[6]]
    assert sorted(agreement_subject._plural_endings(_context(text))) == [at[1], at[2], at[7]]
    assert agreement_subject._plural_endings(_context("हैं, गई हैं")) == [8]
