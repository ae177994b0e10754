"""G001-G003 pass over an agreeing word whose next word can be no head (:func:`agreement._headless`)
or is a head it agrees with whatever stands around (:func:`agreement._agrees`) without
looking further: they find the same as when they look at every agreeing word,
on the fixture articles and on phrases made to disagree (genitives, possessives and
adjectives before nouns of each gender, before modifiers, particles, unknown words,
function words and breaks)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from qa.checks import agreement
from qa.checks.agreement_lexicon import builtin

from conftest import findings_of

ROOT = Path(__file__).resolve().parent.parent

_AGREEING = ["का", "की", "के", "उसका", "उसकी", "अपने", "बड़ा", "बड़ी", "नया", "पहली", "हुई"]
_BETWEEN = ["", "भी", "सबसे", "एक", "आर्थिक", "बहुत बड़ी", "इस", "नई"]
_NOUNS = ["योजना", "फैसला", "सरकार", "हिस्सा", "बैठक", "दुकानें", "लड़के", "मुकेश", "में", "और", "12", "abc"]
_AFTER = ["", "में", "है", "था", "की", "को", "बनी", "कि"]


def _phrases() -> str:
    made = (
        " ".join(word for word in (a, b, n, f) if word)
        for a, b, n, f in itertools.product(_AGREEING, _BETWEEN, _NOUNS, _AFTER)
    )
    return "।\n".join(made) + "।"


@pytest.mark.parametrize("code", ["G001", "G002", "G003"])
def test_the_headless_shortcut_skips_no_finding(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    texts = [_phrases(), *(path.read_text(encoding="utf-8") for path in articles)]
    with_shortcut = [findings_of(text, code) for text in texts]
    monkeypatch.setattr(agreement, "_headless", lambda lexicon, kinds: None)
    assert with_shortcut == [findings_of(text, code) for text in texts]
    assert len(with_shortcut[0]) >= 20  # the made phrases disagree often enough to tell


def test_what_has_no_head() -> None:
    genitive = agreement._headless(builtin(), frozenset({"genitive"}))
    attribute = agreement._headless(builtin(), frozenset({"adjective", "participle"}))
    assert genitive is not None and attribute is not None
    dead = {"", "में", "और", "12", "है"}
    assert set(filter(genitive, dead)) == set(filter(attribute, dead)) == dead
    # a noun of a known gender is a head; a modifier or particle is passed over to one
    assert not any(map(genitive, ["योजना", "फैसला", "भी", "सबसे", "एक", "बड़ी"]))
    assert not any(map(attribute, ["योजना", "फैसला", "ऐतिहासिक", "निजी"]))
    assert agreement._headless(builtin(), frozenset({"genitive", "adjective"})) is None


def test_what_agrees_whatever_stands_around() -> None:
    pairs = [("की", "योजना"), ("उसकी", "बैठक"), ("के", "देश")]
    assert all(agreement._agrees(builtin(), word, noun) for word, noun in pairs)
    # a disagreement, a head the following words settle (का घर में), an adjective's
    # oblique form (बड़े देश था), a word passed over to the head
    pairs = [("का", "योजना"), ("की", "फैसला"), ("के", "सरकार"), ("का", "देश"), ("बड़े", "देश"), ("की", "भी")]
    assert not any(agreement._agrees(builtin(), word, noun) for word, noun in pairs)
