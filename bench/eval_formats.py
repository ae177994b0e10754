"""Do the HTML and CMS JSON readers add or lose findings? A table over the news corpus.

Usage: python bench/eval_formats.py [--articles 100]

Each 1,000-word article from the news corpus is linted as plain text (paragraphs
separated by blank lines), as an HTML story (one indented ``<p>`` per paragraph,
entities escaped) and as a CMS JSON payload with that HTML as its body, written
ASCII-escaped as Python's encoder does. A reader that maps its view faithfully gives
the same warnings and errors (by code) in all three.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_server import articles

from qa import api
from qa.diagnostic import Severity


def _codes(found: list) -> Counter[str]:
    return Counter(d.code for d in found if d.severity >= Severity.WARNING)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args(argv)
    totals: dict[str, Counter[str]] = {"text": Counter(), "html": Counter(), "cms-json": Counter()}
    differ = 0
    texts = articles(args.articles)
    for text in texts:
        paragraphs = text.splitlines()
        story = (
            "<article>\n"
            + "\n".join(f"  <p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
            + "\n</article>\n"
        )
        inputs = {
            "text": "\n\n".join(paragraphs),
            "html": story,
            "cms-json": json.dumps({"headline": "", "body": story}, ensure_ascii=True),
        }
        found = {}
        for format, source in inputs.items():
            found[format] = _codes(api.check(source, format=format))
            totals[format] += found[format]
        differ += not (found["text"] == found["html"] == found["cms-json"])
    words = 1000 * len(texts)
    print(f"{len(texts)} articles, {words} words; articles whose findings differ from plain text: {differ}")
    print(f"{'format':<10} {'findings':>9} {'per 1k words':>13}")
    for format, counter in totals.items():
        total = sum(counter.values())
        print(f"{format:<10} {total:>9} {1000 * total / words:>13.2f}")


if __name__ == "__main__":
    main()
