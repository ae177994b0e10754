"""Score qa on a blind table of hand-made sentences (bench/blind_round4.tsv by default).

Usage: python bench/eval_blind.py [TSV] [--verbose]

Each sentence is written to its own file and the files are checked by one run of the CLI
(`qa check --format json --no-cache -j 1`), so each sentence is one article. A slipped
sentence is a hit when a warning or error covers its slipped word (the note's
``slip=WRONG→RIGHT``), a miss otherwise; any other finding is a false alarm.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
QA = Path(sys.executable).with_name("qa")


def load(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, code, note = line.split("\t")
            rows.append((sentence, code, note))
    return rows


def slipped_word(note: str) -> str | None:
    for part in note.split(";"):
        part = part.strip()
        if part.startswith("slip="):
            return part[5:].split("→")[0]
    return None


def findings(sentences: list[str]) -> list[list[dict]]:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, sentence in enumerate(sentences):
            path = Path(folder) / f"s{number:03d}.txt"
            path.write_text(sentence + "\n", encoding="utf-8")
            paths.append(path)
        run = subprocess.run(
            [str(QA), "check", "--format", "json", "--no-cache", "-j", "1", folder],
            capture_output=True,
            text=True,
            check=False,
        )
        report = json.loads(run.stdout)
        by_file: dict[str, list[dict]] = {p.name: [] for p in paths}
        for d in report["diagnostics"]:
            if d.get("severity") in ("warning", "error"):
                by_file[Path(d["path"]).name].append(d)
        return [by_file[p.name] for p in paths]


def slip_span(sentence: str, word: str) -> tuple[int, int]:
    """Where the slipped word stands: its first occurrence, not run on by a letter or a
    sign on either side when it begins or ends in one (मे is not the start of में, nor
    कि the end of जबकि; a slipped । may be glued on)."""
    letter = r"[\w\u0900-\u0963\u0966-\u097f]"
    beginning = r"(?<!" + letter + ")" if re.fullmatch(letter, word[0]) else ""
    ending = r"(?!" + letter + ")" if re.fullmatch(letter, word[-1]) else ""
    match = re.search(beginning + re.escape(word) + ending, sentence)
    start = match.start() if match else sentence.find(word)
    return start, start + len(word)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tsv", nargs="?", type=Path, default=HERE / "blind_round4.tsv")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    rows = load(args.tsv)
    results = findings([s for s, _, _ in rows])
    hits = misses = false = clean_quiet = 0
    for (sentence, code, note), found in zip(rows, results, strict=True):
        word = slipped_word(note)
        covered = []
        if word is not None:
            start, end = slip_span(sentence, word)
            covered = [d for d in found if d["start"] < end and d["end"] > start]
        others = [d for d in found if d not in covered]
        false += len(others)
        if word is None:
            clean_quiet += not others
        elif covered:
            hits += 1
        else:
            misses += 1
        status = "clean" if word is None else ("HIT " if covered else "MISS")
        if args.verbose or others or (word is not None and not covered):
            codes = ",".join(d["code"] for d in covered)
            extra = "; ".join(f"{d['code']} {sentence[d['start'] : d['end']]}" for d in others)
            line = f"{status} {code:5} {codes:10} | {sentence} | {note}"
            print(line + (f" | FALSE: {extra}" if extra else ""))
    slipped = hits + misses
    print(f"{len(rows)} sentences: {slipped} slips, hits {hits}, misses {misses}, false alarms {false}")


if __name__ == "__main__":
    main()
