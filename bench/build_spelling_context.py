"""Build ``data/spelling/context.msgpack.gz``: the context counts behind T003 (stray letters).

Counts, over openly licensed prose only (Hindi Wikipedia CC BY-SA, HiNER CC BY-SA 4.0,
IL-NER CC BY 4.0), how often each function word, and each real word one slip from a
function word (केक, कोक, परम, पार …), follows and precedes its neighbours. Every 20th
Wikipedia line is held out (``bench/corpora.py``) so that false alarms can be measured
on Wikipedia text the counts have not seen; FLORES, NTREX and UD PUD are never used.
Numbers count as ``<NUM>``, ordinals (47वें) as ``<ORD>``, sentence edges as ``<S>``. Only pairs seen
at least twice are kept, so the file stays small.

With ``--twins`` it builds ``data/spelling/twin-context.msgpack.gz`` instead, the same
counts for T033's pairs (:func:`qa.checks.real_word_twins.twin_pairs`: a short listed word
and its far commoner one-sign twin, सिता/सीता, दुर/दूर), kept apart so that T003's table
and findings stay as they are.

Usage: python bench/build_spelling_context.py [--twins]  (reads ../shared/data or $QA_SHARED_DATA)
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import msgpack  # noqa: E402

from qa import lexicon  # noqa: E402
from qa.checks.confusion import FUNCTION_WORDS, NUM, ORD, SENTENCE_EDGE, ending, slips  # noqa: E402
from qa.checks.real_word_twins import twin_pairs  # noqa: E402
from qa.text.tokenize import Kind, sentences, tokens  # noqa: E402

from corpora import DATA, wikipedia_lines  # noqa: E402

OUT = ROOT / "data" / "spelling" / "context.msgpack.gz"
TWINS_OUT = ROOT / "data" / "spelling" / "twin-context.msgpack.gz"
SOURCES = [
    "hiner-validation-sentences/hiner_validation_sentences.txt",
    "ilner-hindi-sentences/ilner_hindi_train.txt",
    "ilner-hindi-sentences/ilner_hindi_dev.txt",
    "ilner-hindi-sentences/ilner_hindi_test.txt",
]
LICENCE = (
    "Context counts for qa's T003 rule (slips on function words), built by "
    "bench/build_spelling_context.py from: Hindi Wikipedia article text (Hindi Wikipedia "
    "contributors, CC BY-SA 3.0/4.0), HiNER validation sentences (CC BY-SA 4.0) and "
    "IL-NER Hindi sentences (CC BY 4.0). This derived table is licensed CC BY-SA 4.0. "
    "Keys: total tokens; unigrams {word: n}; followers/predecessors {word: distinct next/previous "
    "words}; left {word: {previous: n}}; right {word: {next: n}}; endings: the same keyed by a "
    "neighbour's last two characters, a function word being its own class (<का>); "
    "<NUM> = a number, <ORD> = an ordinal (47वें), <S> = a sentence edge."
)

TWINS = "T033 rule (real-word slips of short content words and their one-sign twins)"


def lines() -> Iterator[str]:
    yield from wikipedia_lines(held_out=False)
    for name in SOURCES:
        with (DATA / name).open(encoding="utf-8") as handle:
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


def _nested(pairs: Counter[tuple[str, str]], *, by_first: bool) -> dict[str, dict[str, int]]:
    """{watched word: {neighbour: count}} from (a, b) pairs seen at least twice."""
    out: dict[str, dict[str, int]] = {}
    for (a, b), n in sorted(pairs.items()):
        if n >= 2:
            word, neighbour = (a, b) if by_first else (b, a)
            out.setdefault(word, {})[neighbour] = n
    return out


def main() -> None:
    if "--twins" in sys.argv[1:]:
        pairs = twin_pairs()
        build(
            {*pairs, *pairs.values()},
            TWINS_OUT,
            LICENCE.replace("T003 rule (slips on function words)", TWINS),
        )
    else:
        build(set(FUNCTION_WORDS) | {w for w in lexicon.frequencies() if slips(w)}, OUT, LICENCE)


def build(watch: set[str], path: Path, licence: str) -> None:
    """Count ``watch``'s neighbours and write the table to ``path``."""
    unigrams: Counter[str] = Counter()
    pairs: dict[str, Counter[tuple[str, str]]] = {k: Counter() for k in ("left", "right", "eleft", "eright")}
    followers: dict[str, set[str]] = {}
    predecessors: dict[str, set[str]] = {}
    total = 0
    for line in lines():
        for words in units(line):
            total += len(words) - 2
            unigrams.update(words[1:-1])
            unigrams[SENTENCE_EDGE] += 1
            for a, b in pairwise(words):
                followers.setdefault(a, set()).add(b)
                predecessors.setdefault(b, set()).add(a)
                if b in watch:
                    pairs["left"][a, b] += 1
                    pairs["eleft"][ending(a), b] += 1
                if a in watch:
                    pairs["right"][a, b] += 1
                    pairs["eright"][a, ending(b)] += 1
    left = _nested(pairs["left"], by_first=False)
    right = _nested(pairs["right"], by_first=True)
    needed = watch | {n for table in (left, right) for seen in table.values() for n in seen}
    classes: Counter[str] = Counter()
    class_followers: dict[str, set[str]] = {}
    class_predecessors: dict[str, set[str]] = {}
    for word, n in unigrams.items():
        cls = ending(word)
        classes[cls] += n
        class_followers.setdefault(cls, set()).update(followers.get(word, ()))
        class_predecessors.setdefault(cls, set()).update(predecessors.get(word, ()))
    table = {
        "licence": licence,
        "total": total,
        "unigrams": {w: unigrams[w] for w in sorted(needed) if unigrams[w]},
        "followers": {w: len(followers[w]) for w in sorted(needed) if w in followers},
        "predecessors": {w: len(predecessors[w]) for w in sorted(needed) if w in predecessors},
        "left": left,
        "right": right,
        "endings": {
            "unigrams": dict(sorted(classes.items())),
            "followers": {c: len(v) for c, v in sorted(class_followers.items())},
            "predecessors": {c: len(v) for c, v in sorted(class_predecessors.items())},
            "left": _nested(pairs["eleft"], by_first=False),
            "right": _nested(pairs["eright"], by_first=True),
        },
    }
    path.parent.mkdir(exist_ok=True)
    with gzip.open(path, "wb", compresslevel=9) as out:
        msgpack.dump(table, out)
    size = path.stat().st_size
    print(f"{path.relative_to(ROOT)}: {total} tokens, {len(left)} + {len(right)} words, {size} bytes")


if __name__ == "__main__":
    main()
