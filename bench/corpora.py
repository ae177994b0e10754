"""The clean evaluation corpora (third-party data beside the project, never shipped).

Each corpus yields documents: a news file is one document (a day of one paper);
sentence-per-line sets are grouped into documents of 20 lines so that
document-level rules (consistency) see realistic lengths.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("QA_SHARED_DATA", ROOT.parent / "shared" / "data"))
_SPACED_DANDA = regex.compile(r"(?<=\S) +(?=।)")
LINES_PER_DOCUMENT = 20


def news_documents(*, normalise_danda: bool = True) -> Iterator[tuple[str, str]]:
    """(name, text) per newspaper file.

    Four of the five papers went through a collector's normaliser that put a space
    before every danda (see the corpus's SOURCE.md); ``normalise_danda`` undoes it
    so that the spacing rules are measured on the papers' copy, not on that artefact.
    """
    for path in sorted((DATA / "hindi-news-covid2020" / "corpus").rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        yield path.name, _SPACED_DANDA.sub("", text) if normalise_danda else text


def _grouped(name: str, lines: list[str]) -> Iterator[tuple[str, str]]:
    for i in range(0, len(lines), LINES_PER_DOCUMENT):
        yield f"{name}:{i + 1}", "\n".join(lines[i : i + LINES_PER_DOCUMENT]) + "\n"


def line_corpus(relative: str, *, column: int | None = None) -> Iterator[tuple[str, str]]:
    path = DATA / relative
    lines = path.read_text(encoding="utf-8").splitlines()
    if column is not None:
        lines = [row.split("\t")[column] for row in lines[1:] if "\t" in row]
    yield from _grouped(path.name, [line for line in lines if line.strip()])


WIKIPEDIA = "hindi-wikipedia-articles-20k/hiwiki_lines_dedup.txt.gz"
#: Every 20th Wikipedia line is held out of the context counts T003 ships, to measure on.
HELD_OUT_EVERY = 20


def wikipedia_lines(*, held_out: bool) -> Iterator[str]:
    """The Wikipedia lines the context counts are built from, or (``held_out``) the others."""
    with gzip.open(DATA / WIKIPEDIA, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if (number % HELD_OUT_EVERY == HELD_OUT_EVERY - 1) == held_out and line.strip():
                yield line.strip()


CORPORA = {
    "news-covid2020": lambda: news_documents(),
    "flores200-dev": lambda: line_corpus("flores200-hindi/hin_Deva.dev"),
    "ud-hindi-pud": lambda: line_corpus("ud-hindi-pud/hi_pud_sentences.tsv", column=1),
    "ntrex128": lambda: line_corpus("ntrex128-hindi/newstest2019-ref.hin.txt"),
    "wikipedia-held-out": lambda: _grouped("hiwiki", list(wikipedia_lines(held_out=True))),
}


def word_count(text: str) -> int:
    return len(text.split())
