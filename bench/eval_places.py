"""Place names and legacy sign order: false alarms on clean prose, recall on injected slips.

Usage: python bench/eval_places.py [--show] [--seed N]

1. T040 (misspelt place name) and U038 (legacy sign order) findings per 1,000 words
   on the clean corpora (FLORES, NTREX, UD PUD, the Wikipedia sample); ``--show``
   prints each one with its context to be judged by hand.
2. Recall on injected place-name slips: sentences of NTREX and FLORES that name a
   place of the gazetteer get one slip in that name, or in an Indian place put in
   its stead (a vowel sign dropped, added or
   changed in length, a nukta or nasal dropped, an aspirate for its plain consonant,
   two adjacent letters swapped). A slip is caught when a T finding covers the word
   and suggests the place; slips that make a known word cannot be caught and are
   counted apart.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa import api, gazetteer, lexicon
from qa.text.akshara import aksharas

from corpora import CORPORA, DATA, LINES_PER_DOCUMENT, word_count

CODES = ("T040", "U038")
_WORD = regex.compile(r"[\u0900-\u0963\u0971-\u097f]+")
_SIGNS = "\u093e\u093f\u0940\u0941\u0942\u0947\u0948\u094b\u094c"
_LENGTH = {"ि": "ी", "ी": "ि", "ु": "ू", "ू": "ु", "े": "ै", "ै": "े", "ो": "ौ", "ौ": "ो"}
_ASPIRATE = dict(zip("कगचजटडतदपब", "खघछझठढथधफभ", strict=True))
_ASPIRATE.update({v: k for k, v in _ASPIRATE.items()})


def wikipedia() -> Iterator[tuple[str, str]]:
    path = DATA / "hindi-wikipedia-articles-20k" / "hiwiki_lines_dedup.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = [line for line in handle.read().splitlines() if line.strip()]
    for i in range(0, len(lines), LINES_PER_DOCUMENT):
        yield f"wikipedia:{i + 1}", "\n".join(lines[i : i + LINES_PER_DOCUMENT]) + "\n"


CLEAN = {
    "flores200-dev": CORPORA["flores200-dev"],
    "ntrex128": CORPORA["ntrex128"],
    "ud-hindi-pud": CORPORA["ud-hindi-pud"],
    "wikipedia-20k": wikipedia,
}


def false_alarms(show: bool) -> None:
    print(f"{'corpus':<16}{'words':>9}" + "".join(f"{c:>7}{'/1k':>7}" for c in CODES))
    for name, documents in CLEAN.items():
        words, counts = 0, Counter()
        for doc_name, text in documents():
            words += word_count(text)
            for d in api.check(text, select=list(CODES)):
                counts[d.code] += 1
                if show:
                    context = text[max(0, d.start - 40) : d.end + 40].replace("\n", " ")
                    print(f"  {doc_name} {d.code} {d.message} | {context}")
        row = "".join(f"{counts[c]:>7}{1000 * counts[c] / words:>7.3f}" for c in CODES)
        print(f"{name:<16}{words:>9}{row}")


def slips(word: str) -> list[str]:
    """One-slip misspellings of ``word`` (after its first letter, as copy-desk slips are)."""
    found = set()
    for i in range(1, len(word)):
        ch = word[i]
        if ch in _SIGNS:
            found.add(word[:i] + word[i + 1 :])
        if ch in _LENGTH:
            found.add(word[:i] + _LENGTH[ch] + word[i + 1 :])
        if ch in "\u093c\u0902\u0901":
            found.add(word[:i] + word[i + 1 :])
        if ch in _ASPIRATE:
            found.add(word[:i] + _ASPIRATE[ch] + word[i + 1 :])
        if i + 1 < len(word) and word[i + 1] in _SIGNS and ch != word[i + 1]:
            found.add(word[:i] + word[i + 1] + ch + word[i + 2 :])
        if ch in "\u0915\u0926\u0928\u092c\u092e\u0930\u0932\u0935\u0938" and word[i - 1] not in "\u094d":
            found.add(word[: i + 1] + "\u093e" + word[i + 1 :])
    return sorted(s for s in found if s != word and not s.startswith(tuple(_SIGNS)))


def _sentences(places: set[str]) -> list[tuple[str, str]]:
    """(sentence, a place word in it) for NTREX and FLORES sentences that name a place."""
    found = []
    for name in ("ntrex128", "flores200-dev"):
        for _, text in CORPORA[name]():
            for line in text.splitlines():
                found += [(line, w) for w in sorted({m.group() for m in _WORD.finditer(line)} & places)]
    return found


def _replace(line: str, word: str, new: str) -> str:
    return regex.sub(rf"(?<![\p{{L}}\p{{M}}]){word}(?![\p{{L}}\p{{M}}])", new, line, count=1)


def recall(seed: int) -> None:
    rng = random.Random(seed)
    places = {w for w in gazetteer.words() if len(aksharas(w)) >= gazetteer.MIN_AKSHARAS}
    indian = {
        w
        for kind, _, spellings in gazetteer.read_places(gazetteer.path())
        if kind in ("state", "union-territory", "district", "city")
        for w in _WORD.findall(" ".join(spellings))
    } & places
    settled = sorted(indian - gazetteer.transliterated())
    other = sorted(indian & gazetteer.transliterated())
    named = _sentences(places)
    sets = {
        "in place (world and Indian names as the sentences have them)": [
            (line, place) for line, place in named
        ],
        "an Indian place of settled spelling put in the sentence's place": [
            (_replace(line, place, new), new) for line, place in named for new in [rng.choice(settled)]
        ],
        "an Indian place from a Dravidian, Odia or north-eastern language put in its place": [
            (_replace(line, place, new), new) for line, place in named for new in [rng.choice(other)]
        ],
    }
    for title, cases in sets.items():
        caught = real_word = total = 0
        missed: list[str] = []
        for text, place in cases:
            options = slips(place)
            if not options:
                continue
            total += 1
            slip = rng.choice(options)
            text = _replace(text, place, slip)
            start = text.find(slip)
            hits = [d for d in api.check(text) if d.code[0] == "T" and d.start <= start < d.end]
            if any(place in d.suggestions for d in hits):
                caught += 1
            elif lexicon.known(slip):
                real_word += 1
            else:
                missed.append(f"{slip} ({place})")
        catchable = total - real_word
        print(f"{title}: {total} slips, {real_word} make a known word (not counted)")
        print(f"  caught with the place suggested: {caught}/{catchable} = {caught / max(catchable, 1):.3f}")
        print("  missed (sample):", ", ".join(missed[:30]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print every finding with its context")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    false_alarms(args.show)
    recall(args.seed)


if __name__ == "__main__":
    main()
