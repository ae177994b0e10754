"""False alarms of the F rules (ordinals and facts) on clean corpora, per 1,000 words.

Reads the shared evaluation data through ``bench/corpora.py`` (``../shared/data`` or
``$QA_SHARED_DATA``). Each newspaper file is one document dated from its file name
(AU-2020-MAR-25.txt); the sentence-per-line corpora (FLORES, UD PUD, NTREX) come in
documents of 20 lines, undated (today's date, as a user without --date would get).
``--show`` prints every warning and error with its context.

``--claims`` also measures claim checking on real sentences: every office-ordinal claim the
fact base confirms (F021) in the Hindi Wikipedia sample and the news corpus is taken as a
correct claim (F020 on it is a false alarm), then its ordinal is changed by one either way
(a wrong claim, which F020 should report unless the other number is also allowed).

    python bench/eval_facts.py [--show] [--claims] [--select F]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa import api
from qa.config import Config
from qa.diagnostic import Severity
from qa.text.ordinals import Ordinal, correct_form, find

from corpora import CORPORA, DATA, news_documents, word_count

MONTHS = {"MAR": 3, "APR": 4, "ARP": 4, "MAY": 5}
_FILE_DATE = re.compile(r"-(\d{4})-([A-Z]{3})-(\d{2})\.txt$")


def article_date(name: str) -> dt.date | None:
    """The date in a news file's name (AU-2020-MAR-25.txt; April files are spelt ARP)."""
    m = _FILE_DATE.search(name)
    return dt.date(int(m[1]), MONTHS[m[2]], int(m[3])) if m else None


def claim_sentences() -> list[str]:
    """Lines of the Wikipedia sample and the news corpus that mention an office noun."""
    lines: list[str] = []
    wiki = DATA / "hindi-wikipedia-articles-20k" / "hiwiki_lines_dedup.txt.gz"
    if wiki.is_file():
        with gzip.open(wiki, "rt", encoding="utf-8") as handle:
            lines += handle.read().splitlines()
    for _, text in news_documents():
        lines += text.splitlines()
    nouns = ("राष्ट्रपति", "प्रधानमंत्री", "न्यायाधीश", "आयुक्त", "महासचिव", "पोप", "लोकसभा")
    return [line for line in lines if any(n in line for n in nouns)]


def evaluate_claims() -> None:
    """Precision on confirmed claims and recall on the same claims with the ordinal changed."""
    verified_config = Config()
    verified_config.values["extend-select"] = ["F021"]
    correct = false_alarms = wrong = caught = disputed = 0
    for line in claim_sentences():
        for claim in api.check(line, config=verified_config, select=["F021"]):
            correct += 1
            false_alarms += bool(api.check(line, select=["F020"]))
            ordinal = next(o for o in _ordinals(line) if o.start == claim.start)
            for value in (ordinal.value - 1, ordinal.value + 1):
                if value < 1:
                    continue
                inflection = ordinal.inflection if ordinal.inflection != "none" else "oblique"
                changed = line[: ordinal.start] + correct_form(value, inflection) + line[ordinal.end :]
                if api.check(changed, config=verified_config, select=["F021"]):
                    disputed += 1  # the other number is allowed too (Modi 14/15)
                    continue
                wrong += 1
                caught += bool(api.check(changed, select=["F020"]))
    print(f"\nclaims: {correct} confirmed claims in real sentences, {false_alarms} reported by F020")
    recall = caught / wrong if wrong else 0.0
    print(
        f"changed ordinals: {wrong} wrong claims, {caught} reported (recall {recall:.1%}); "
        f"{disputed} allowed by a second numbering"
    )


def _ordinals(text: str) -> list[Ordinal]:
    return find(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every warning and error")
    parser.add_argument("--select", default="F", help="rule codes or prefix (default: F)")
    parser.add_argument("--claims", action="store_true", help="also measure claim checking")
    args = parser.parse_args()
    config = Config()
    select = [args.select]
    if not (DATA / "hindi-news-covid2020").is_dir():
        sys.exit(f"no shared data under {DATA}")
    print(f"{'corpus':<16}{'docs':>6}{'words':>10}{'hits':>6}{'per 1k':>9}{'words/s':>10}  by code")
    for name, documents in CORPORA.items():
        docs = words = hits = 0
        codes: Counter[str] = Counter()
        seconds = 0.0
        for doc_name, text in documents():
            day = article_date(doc_name)
            docs += 1
            words += word_count(text)
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
                    print(f"  {doc_name} {day or ''} {d.code} {d.message}\n      …{context}…")
        rate = 1000 * hits / words if words else 0.0
        speed = words / seconds if seconds else 0.0
        by_code = " ".join(f"{c}:{n}" for c, n in sorted(codes.items()))
        print(f"{name:<16}{docs:>6}{words:>10}{hits:>6}{rate:>9.3f}{speed:>10.0f}  {by_code}")
    if args.claims:
        evaluate_claims()


if __name__ == "__main__":
    main()
