"""False alarms of the F rules (ordinals and facts) on clean corpora, per 1,000 words.

Reads the shared evaluation data from ``../shared/data`` (or ``$QA_SHARED_DATA``). Each
newspaper file is one document dated from its file name (AU-2020-MAR-25.txt); the line
corpora (FLORES, UD PUD, NTREX) are one document each, undated (today's date, as a user
without --date would get). ``--show`` prints every warning and error with its context.

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
from qa.text.ordinals import Ordinal, correct_form, find  # noqa: E402

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


def claim_sentences() -> list[str]:
    """Lines of the Wikipedia sample and the news corpus that mention an office noun."""
    lines: list[str] = []
    wiki = DATA / "hindi-wikipedia-articles-20k" / "hiwiki_lines_dedup.txt.gz"
    if wiki.is_file():
        with gzip.open(wiki, "rt", encoding="utf-8") as handle:
            lines += handle.read().splitlines()
    for text, _ in corpora().get("hindi-news-covid2020", []):
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
    if args.claims:
        evaluate_claims()


if __name__ == "__main__":
    main()
