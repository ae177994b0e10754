"""Evaluate the T (typos and spelling) family and print tables.

1. False alarms: T warnings+errors per 1,000 words on clean corpora (each news file is
   one document; the other sets are checked in chunks of 50 lines).
2. Detection precision/recall on real error corpora: a T finding is a true positive
   when it overlaps a gold edit of the source sentence (HiWikiEdits m2 per error type;
   IndicGEC 2025 by token alignment). The register was partly mined from the HiWikiEdits
   *train* split, so the valid split is the clean comparison.
3. Synthetic-error recall per class on clean sentences.
4. Speed: words/s of the default rule set on the news corpus (one core).

Usage: python bench/eval_spelling.py [--quick]  (reads ../shared/data or $QA_SHARED_DATA)
"""

from __future__ import annotations

import argparse
import csv
import difflib
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa import api, lexicon  # noqa: E402
from qa.config import Config  # noqa: E402
from qa.diagnostic import Severity  # noqa: E402
from qa.text.tokenize import word_spans  # noqa: E402

DATA = Path(os.environ.get("QA_SHARED_DATA", ROOT.parent / "shared" / "data"))
ANCHOR = "Hi-GEC (COLING 2025) correction on HiWikiEdits test: P 0.403  R 0.121  F0.5 0.275"


def t_config() -> Config:
    config = Config()
    config.values["select"] = ["T"]
    return config


def t_findings(text: str, config: Config) -> list:
    return [d for d in api.check(text, config=config) if d.severity >= Severity.WARNING]


# 1. False alarms -------------------------------------------------------------------------------


def clean_documents() -> Iterator[tuple[str, list[str]]]:
    news = sorted((DATA / "hindi-news-covid2020" / "corpus").rglob("*.txt"))
    yield "hindi-news-covid2020", [p.read_text(encoding="utf-8") for p in news]
    for name, rel in [
        ("flores200-hindi", "flores200-hindi/hin_Deva.dev"),
        ("ntrex128-hindi", "ntrex128-hindi/newstest2019-ref.hin.txt"),
    ]:
        yield name, _chunks((DATA / rel).read_text(encoding="utf-8").splitlines())
    pud = (DATA / "ud-hindi-pud" / "hi_pud_sentences.tsv").read_text(encoding="utf-8").splitlines()
    yield "ud-hindi-pud", _chunks([row.split("\t")[-1] for row in pud if row and not row.startswith("#")])


def _chunks(lines: list[str], size: int = 50) -> list[str]:
    return ["\n".join(lines[i : i + size]) for i in range(0, len(lines), size)]


def false_alarms(show: int) -> None:
    config = t_config()
    print("\n## T false alarms on clean text (warnings+errors per 1,000 words)\n")
    print("| corpus | words | findings | per 1,000 | by code |\n|---|---:|---:|---:|---|")
    examples: list[str] = []
    for name, docs in clean_documents():
        words = found = 0
        codes: Counter[str] = Counter()
        for text in docs:
            words += len(word_spans(text))
            for d in t_findings(text, config):
                found += 1
                codes[d.code] += 1
                if len(examples) < show:
                    examples.append(f"{name} {d.code} {text[max(0, d.start - 30) : d.end + 30]!r}")
        by = " ".join(f"{c}:{n}" for c, n in sorted(codes.items()))
        print(f"| {name} | {words} | {found} | {1000 * found / max(words, 1):.2f} | {by} |")
    for line in examples:
        print("  ", line.replace("\n", " "))


# 2. Real error corpora -------------------------------------------------------------------------


def m2_sentences(path: Path) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """(source sentence, gold character spans) from an ERRANT m2 file."""
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("S "):
            tokens, spans = line[2:].split(" "), []
        elif line.startswith("A "):
            a, b = map(int, line[2:].split("|||")[0].split())
            if a >= 0 and line.split("|||")[1] != "noop":
                spans.append(_char_span(tokens, a, max(b, a + 1)))
        elif not line and tokens:
            yield " ".join(tokens), spans
            tokens = []


def _char_span(tokens: list[str], a: int, b: int) -> tuple[int, int]:
    start = sum(len(t) + 1 for t in tokens[:a])
    end = start + sum(len(t) + 1 for t in tokens[a:b]) - 1
    return start, end


def gec_pairs(path: Path) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """IndicGEC rows: source and the spans of source tokens the correction changed."""
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            src, tgt = row["Input sentence"], row["Output sentence"]
            a, b = src.split(), tgt.split()
            spans = []
            for op, i1, i2, _, _ in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
                if op in ("replace", "delete"):
                    spans.append(_char_span(a, i1, i2))
            yield src, spans


def score(pairs: Iterator[tuple[str, list[tuple[int, int]]]], config: Config) -> tuple[int, int, int, int]:
    """(true positives, findings, gold edits detected, gold edits)."""
    tp = found = hit = gold = 0
    for src, spans in pairs:
        findings = t_findings(src, config)
        found += len(findings)
        gold += len(spans)
        tp += sum(any(d.start < e and d.end > s for s, e in spans) for d in findings)
        hit += sum(any(d.start < e and d.end > s for d in findings) for s, e in spans)
    return tp, found, hit, gold


def real_errors() -> None:
    config = t_config()
    print("\n## Detection on real error corpora (a finding overlapping a gold edit is correct)\n")
    print(f"Anchor: {ANCHOR}\n")
    print("| corpus | split / type | findings | precision | recall (edits) |\n|---|---|---:|---:|---:|")
    for split in ("valid", "train"):
        total = [0, 0, 0, 0]
        for path in sorted((DATA / "hiwikiedits-hi-gec" / "m2" / split).glob("R_*.m2")):
            tp, found, hit, gold = score(m2_sentences(path), config)
            total = [x + y for x, y in zip(total, (tp, found, hit, gold), strict=True)]
            if found or split == "valid":
                row = f"{found} | {_ratio(tp, found)} | {_ratio(hit, gold)}"
                print(f"| HiWikiEdits | {split} {path.stem} | {row} |")
        tp, found, hit, gold = total
        print(f"| HiWikiEdits | **{split} all** | {found} | **{_ratio(tp, found)}** | {_ratio(hit, gold)} |")
    for split in ("dev", "train"):
        tp, found, hit, gold = score(gec_pairs(DATA / "indicgec2025-hindi" / f"{split}.csv"), config)
        print(f"| IndicGEC 2025 | {split} | {found} | {_ratio(tp, found)} | {_ratio(hit, gold)} |")


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "–"


# 3. Synthetic errors ---------------------------------------------------------------------------

_LONG_SHORT = {"ी": "ि", "ि": "ी", "ू": "ु", "ु": "ू"}


def _mutate(word: str, kind: str, rng: random.Random) -> str | None:
    if kind == "matra-swap":
        spots = [i for i, ch in enumerate(word) if ch in _LONG_SHORT]
        if spots:
            i = rng.choice(spots)
            return word[:i] + _LONG_SHORT[word[i]] + word[i + 1 :]
    elif kind == "matra-drop":
        spots = [i for i, ch in enumerate(word) if "\u093e" <= ch <= "\u094c" and i < len(word) - 1]
        if spots:
            i = rng.choice(spots)
            return word[:i] + word[i + 1 :]
    elif kind in ("nukta-drop", "nasal-drop"):
        marks = "\u093c" if kind == "nukta-drop" else "\u0902\u0901"
        spots = [i for i, ch in enumerate(word) if ch in marks]
        if spots:
            i = rng.choice(spots)
            return word[:i] + word[i + 1 :]
    elif kind == "function-word-stray-letter" and word in ("के", "की", "का", "को", "से"):
        return word + rng.choice("कसनमरतल")
    return None


def synthetic(limit: int) -> None:
    config = t_config()
    lines = [
        line
        for line in (DATA / "ud-hindi-pud" / "hi_pud_sentences.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    sentences = [row.split("\t")[-1] for row in lines][:limit]
    print("\n## Synthetic-error recall (one error per clean UD-PUD sentence)\n")
    print("| class | cases | detected | recall |\n|---|---:|---:|---:|")
    for kind in ("matra-swap", "matra-drop", "nukta-drop", "nasal-drop", "function-word-stray-letter"):
        rng = random.Random(7)
        cases = hits = 0
        for sentence in sentences:
            words = word_spans(sentence)
            rng.shuffle(words)
            for word, start in words:
                if len(word) < 2 and kind != "function-word-stray-letter":
                    continue
                wrong = _mutate(word, kind, rng)
                stray = kind == "function-word-stray-letter" and wrong is not None
                if not stray and (wrong is None or wrong == word or lexicon.known(wrong)):
                    continue
                text = sentence[:start] + wrong + sentence[start + len(word) :]
                cases += 1
                end = start + len(wrong)
                hits += any(d.start < end and d.end > start for d in t_findings(text, config))
                break
        print(f"| {kind} | {cases} | {hits} | {_ratio(hits, cases)} |")


# 4. Speed --------------------------------------------------------------------------------------


def speed() -> None:
    paths = sorted((DATA / "hindi-news-covid2020" / "corpus").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = sum(len(word_spans(t)) for t in texts)
    for label, select in (("default rule set", None), ("T family only", ["T"])):
        config = Config()
        if select:
            config.values["select"] = select
        api.check(texts[0], config=config)  # load data once
        start = time.perf_counter()
        for text in texts:
            api.check(text, config=config)
        elapsed = time.perf_counter() - start
        print(f"| {label} | {words} | {elapsed:.2f} s | {words / elapsed:,.0f} words/s |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer synthetic sentences")
    parser.add_argument("--show", type=int, default=30, help="print this many false alarms")
    args = parser.parse_args()
    started = time.perf_counter()
    lexicon.frequencies()
    print(f"lexicon: {len(lexicon.frequencies())} words")
    false_alarms(args.show)
    real_errors()
    synthetic(300 if args.quick else 1000)
    print("\n## Speed (news corpus, one core)\n\n| rules | words | time | speed |\n|---|---:|---:|---:|")
    speed()
    print(f"\n(total {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
