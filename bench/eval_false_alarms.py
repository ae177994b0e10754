"""False alarms per 1,000 words, per family, on the clean corpora.

Usage: python bench/eval_false_alarms.py [--show CODE] [--corpus NAME] [--select PREFIX]

Every warning or error on these professionally edited texts counts as a false
alarm (a few are real slips — read them with --show before tuning anything).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa import api
from qa.config import Config
from qa.diagnostic import Severity
from qa.families import LETTERS

from corpora import CORPORA, word_count

FAMILIES = LETTERS


def _per_thousand(count: int, words: int) -> float:
    return 1000 * count / max(words, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", help="print every finding of this code (or prefix) with context")
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--select", action="append", help="check only these codes or families")
    args = parser.parse_args()
    config = Config()
    if args.select:
        config.values["select"] = args.select
    print(f"{'corpus':<16}{'words':>9}  " + "".join(f"{f:>7}" for f in FAMILIES) + "    all")
    for name in args.corpus or CORPORA:
        words, counts, by_code = 0, Counter(), Counter()
        for doc_name, text in CORPORA[name]():
            words += word_count(text)
            for d in api.check(text, config=config):
                if d.severity < Severity.WARNING:
                    continue
                counts[d.code[0]] += 1
                by_code[d.code] += 1
                if args.show and d.code.startswith(args.show):
                    context = text[max(0, d.start - 40) : d.end + 40].replace("\n", " ")
                    print(f"  {doc_name} {d.code} {d.message} | {context}")
        row = "".join(f"{_per_thousand(counts[f], words):>7.2f}" for f in FAMILIES)
        print(f"{name:<16}{words:>9}  {row}  {_per_thousand(sum(counts.values()), words):>5.2f}")
        print("    top codes: " + ", ".join(f"{c} {n}" for c, n in by_code.most_common(8)))


if __name__ == "__main__":
    main()
