"""Build ``rules/spelling/context.msgpack.gz``: the context counts behind T003 (stray letters).

Counts, over openly licensed prose only (Hindi Wikipedia CC BY-SA, HiNER CC BY-SA 4.0,
IL-NER CC BY 4.0), how often each function word, and each real word that is a function
word plus one stray letter (केक, कोक, परम …), follows and precedes its neighbours.
Numbers count as ``<NUM>``, ordinals (47वें) as ``<ORD>``, sentence edges as ``<S>``. Only pairs seen
at least twice are kept, so the file stays small.

Usage: python bench/build_spelling_context.py  (reads ../shared/data or $QA_SHARED_DATA)
"""

from __future__ import annotations

import gzip
import os
import sys
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import msgpack  # noqa: E402

from qa import lexicon  # noqa: E402
from qa.checks.confusion import FUNCTION_WORDS, NUM, ORD, SENTENCE_EDGE, slip_of  # noqa: E402
from qa.text.tokenize import Kind, sentences, tokens  # noqa: E402

DATA = Path(os.environ.get("QA_SHARED_DATA", ROOT.parent / "shared" / "data"))
OUT = ROOT / "rules" / "spelling" / "context.msgpack.gz"
SOURCES = [
    "hindi-wikipedia-articles-20k/hiwiki_lines_dedup.txt.gz",
    "hiner-validation-sentences/hiner_validation_sentences.txt",
    "ilner-hindi-sentences/ilner_hindi_train.txt",
    "ilner-hindi-sentences/ilner_hindi_dev.txt",
    "ilner-hindi-sentences/ilner_hindi_test.txt",
]
LICENCE = (
    "Context counts for qa's T003 rule (function word + stray letter), built by "
    "bench/build_spelling_context.py from: Hindi Wikipedia article text (Hindi Wikipedia "
    "contributors, CC BY-SA 3.0/4.0), HiNER validation sentences (CC BY-SA 4.0) and "
    "IL-NER Hindi sentences (CC BY 4.0). This derived table is licensed CC BY-SA 4.0. "
    "Keys: total tokens; unigrams {word: n}; followers {word: distinct next words}; "
    "left {word: {previous: n}}; right {word: {next: n}}; "
    "<NUM> = a number, <ORD> = an ordinal (47वें), <S> = a sentence edge."
)


def lines() -> Iterator[str]:
    for name in SOURCES:
        path = DATA / name
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            yield from handle


def units(line: str) -> Iterator[list[str]]:
    for start, end in sentences(line):
        out = [SENTENCE_EDGE]
        for token in tokens(line[start:end]):
            if token.kind is Kind.ORDINAL:
                out.append(ORD)
            elif token.kind is Kind.NUMBER:
                out.append(NUM)
            elif token.kind is Kind.WORD:
                out.append(token.text)
        out.append(SENTENCE_EDGE)
        yield out


def main() -> None:
    watch = set(FUNCTION_WORDS) | {w for w in lexicon.frequencies() if slip_of(w)}
    unigrams: Counter[str] = Counter()
    left: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    followers: dict[str, set[str]] = {}
    total = 0
    for line in lines():
        for words in units(line):
            total += len(words) - 2
            unigrams.update(words[1:-1])
            unigrams[SENTENCE_EDGE] += 1
            for a, b in pairwise(words):
                followers.setdefault(a, set()).add(b)
                if b in watch:
                    left[a, b] += 1
                if a in watch:
                    right[a, b] += 1
    left = Counter({k: v for k, v in left.items() if v >= 2})
    right = Counter({k: v for k, v in right.items() if v >= 2})
    needed = watch | {a for a, _ in left} | {b for _, b in right}
    nested_left: dict[str, dict[str, int]] = {}
    for (a, b), n in sorted(left.items()):
        nested_left.setdefault(b, {})[a] = n
    nested_right: dict[str, dict[str, int]] = {}
    for (a, b), n in sorted(right.items()):
        nested_right.setdefault(a, {})[b] = n
    table = {
        "licence": LICENCE,
        "total": total,
        "unigrams": {w: unigrams[w] for w in sorted(needed) if unigrams[w]},
        "followers": {w: len(followers[w]) for w in sorted(needed) if w in followers},
        "left": nested_left,
        "right": nested_right,
    }
    OUT.parent.mkdir(exist_ok=True)
    with gzip.open(OUT, "wb", compresslevel=9) as out:
        msgpack.dump(table, out)
    size = OUT.stat().st_size
    print(f"{OUT.relative_to(ROOT)}: {total} tokens, {len(left)} + {len(right)} pairs, {size} bytes")


if __name__ == "__main__":
    main()
