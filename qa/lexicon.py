"""The Hindi lexicon: wordfreq's Hindi frequencies plus the project's additions.

wordfreq's data file is read directly (``small_hi.msgpack.gz``, the format its own
``read_cBpack`` documents) instead of importing ``wordfreq``, whose import alone
costs about 100 ms of start-up. Words are NFC-normalised; frequencies are Zipf
values (log10 of occurrences per billion words, 0 for unknown words).
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import msgpack

from qa.engine.registry import rules_dir
from qa.errors import RuleDataError

#: Zipf given to words that only the project lists (rare but real).
ADDITION_ZIPF = 2.0


def _wordfreq_file() -> Path:
    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        raise RuleDataError("the wordfreq package is not installed (pip install wordfreq)")
    return Path(spec.origin).parent / "data" / "small_hi.msgpack.gz"


def _read_cbpack(path: Path) -> dict[str, float]:
    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False)
    header, buckets = data[0], data[1:]
    if not isinstance(header, dict) or header.get("format") != "cB":
        raise RuleDataError(f"{path}: unexpected wordfreq data format")
    zipf: dict[str, float] = {}
    for centibels, words in enumerate(buckets):
        value = round(9 - centibels / 100, 2)  # -cB/100 = log10(p); Zipf = log10(p) + 9
        for word in words:
            key = unicodedata.normalize("NFC", word)
            if key not in zipf:
                zipf[key] = value
    return zipf


def read_word_list(path: Path) -> list[str]:
    """One word per line; ``#`` starts a comment; entries must be NFC."""
    words = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        word = line.split("#", 1)[0].strip()
        if not word:
            continue
        if not unicodedata.is_normalized("NFC", word):
            raise RuleDataError(f"{path}:{number}: {word!r} is not NFC")
        words.append(word)
    return words


@cache
def frequencies() -> dict[str, float]:
    """Word -> Zipf frequency, wordfreq first, then ``rules/lexicon/*.txt``."""
    zipf = _read_cbpack(_wordfreq_file())
    for path in sorted((rules_dir() / "lexicon").glob("*.txt")):
        for word in read_word_list(path):
            zipf.setdefault(word, ADDITION_ZIPF)
    return zipf


def zipf(word: str) -> float:
    return frequencies().get(word, 0.0)


def known(word: str) -> bool:
    return word in frequencies()
