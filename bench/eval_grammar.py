"""Evaluate the G (gender and number agreement) family and print tables.

1. HiWikiEdits valid (ERRANT m2, one gold edit per sentence): recall over the
   postposition and inflection edits (ADP, ADP:INFL, VERB:INFL, ADJ:INFL, NOUN:INFL,
   PRON:INFL); every finding, in any file, that overlaps no gold edit is looked up in the
   hand audit (bench/grammar_audit.tsv), and precision counts gold hits plus audited
   real errors.
2. False alarms on clean text the noun counts never saw (FLORES dev, NTREX, UD PUD and
   the held-out tenth of the Wikipedia lines, see bench/build_grammar_lexicon.py): every
   finding is looked up in the audit; false alarms (and findings not yet judged) per
   1,000 words.
3. IndicGEC 2025 dev and train: detection precision of the default rules with G on, and
   of G, against the gold and with G's findings outside it looked up in the audit (the
   default rules' audited figure counts only G's audited findings).

``--show`` prints each finding not yet in the audit, with its context, to judge.

Usage: python bench/eval_grammar.py [--show]  (reads ../shared/data or $QA_SHARED_DATA)
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_grammar_lexicon import HELD_OUT, WIKIPEDIA  # noqa: E402
from eval_spelling import gec_pairs, m2_sentences  # noqa: E402

from qa import api  # noqa: E402
from qa.config import Config  # noqa: E402
from qa.diagnostic import Diagnostic  # noqa: E402

from corpora import DATA, line_corpus, word_count  # noqa: E402

AUDIT = Path(__file__).with_name("grammar_audit.tsv")
CLASSES = ("R_ADP", "R_ADP_INFL", "R_VERB_INFL", "R_ADJ_INFL", "R_NOUN_INFL", "R_PRON_INFL")
#: Held-out Wikipedia lines checked (every HELD_OUT-th line, up to this many).
WIKIPEDIA_LINES = 4000


def g_findings(text: str) -> list[Diagnostic]:
    config = Config()
    config.values["select"] = ["G"]
    return api.check(text, config=config)


def audit() -> dict[tuple[str, str], str]:
    """(where, finding key) -> verdict ("error" or "false-alarm")."""
    rows = [r.split("\t") for r in AUDIT.read_text(encoding="utf-8").splitlines() if r and r[0] != "#"]
    return {(r[0], r[1]): r[2] for r in rows}


def finding_key(text: str, d: Diagnostic) -> str:
    """The finding with a little context: stable across line numbering changes."""
    return f"{d.code} {text[max(0, d.start - 25) : d.end + 25]}".replace("\n", " ").replace("\t", " ")


def wikipedia_held_out() -> Iterator[tuple[str, str]]:
    with gzip.open(DATA / WIKIPEDIA, "rt", encoding="utf-8") as handle:
        lines = [line.strip() for i, line in enumerate(handle) if i % HELD_OUT == 0 and line.strip()]
    lines = lines[:WIKIPEDIA_LINES]
    for i in range(0, len(lines), 20):
        yield f"wiki:{i}", "\n".join(lines[i : i + 20]) + "\n"


CLEAN = {
    "flores200-dev": lambda: line_corpus("flores200-hindi/hin_Deva.dev"),
    "ntrex128": lambda: line_corpus("ntrex128-hindi/newstest2019-ref.hin.txt"),
    "ud-hindi-pud": lambda: line_corpus("ud-hindi-pud/hi_pud_sentences.tsv", column=1),
    "wikipedia-held-out": wikipedia_held_out,
}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "–"


def real_errors(judged: dict[tuple[str, str], str], show: bool) -> None:
    print("## HiWikiEdits valid: G findings against the gold edits\n")
    print("| file | gold edits | detected | recall | findings | on gold | audited errors | not audited |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    totals = Counter[str]()
    codes = Counter[str]()
    for path in sorted((DATA / "hiwikiedits-hi-gec" / "m2" / "valid").glob("R_*.m2")):
        row = Counter[str]()
        for src, spans in m2_sentences(path):
            findings = g_findings(src)
            row["gold"] += len(spans)
            row["hit"] += sum(any(d.start < e and d.end > s for d in findings) for s, e in spans)
            for d in findings:
                row["found"] += 1
                codes[d.code] += 1
                if any(d.start < e and d.end > s for s, e in spans):
                    row["on-gold"] += 1
                    continue
                verdict = judged.get((path.stem, finding_key(src, d)))
                row["audited"] += verdict == "error"
                row["unaudited"] += verdict is None
                if verdict is None and show:
                    print(f"?\t{path.stem}\t{finding_key(src, d)}\t\t{d.message}", file=sys.stderr)
        if path.stem in CLASSES:
            totals.update({k: v for k, v in row.items() if k in ("gold", "hit")})
        totals.update({k: v for k, v in row.items() if k not in ("gold", "hit")})
        print(
            f"| {path.stem} | {row['gold']} | {row['hit']} | {_ratio(row['hit'], row['gold'])} "
            f"| {row['found']} | {row['on-gold']} | {row['audited']} | {row['unaudited']} |"
        )
    real = totals["on-gold"] + totals["audited"]
    print(
        f"\nRecall over {', '.join(CLASSES)}: {totals['hit']}/{totals['gold']} = "
        f"**{_ratio(totals['hit'], totals['gold'])}**"
    )
    print(
        f"Precision (gold hits + audited real errors) / findings: {real}/{totals['found']} = "
        f"**{_ratio(real, totals['found'])}** ({totals['unaudited']} not audited)"
    )
    print("By code: " + " ".join(f"{c}:{n}" for c, n in sorted(codes.items())) + "\n")


def false_alarms(judged: dict[tuple[str, str], str], show: bool) -> None:
    print("## G findings on clean text (not seen by the noun counts), judged by hand\n")
    print("| corpus | words | findings | real errors | false alarms | not audited | FA per 1,000 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, documents in CLEAN.items():
        row = Counter[str]()
        for _, text in documents():
            row["words"] += word_count(text)
            for d in g_findings(text):
                row["found"] += 1
                verdict = judged.get((name, finding_key(text, d)))
                row[verdict or "unaudited"] += 1
                if verdict is None and show:
                    print(f"?\t{name}\t{finding_key(text, d)}\t\t{d.message}", file=sys.stderr)
        alarms = row["false-alarm"] + row["unaudited"]
        print(
            f"| {name} | {row['words']} | {row['found']} | {row['error']} | {row['false-alarm']} "
            f"| {row['unaudited']} | {1000 * alarms / max(row['words'], 1):.3f} |"
        )


def indicgec(judged: dict[tuple[str, str], str], show: bool) -> None:
    """Detection precision on IndicGEC (a finding overlapping a corrected token is right)
    with the default rules, G among them, and of G alone: against the gold, and with the
    G findings outside it looked up in the audit (where ``indicgec-dev``/``-train``)."""
    print("\n## IndicGEC 2025: detection precision with G on\n")
    print("| split | rules | findings | on gold | precision | audited errors | audited precision |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for split in ("dev", "train"):
        rows = {"default (G on)": Counter[str](), "G alone": Counter[str]()}
        for src, spans in gec_pairs(DATA / "indicgec2025-hindi" / f"{split}.csv"):
            found = {"default (G on)": api.check(src, config=Config()), "G alone": g_findings(src)}
            for name, findings in found.items():
                for d in findings:
                    on_gold = any(d.start < e and d.end > s for s, e in spans)
                    rows[name]["found"] += 1
                    rows[name]["tp"] += on_gold
                    if on_gold or not d.code.startswith("G"):
                        continue
                    verdict = judged.get((f"indicgec-{split}", finding_key(src, d)))
                    rows[name]["audited"] += verdict == "error"
                    if verdict is None and show and name == "G alone":
                        print(f"?\tindicgec-{split}\t{finding_key(src, d)}\t\t{d.message}", file=sys.stderr)
        for name, row in rows.items():
            real = row["tp"] + row["audited"]
            print(
                f"| {split} | {name} | {row['found']} | {row['tp']} | {_ratio(row['tp'], row['found'])} "
                f"| {row['audited']} | {_ratio(real, row['found'])} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", action="store_true", help="print unaudited findings to stderr")
    args = parser.parse_args()
    judged = audit() if AUDIT.exists() else {}
    real_errors(judged, args.show)
    false_alarms(judged, args.show)
    indicgec(judged, args.show)


if __name__ == "__main__":
    main()
