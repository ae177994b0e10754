"""Family U on the clean corpora: warnings+errors per 1,000 words, per code, and speed
(words per second of the U rules alone, on documents already tokenised).

Usage: python bench/eval_unicode.py [--show CODE] [--corpus NAME]

These texts are edited copy, so every U warning or error is either a false alarm or
real damage in the source (read them with --show before tuning a rule).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa import api
from qa.config import Config
from qa.diagnostic import Severity
from qa.engine import registry

from corpora import CORPORA, word_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", help="print every finding of this code (or prefix) with context")
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    args = parser.parse_args()
    codes = sorted(c for c in registry.load_specs() if c.startswith("U"))
    config = Config()
    linter = api.linter(config, select=codes)
    print(f"{'corpus':<16}{'words':>9}{'docs':>6}{'U w+e':>7}{'/1000w':>8}{'info':>7}{'words/s':>10}")
    for name in args.corpus or CORPORA:
        words, docs, counts, info, seconds = 0, 0, Counter(), 0, 0.0
        for doc_name, text in CORPORA[name]():
            words += word_count(text)
            docs += 1
            document = api.document(text)
            _ = document.word_index, document.paragraphs  # shared with every family: not timed here
            started = time.perf_counter()
            diagnostics = linter.check(document)
            seconds += time.perf_counter() - started
            for d in diagnostics:
                if d.severity < Severity.WARNING:
                    info += 1
                    continue
                counts[d.code] += 1
                if args.show and d.code.startswith(args.show):
                    context = text[max(0, d.start - 30) : d.end + 30].replace("\n", " ")
                    print(f"  {doc_name} {d.code} {d.message[:90]} | {context!r}")
        total = sum(counts.values())
        rate = 1000 * total / max(words, 1)
        print(f"{name:<16}{words:>9}{docs:>6}{total:>7}{rate:>8.3f}{info:>7}{words / seconds:>10,.0f}")
        print("    by code: " + (", ".join(f"{c} {n}" for c, n in sorted(counts.items())) or "-"))


if __name__ == "__main__":
    main()
