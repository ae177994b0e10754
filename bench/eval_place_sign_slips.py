"""T040 on the slips of many signs that akshara.distance prices as one (0.4).

Usage: python bench/eval_place_sign_slips.py [--rows]

1. Synthetic: every misspelling of each gazetteer name T040 weighs (four aksharas or more)
   of the classes :func:`qa.text.akshara.one_slip_of_many_signs` covers — every sibilant
   written the same wrong way (ऋषिकेश -> ऋसिकेस), a vowel sign typed across a conjunct
   (कुरुक्षेत्र -> कुरुक्षत्रे) or across a conjunct and a bare consonant (ओंकारेश्वर ->
   ओंकारश्वरे), two i or u signs with swapped lengths (गिरिडीह -> गिरीडिह) — and what T040
   (or, for a common place, T002) suggests for it, by class and by the name's kind (a
   settled Indian spelling, or a transliteration, whose vowels T040 leaves alone).
2. Near misses: the words of the clean corpora, the whole Wikipedia sample and the NER
   sentences that are such a slip away from a place word without being that place, and
   what T040 does with them.

``--rows`` prints every case, tab-separated, to be judged by hand
(``bench/sign_slips_audit.tsv``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_injection import _moved_signs
from eval_places import wikipedia

from qa import gazetteer, lexicon
from qa.checks import places, spelling
from qa.text.akshara import SIBILANTS, aksharas, length_swap, moved_sign, nfd_nukta, sibilant_slips

from corpora import CORPORA, DATA

_WORD = regex.compile(r"[\u0900-\u0963\u0971-\u097f]+")
_LENGTHS = {"ि": "ी", "ी": "ि", "ु": "ू", "ू": "ु"}


def _sibilants(name: str) -> list[str]:
    """``name`` with every sibilant written as one other sibilant, two changed or more."""
    found = ("".join(s if c in SIBILANTS else c for c in name) for s in SIBILANTS)
    return [v for v in found if sum(a != b for a, b in zip(v, name, strict=True)) >= 2]


def _swapped_lengths(name: str) -> list[str]:
    """``name`` with two i (or two u) signs of different lengths swapped."""
    at = [i for i, c in enumerate(name) if c in _LENGTHS]
    out = []
    for x, i in enumerate(at):
        for j in at[x + 1 :]:
            if name[j] == _LENGTHS[name[i]]:
                out.append(name[:i] + name[j] + name[i + 1 : j] + name[i] + name[j + 1 :])
    return out


def slips(name: str) -> Iterator[tuple[str, str]]:
    """(class, misspelling) for the many-sign slips of a place name."""
    yield from (("sibilants", v) for v in _sibilants(name))
    yield from (("moved-sign", v) for v in _moved_signs(name, far=False))
    yield from (("moved-sign-far", v) for v in _moved_signs(name, far=True))
    yield from (("length-swap", v) for v in _swapped_lengths(name))


def suggested(word: str) -> str:
    """What qa makes of an unknown ``word``: "T040 place", "T002 word", "none", or "attested"
    (evidence for the written form: no rule of the two weighs it)."""
    if word in lexicon.vocabulary() or places._without_evidence(word) is None:
        return "attested"
    place = places.correction(word)
    if place is not None and not places._t002s(word, place):
        return f"T040 {place}"
    found = spelling.corrections(word) if spelling._unlisted(word) else ()
    return f"T002 {found[0]}" if found else "none"


def _texts() -> Iterator[str]:
    for documents in (*CORPORA.values(), wikipedia):
        yield from (text for _, text in documents())
    for name in (
        "hiner-validation-sentences/hiner_validation_sentences.txt",
        "ilner-hindi-sentences/ilner_hindi_train.txt",
    ):
        yield (DATA / name).read_text(encoding="utf-8")


def near_misses(names: set[str]) -> Iterator[tuple[str, str, str]]:
    """(class, word, place) for the words of the texts a many-sign slip from a place word."""
    index = gazetteer.near_index()
    words = {w for text in _texts() for w in _WORD.findall(text)}
    for word in sorted(words - gazetteer.words()):
        if len(aksharas(word)) < gazetteer.MIN_AKSHARAS:
            continue
        for place in sorted(index.candidates(word) & names):
            a, b = nfd_nukta(word), nfd_nukta(place)
            kind = "sibilants" if sibilant_slips(a, b) else "moved-sign" if moved_sign(a, b) else None
            kind = kind or ("length-swap" if length_swap(a, b) else None)
            if kind:
                yield kind, word, place


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", action="store_true", help="print every case")
    args = parser.parse_args()
    names = {w for w in gazetteer.words() if len(aksharas(w)) >= gazetteer.MIN_AKSHARAS}
    tally: Counter[tuple[str, str, str]] = Counter()
    for name in sorted(names):
        kind = "transliterated" if name in gazetteer.transliterated() else "settled"
        for slip_class, wrong in slips(name):
            said = suggested(wrong)
            verdict = "right" if said.endswith(f" {name}") else "WRONG" if " " in said else said
            tally[slip_class, kind, said.split()[0] + " " + verdict if " " in said else verdict] += 1
            if args.rows:
                print("synthetic", slip_class, kind, wrong, name, said, sep="\t")
    print("| class | place names | outcome | cases |\n|---|---|---|---:|")
    for (slip_class, kind, outcome), n in sorted(tally.items()):
        print(f"| {slip_class} | {kind} | {outcome} | {n} |")
    print("\nnear misses in the texts (word, place, what qa does):")
    for slip_class, word, place in near_misses(names):
        print("near-miss", slip_class, word, place, suggested(word), sep="\t")


if __name__ == "__main__":
    main()
