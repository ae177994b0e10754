"""Build ``data/grammar/noun-gender.tsv.gz``: the evidence for each noun's gender, and
``data/grammar/doers.tsv.gz``: how often each word stood before ने, the doer's mark.

Counts, over openly licensed prose only (Hindi Wikipedia CC BY-SA, HiNER CC BY-SA 4.0,
IL-NER CC BY 4.0), the agreeing words around each word that may be a noun: a genitive,
possessive, adjective or attributive participle right before it in its masculine direct
(का, बड़ा), masculine oblique/plural (के, बड़े) or feminine (की, बड़ी) form, when the word
ends its noun phrase; and a perfective or auxiliary right after it (था/हुआ/गया vs
थी/हुई/गई) when it starts one. Counts, not verdicts: qa decides at load time, and a
word with too little or mixed evidence has no gender. The doers' table counts, for each
word met before ने at least :data:`MIN_DOER` times, those times and all its occurrences:
nouns of institutions and groups that act (सरकार, पुलिस, अदालत, टीम) stand before ने far
more often than nouns of things (G037 reads them as subjects).

Held out, so that false alarms are measured on text the counts never saw: FLORES,
NTREX, UD PUD, and every tenth line of the Wikipedia file (bench/eval_grammar.py
reads those lines).

Usage: python bench/build_grammar_lexicon.py  (reads ../shared/data or $QA_SHARED_DATA)
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.checks import agreement_words as aw  # noqa: E402
from qa.text.tokenize import Kind, tokens  # noqa: E402

DATA = Path(os.environ.get("QA_SHARED_DATA", ROOT.parent / "shared" / "data"))
OUT = ROOT / "data" / "grammar" / "noun-gender.tsv.gz"
DOERS_OUT = ROOT / "data" / "grammar" / "doers.tsv.gz"
WIKIPEDIA = "hindi-wikipedia-articles-20k/hiwiki_lines_dedup.txt.gz"
SOURCES = [
    WIKIPEDIA,
    "hiner-validation-sentences/hiner_validation_sentences.txt",
    "ilner-hindi-sentences/ilner_hindi_train.txt",
    "ilner-hindi-sentences/ilner_hindi_dev.txt",
    "ilner-hindi-sentences/ilner_hindi_test.txt",
]
#: Every HELD_OUT-th Wikipedia line is kept for the false-alarm measurement.
HELD_OUT = 10
MIN_TOTAL = 3
#: The fewest times a word must stand before ने to enter the doers' table.
MIN_DOER = 5
COLUMNS = ("direct", "oblique", "feminine", "verb-m", "verb-f")
HEADER = (
    "# Gender evidence for nouns, built by bench/build_grammar_lexicon.py from Hindi Wikipedia\n"
    "# article text (Hindi Wikipedia contributors, CC BY-SA 3.0/4.0), HiNER validation sentences\n"
    "# (CC BY-SA 4.0) and IL-NER Hindi sentences (CC BY 4.0). Licensed CC BY-SA 4.0.\n"
    "# Columns: word, then how often it followed a masculine direct (का, बड़ा), masculine\n"
    "# oblique/plural (के, बड़े) and feminine (की, बड़ी) agreeing word, and preceded a\n"
    "# masculine (था, हुआ, गया) and feminine (थी, हुई, गई) verb form.\n"
)
DOERS_HEADER = (
    "# Doers: words met before ने, built by bench/build_grammar_lexicon.py from the same\n"
    "# sources as noun-gender.tsv.gz (Hindi Wikipedia CC BY-SA 3.0/4.0, HiNER CC BY-SA 4.0,\n"
    "# IL-NER CC BY 4.0). Licensed CC BY-SA 4.0.\n"
    "# Columns: word, how often ने followed it, how often it occurred.\n"
)
#: Verbs whose habitual participle agrees with its subject (होता/होती है).
_HABITUAL = ("हो", "जा", "रह", "मिल", "लग", "बन", "चल", "आ", "पड़", "बढ़", "घट")
_VERBS = {
    **{f"{stem}ता": 3 for stem in _HABITUAL},
    **{f"{stem}ती": 4 for stem in _HABITUAL},
    "था": 3,
    "थे": 3,
    "हुआ": 3,
    "हुए": 3,
    "गया": 3,
    "गए": 3,
    "थी": 4,
    "थीं": 4,
    "हुई": 4,
    "हुईं": 4,
    "गई": 4,
    "गईं": 4,
}
_COLUMN = {"direct": 0, "oblique": 1, "feminine": 2}


def wikipedia_line(index: int) -> bool:
    """Whether Wikipedia line ``index`` feeds the counts (the rest is held out)."""
    return index % HELD_OUT != 0


def lines() -> Iterator[str]:
    for name in SOURCES:
        path = DATA / name
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for index, line in enumerate(handle):
                if name != WIKIPEDIA or wikipedia_line(index):
                    yield line


def words(line: str) -> list[str | None]:
    """The words of a line, None for punctuation and numbers."""
    return [aw.key(aw.normal(t.text)) if t.kind is Kind.WORD else None for t in tokens(line)]


#: Words a genitive or possessive may stand before its noun's modifiers with.
_MODIFIERS = aw.word_set("सबसे बहुत एक इस उस इन उन")


def _ends(row: list[str | None], i: int) -> bool:
    """The word at ``i`` ends its noun phrase: :func:`agreement_words.ends_phrase`, or an
    intransitive perfective that ends its verb group follows (नीति बनी।, जांच हुई है)."""
    following = row[i + 1] if i + 1 < len(row) else None
    if aw.ends_phrase(following):
        return True
    after = row[i + 2] if i + 2 < len(row) else None
    return aw.intransitive_perfective(following or "") and (after is None or after in aw.AUXILIARIES)


def _distant_genitive(row: list[str | None], i: int) -> aw.Agreeing | None:
    """A genitive or possessive before the modifiers right before ``i`` (का सबसे बड़ा शहर)."""
    k = i - 1
    while k > 0 and k > i - 4 and row[k] is not None:
        found = aw.attributive(row, k)
        if row[k] not in _MODIFIERS and (found is None or found.kind != "adjective"):
            break
        k -= 1
    found = aw.attributive(row, k) if 0 <= k < i - 1 and row[k] is not None else None
    return found if found is not None and found.kind in ("genitive", "possessive") else None


def count(counts: dict[str, list[int]], row: list[str | None]) -> None:
    for i, word in enumerate(row):
        if word is None or not aw.is_candidate(word) or aw.intransitive_perfective(word):
            continue
        following = row[i + 1] if i + 1 < len(row) else None
        if _ends(row, i):
            for before in (aw.attributive(row, i - 1) if i > 0 else None, _distant_genitive(row, i)):
                if before is not None:
                    counts[word][_COLUMN[before.form]] += 1
        previous = row[i - 1] if i > 0 else None
        starts = previous is None or previous in aw.POSTPOSITIONS or previous in aw.FUNCTION_WORDS
        if following in _VERBS and starts:
            counts[word][_VERBS[following]] += 1


def main() -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(COLUMNS))
    ergative: dict[str, int] = defaultdict(int)
    occurrences: dict[str, int] = defaultdict(int)
    for line in lines():
        row = words(line)
        count(counts, row)
        for word, following in zip(row, [*row[1:], None], strict=True):
            if word is not None:
                occurrences[word] += 1
                ergative[word] += following == "ने"
    kept = sorted((w, c) for w, c in counts.items() if sum(c) >= MIN_TOTAL)
    _write(OUT, HEADER, ("word", *COLUMNS), kept)
    doers = sorted((w, [n, occurrences[w]]) for w, n in ergative.items() if n >= MIN_DOER)
    _write(DOERS_OUT, DOERS_HEADER, ("word", "ergative", "occurrences"), doers)


def _write(path: Path, header: str, columns: tuple[str, ...], rows: list[tuple[str, list[int]]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # no time stamp in the gzip header: the same counts make the same bytes
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as raw, io.TextIOWrapper(raw, "utf-8") as out:
        out.write(header)
        out.write("\t".join(columns) + "\n")
        for word, row in rows:
            out.write("\t".join((word, *map(str, row))) + "\n")
    print(f"{len(rows)} words -> {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
