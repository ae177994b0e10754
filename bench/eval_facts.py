"""False alarms of the F rules (ordinals and facts) on clean corpora, per 1,000 words.

Reads the shared evaluation data from ``../shared/data`` (or ``$QA_SHARED_DATA``). Each
newspaper file is one document dated from its file name (AU-2020-MAR-25.txt); the line
corpora (FLORES, UD PUD, NTREX) are one document each, undated (today's date, as a user
without --date would get). ``--show`` prints every warning and error with its context.

    python bench/eval_facts.py [--show] [--select F]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa import api  # noqa: E402
from qa.config import Config  # noqa: E402
from qa.diagnostic import Severity  # noqa: E402

DATA = Path(os.environ.get("QA_SHARED_DATA", ROOT.parent / "shared" / "data"))
MONTHS = {"MAR": 3, "APR": 4, "ARP": 4, "MAY": 5}
_FILE_DATE = re.compile(r"-(\d{4})-([A-Z]{3})-(\d{2})\.txt$")


def corpora() -> dict[str, list[tuple[str, dt.date | None]]]:
    """Corpus name -> [(document text, date or None)]."""
    found: dict[str, list[tuple[str, dt.date | None]]] = {}
    news = DATA / "hindi-news-covid2020" / "corpus"
    if news.is_dir():
        docs = []
        for path in sorted(news.rglob("*.txt")):
            m = _FILE_DATE.search(path.name)
            day = dt.date(int(m[1]), MONTHS[m[2]], int(m[3])) if m else None
            docs.append((path.read_text(encoding="utf-8"), day))
        found["hindi-news-covid2020"] = docs
    lines = {
        "flores200-hindi": DATA / "flores200-hindi" / "hin_Deva.dev",
        "ntrex128-hindi": DATA / "ntrex128-hindi" / "newstest2019-ref.hin.txt",
    }
    for name, path in lines.items():
        if path.is_file():
            found[name] = [(path.read_text(encoding="utf-8"), None)]
    pud = DATA / "ud-hindi-pud" / "hi_pud_sentences.tsv"
    if pud.is_file():
        rows = pud.read_text(encoding="utf-8").splitlines()[1:]
        found["ud-hindi-pud"] = [("\n".join(r.split("\t", 1)[-1] for r in rows), None)]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every warning and error")
    parser.add_argument("--select", default="F", help="rule codes or prefix (default: F)")
    args = parser.parse_args()
    config = Config()
    select = [args.select]
    all_corpora = corpora()
    if not all_corpora:
        sys.exit(f"no shared data under {DATA}")
    print(f"{'corpus':<22}{'docs':>6}{'words':>10}{'hits':>6}{'per 1k':>9}{'words/s':>10}  by code")
    for name, docs in all_corpora.items():
        words = hits = 0
        codes: Counter[str] = Counter()
        seconds = 0.0
        for text, day in docs:
            words += len(text.split())
            started = time.perf_counter()
            found = api.check(text, config=config, date=day, select=select)
            seconds += time.perf_counter() - started
            for d in found:
                if d.severity < Severity.WARNING:
                    continue
                hits += 1
                codes[d.code] += 1
                if args.show:
                    context = text[max(0, d.start - 60) : d.end + 40].replace("\n", " ")
                    print(f"  {name} {day or ''} {d.code} {d.message}\n      …{context}…")
        rate = 1000 * hits / words if words else 0.0
        speed = words / seconds if seconds else 0.0
        by_code = " ".join(f"{c}:{n}" for c, n in sorted(codes.items()))
        print(f"{name:<22}{len(docs):>6}{words:>10}{hits:>6}{rate:>9.3f}{speed:>10.0f}  {by_code}")


if __name__ == "__main__":
    main()
