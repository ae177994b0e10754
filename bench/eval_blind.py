"""Score qa on a blind set: a table of hand-made sentences (bench/blind_round4.tsv by
default), or a folder of hand-made articles with their slips in ``key.tsv``.

Usage: python bench/eval_blind.py [TSV | FOLDER] [--verbose]

Each sentence (or article) is written to its own file and the files are checked by one run
of the CLI (`qa check --format json --no-cache -j 1`), so each sentence is one article. A
slip is a hit when a warning or error covers its slipped word (a sentence's note
``slip=WRONG→RIGHT``; an article's key row ``file, wrong, right, family, note``), a miss
otherwise; any other finding is a false alarm (in an article, read it: the writer may have
left a real slip).
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


def load_articles(folder: Path) -> list[tuple[str, str, str]]:
    """(article, family, note) rows of a folder of articles, one row per slip of its key
    (an article without a slip is one clean row)."""
    rows = []
    lines = (folder / "key.tsv").read_text(encoding="utf-8").splitlines()[1:]
    key = [fields for line in lines if len(fields := line.split("\t")) == 5]
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        slips = [
            (family, f"slip={wrong}→{right}; {note}")
            for name, wrong, right, family, note in key
            if name == path.name
        ]
        rows += [(text, family, note) for family, note in slips] or [(text, "-", "clean")]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tsv", nargs="?", type=Path, default=HERE / "blind_round4.tsv")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    rows = load_articles(args.tsv) if args.tsv.is_dir() else load(args.tsv)
    texts = list(dict.fromkeys(s for s, _, _ in rows))  # an article once, whatever its slips
    checked = dict(zip(texts, findings(texts), strict=True))
    spans: dict[str, list[tuple[int, int]]] = {text: [] for text in texts}
    for text, _, note in rows:
        word = slipped_word(note)
        if word is not None:
            spans[text].append(slip_span(text, word))
    hits = misses = false = 0
    for text in texts:  # a finding on no slip of its text counts once
        others = [
            d for d in checked[text] if not any(d["start"] < e and d["end"] > b for b, e in spans[text])
        ]
        false += len(others)
        if others:
            print(f"FALSE | {_excerpt(text, others)}")
    for sentence, code, note in rows:
        word = slipped_word(note)
        if word is None:
            if args.verbose:
                print(f"clean {code:5} {'':10} | {sentence} | {note}")
            continue
        start, end = slip_span(sentence, word)
        covered = [d for d in checked[sentence] if d["start"] < end and d["end"] > start]
        hits += bool(covered)
        misses += not covered
        if args.verbose or not covered:
            status, codes = ("HIT " if covered else "MISS"), ",".join(d["code"] for d in covered)
            where = _excerpt(sentence, [{"start": start, "end": end, "code": ""}])
            print(f"{status} {code:5} {codes:10} | {where} | {note}")
    print(f"{len(texts)} texts: {hits + misses} slips, hits {hits}, misses {misses}, false alarms {false}")


def _excerpt(text: str, found: list[dict]) -> str:
    """A sentence whole, or each finding of an article with 40 characters either side."""
    if len(text) < 300:
        return text.strip() + "".join(
            f" [{d['code']} {text[d['start'] : d['end']]}]" for d in found if d["code"]
        )
    pieces = []
    for d in found:
        before, after = text[max(0, d["start"] - 40) : d["start"]], text[d["end"] : d["end"] + 40]
        pieces.append(f"{before}⟦{text[d['start'] : d['end']]}⟧{after} {d['code']}".replace("\n", " "))
    return " … ".join(pieces)


if __name__ == "__main__":
    main()
