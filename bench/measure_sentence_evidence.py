"""Measure T003's ``sentence-evidence``: how much a partner in the sentence speaks for a function word.

For each function word f with a partner (ने … a perfective of a transitive verb; से … तक;
अगर/यदि/जब … तो), counts over the counted Wikipedia prose (the held-out lines excluded)
how often the partner stands on its side of f in the same sentence, beyond the next
(or previous) word, which the context counts weigh already, and how often it
stands there for a content word (no function word) in the same place. Prints the log10
lift of finding it (``found``) and of not finding it (``missing``), the numbers the rule's
option holds.

Usage: python bench/measure_sentence_evidence.py [--lines N]
"""

from __future__ import annotations

import argparse
import math
import sys
from itertools import islice
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from qa.checks.confusion import FUNCTION_WORDS, sentence_partners  # noqa: E402
from qa.text.tokenize import Kind, sentences, tokens  # noqa: E402

from corpora import wikipedia_lines  # noqa: E402

#: The tokens the rule reads as words: words, numbers and ordinals (as its ``_PIECE`` does).
_COUNTED = (Kind.WORD, Kind.NUMBER, Kind.ORDINAL)


def _options() -> dict:
    rules = yaml.safe_load((ROOT / "rules" / "spelling.yaml").read_text(encoding="utf-8"))["rules"]
    return next(r for r in rules if r["code"] == "T003")["options"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=60000, help="Wikipedia lines to read")
    args = parser.parse_args()
    partners = sentence_partners(_options())
    function = frozenset(FUNCTION_WORDS)
    # [uses, uses with the partner on its side] for the function word and for content words
    seen = {f: {"word": [0, 0], "content": [0, 0]} for f in partners}
    for line in islice(wikipedia_lines(held_out=False), args.lines):
        for start, end in sentences(line):
            words = [t.text for t in tokens(line[start:end]) if t.kind in _COUNTED]
            for f, partner in partners.items():
                hits = [partner.matches(w) for w in words]
                for i, word in enumerate(words):
                    if word != f and (word in function or word[0].isdigit()):
                        continue  # neither the function word nor a content word
                    side = hits[i + 2 :] if partner.after else hits[: max(0, i - 1)]
                    row = seen[f]["word" if word == f else "content"]
                    row[0] += 1
                    row[1] += any(side)
    print("| function word | uses | with partner | content words with partner | found | missing |")
    print("|---|---:|---:|---:|---:|---:|")
    for f, rows in seen.items():
        (n, k), (m, j) = rows["word"], rows["content"]
        p, q = k / max(n, 1), j / max(m, 1)
        found = math.log10(p / q) if p and q else 0.0
        missing = math.log10((1 - p) / (1 - q)) if p < 1 and q < 1 else 0.0
        print(f"| {f} | {n} | {p:.3f} | {q:.3f} | {found:+.2f} | {missing:+.2f} |")


if __name__ == "__main__":
    main()
