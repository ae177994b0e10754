"""The HiWikiEdits gold edits of the agreement classes, sorted into constructions.

For each edit of the classes G is measured on (ADP, ADP:INFL, VERB:INFL, ADJ:INFL,
NOUN:INFL, PRON:INFL), the written and the corrected word say which construction the
edit is about (a genitive का/के/की, a postposition's choice, है/हैं, a possessive, an
adjective, a verb form, a noun's number or case, a spelling); the table shows how many
of each G finds, and how many qa finds with its default rules and G (T001 and T027 find
some). ``--show CLASS`` prints the missed edits of one construction with their context.

Usage: python bench/grammar_misses.py [--split train|valid] [--show CONSTRUCTION]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_grammar import CLASSES, g_findings

from qa import api
from qa.checks import agreement_words as aw
from qa.checks.agreement_lexicon import builtin
from qa.config import Config

from corpora import DATA

_GENITIVES = frozenset(aw.GENITIVE)
_POSTPOSITIONS = aw.word_set("में को पर से ने तक द्वारा")
_AUXILIARIES = aw.word_set("है हैं था थे थी थीं हूँ हूं हो")


def construction(written: str, corrected: str) -> str:
    """Which construction an edit of ``written`` into ``corrected`` is about."""
    pair = {written, corrected}
    if pair <= _GENITIVES:
        return "genitive का/के/की"
    if pair <= _AUXILIARIES:
        return "auxiliary है/हैं/था/थे"
    if written in _POSTPOSITIONS or corrected in _POSTPOSITIONS or written in _GENITIVES:
        return "choice of postposition"
    if written.replace("ो", "ों") == corrected or corrected.replace("ो", "ों") == written:
        return "spelling (a nasal)"
    found = aw.agreeing(written)
    if found is not None and aw.agreeing(corrected) is not None:
        return f"{found.kind} agreement"
    if written[:-1] == corrected[:-1] and builtin().noun(written) is not None:
        return "noun -आ/-ए form"
    if aw.perfective(written) or (aw.gendered(aw.normal(written)) and aw.gendered(aw.normal(corrected))):
        return "verb form"
    if written.endswith(("ों", "ें", "ां", "एं")) or corrected.endswith(("ों", "ें", "ां", "एं")):
        return "noun number or case"
    return "other"


def edits(split: str = "valid") -> Iterator[tuple[str, str, list[str], int, int, str]]:
    """(class, sentence, tokens, first, last token, correction) per gold edit of ``split``."""
    for name in CLASSES:
        tokens: list[str] = []
        found: list[tuple[int, int, str]] = []
        path = DATA / "hiwikiedits-hi-gec" / "m2" / split / f"{name}.m2"
        for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
            if line.startswith("S "):
                tokens, found = line[2:].split(" "), []
            elif line.startswith("A "):
                fields = line[2:].split("|||")
                a, b = map(int, fields[0].split())
                if a >= 0 and fields[1] != "noop":
                    found.append((a, max(b, a + 1), fields[2]))
            elif not line and tokens:
                for a, b, corrected in found:
                    yield name, " ".join(tokens), tokens, a, b, corrected
                tokens = []


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", metavar="CONSTRUCTION", help="print the missed edits of one construction")
    parser.add_argument(
        "--split",
        choices=("train", "valid"),
        default="valid",
        help="train to look for patterns, valid to report",
    )
    args = parser.parse_args()
    linter = api.linter(Config())
    rows: dict[str, Counter[str]] = {}
    for _, sentence, tokens, a, b, corrected in edits(args.split):
        start = sum(len(t) + 1 for t in tokens[:a])
        end = start + sum(len(t) + 1 for t in tokens[a:b]) - 1
        kind = construction(" ".join(tokens[a:b]), corrected)
        by_g = any(d.start < end and d.end > start for d in g_findings(sentence))
        by_qa = any(d.start < end and d.end > start for d in linter.check(api.document(sentence)))
        row = rows.setdefault(kind, Counter())
        row.update(edits=1, g=by_g, qa=by_qa or by_g)
        if args.show == kind and not by_g:
            context = " ".join(tokens[max(0, a - 5) : a]) + f" [{' '.join(tokens[a:b])}→{corrected}] "
            print(context + " ".join(tokens[b : b + 5]))
    if args.show:
        return
    print("| construction | gold edits | found by G | found by qa (default rules + G) |")
    print("|---|---:|---:|---:|")
    for kind, row in sorted(rows.items(), key=lambda item: -item[1]["edits"]):
        print(f"| {kind} | {row['edits']} | {row['g']} | {row['qa']} |")
    total = sum(rows.values(), Counter())
    print(f"| all | {total['edits']} | {total['g']} | {total['qa']} |")


if __name__ == "__main__":
    main()
