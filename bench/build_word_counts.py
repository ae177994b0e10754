"""Build ``data/spelling/wordcounts.msgpack.gz``: how often each Devanagari word occurs in
openly licensed, edited prose — the evidence T002 weighs before it trusts a written form.

Counts, over Hindi Wikipedia article text (CC BY-SA), HiNER validation sentences (CC BY-SA
4.0) and IL-NER Hindi sentences (CC BY 4.0), every word of Devanagari letters, in NFC and
without joiners (the look-up form, :func:`qa.lexicon.plain`); every 20th Wikipedia line is held
out (``bench/corpora.py``) to measure false alarms on. Words seen once are dropped:
a single sighting is no evidence, and the file stays small. FLORES, NTREX and UD PUD are
left out on purpose: they are the clean copy the false-alarm figures are measured on.

Usage: python bench/build_word_counts.py  (reads ../shared/data or $QA_SHARED_DATA)
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import msgpack  # noqa: E402
import regex  # noqa: E402
from build_spelling_context import lines  # noqa: E402

from qa import lexicon  # noqa: E402

OUT = ROOT / "data" / "spelling" / "wordcounts.msgpack.gz"
MIN_COUNT = 2
LICENCE = (
    "Word counts for qa's spelling rules, built by bench/build_word_counts.py from: Hindi "
    "Wikipedia article text (Hindi Wikipedia contributors, CC BY-SA 3.0/4.0), HiNER validation "
    "sentences (CC BY-SA 4.0) and IL-NER Hindi sentences (CC BY 4.0). This derived table is "
    "licensed CC BY-SA 4.0. Keys: total tokens; counts {word: n} for words seen at least twice; "
    "doubled {word: n}, how often each word was seen written twice in a row (घर घर, धीरे-धीरे)."
)
_WORD = regex.compile(r"(?=\p{Devanagari})[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")
#: A word written twice in a row, with a space or a hyphen between (घर घर, धीरे-धीरे).
_DOUBLED = regex.compile(
    r"(?<![\u0900-\u097f])((?=\p{Devanagari})[\u0900-\u0963\u0971-\u097f]+)"
    r"[ \t]*[-–]?[ \t]*\1(?![\u0900-\u097f])"
)


def main() -> None:
    counts: Counter[str] = Counter()
    doubled: Counter[str] = Counter()
    for line in lines():
        counts.update(lexicon.plain(w) for w in _WORD.findall(line))
        doubled.update(lexicon.plain(m.group(1)) for m in _DOUBLED.finditer(line))
    total = sum(counts.values())
    kept = {w: n for w, n in sorted(counts.items()) if n >= MIN_COUNT}
    twice = dict(sorted(doubled.items()))
    with gzip.open(OUT, "wb", compresslevel=9) as out:
        msgpack.dump({"licence": LICENCE, "total": total, "counts": kept, "doubled": twice}, out)
    size = OUT.stat().st_size
    print(f"{OUT.relative_to(ROOT)}: {total} tokens, {len(kept)} words, {len(twice)} doubled, {size} bytes")


if __name__ == "__main__":
    main()
