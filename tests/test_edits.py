"""The edit distances of :mod:`qa.text.edits` are rapidfuzz's, and an article compared
with them does not import rapidfuzz."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from rapidfuzz.distance import OSA, Levenshtein
from test_startup import _imports

from qa.text import edits

from conftest import ROOT

#: Letters and signs the callers compare: consonants a slip apart, vowel signs, nukta,
#: virama, nasal signs.
ALPHABET = list("कसशषनणवबटतिीुूेैोौा़्ंँ")


def _pairs(seed: int, count: int) -> list[tuple[str, str]]:
    """Words and the same words with up to three slips (a letter replaced, swapped with
    its neighbour, doubled or dropped)."""
    rnd = random.Random(seed)
    pairs = []
    for _ in range(count):
        a = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 12)))
        b = list(a)
        for _ in range(rnd.randint(0, 3)):
            kind, at = rnd.random(), rnd.randrange(len(b) + 1)
            if kind < 0.3 and at < len(b):
                b[at] = rnd.choice(ALPHABET)
            elif kind < 0.5 and at + 1 < len(b):
                b[at], b[at + 1] = b[at + 1], b[at]
            elif kind < 0.75:
                b.insert(at, b[at - 1] if at and rnd.random() < 0.5 else rnd.choice(ALPHABET))
            elif at < len(b):
                del b[at]
        pairs.append((a, "".join(b)))
    return pairs


@pytest.mark.parametrize("seed", [1, 2])
def test_the_answers_are_rapidfuzz_s(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    answered = 0
    for a, b in _pairs(seed, 20_000):
        expected = [(op.tag, op.src_pos, op.dest_pos) for op in Levenshtein.editops(a, b)]
        own = edits.one_edit(a, b)
        if own is not None:
            answered += 1
            assert own == expected, (a, b)
        assert edits.editops(a, b) == expected, (a, b)
        for cutoff in (0, 1, 2, 4):
            assert edits.levenshtein(a, b, cutoff) == Levenshtein.distance(a, b, score_cutoff=cutoff)
            monkeypatch.setattr(edits, "_own", [0])  # computed here
            assert edits.osa(a, b, cutoff) == OSA.distance(a, b, score_cutoff=cutoff), (a, b, cutoff)
    assert answered > 5_000  # most pairs of the test need no rapidfuzz
    monkeypatch.setattr(edits, "_own", [edits.OWN_DISTANCES])  # by rapidfuzz from now on
    assert edits.osa("कसतब", "कतसब", 2) == 1


def test_a_letter_dropped_from_a_run_is_left_to_rapidfuzz() -> None:
    """Which letter of a run rapidfuzz names is its own choice: such pairs are not answered."""
    assert edits.one_edit("कमलाा", "कमला") is None
    assert edits.one_edit("कमला", "कमल") == [("delete", 3, 3)]
    assert edits.one_edit("कमल", "कमला") == [("insert", 3, 3)]
    assert edits.one_edit("कमला", "कमली") == [("replace", 3, 3)]


def test_an_article_is_checked_without_importing_rapidfuzz(tmp_path: Path) -> None:
    """The fixture article has an unknown word near known ones (T002 weighs फेंटानल against
    its candidates and offers फेंटानिल) and keys a slip apart (N003 compares them): each
    pair is answered here."""
    shutil.copy(ROOT / "fixtures" / "articles" / "putin-xi-call.txt", tmp_path / "one.txt")
    _imports(tmp_path, "--no-cache")
    report, imported = _imports(tmp_path, "--no-cache")
    assert "'फेंटानल' is not a known word: did you mean 'फेंटानिल'?" in report
    assert "qa.text.edits" in imported and "rapidfuzz" not in imported
