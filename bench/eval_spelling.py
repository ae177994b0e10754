"""Evaluate the T (typos and spelling) family and print tables.

1. False alarms: T warnings+errors per 1,000 words on clean corpora (each news file is
   one document; the other sets are checked in chunks of 50 lines).
2. Detection precision/recall on real error corpora: a T finding is a true positive
   when it overlaps a gold edit of the source sentence (HiWikiEdits m2 per error type;
   IndicGEC 2025 by token alignment, counted for T alone and for T, P and U together, since
   its corrections fix punctuation and spacing as well as spelling). The register was partly
   mined from the HiWikiEdits *train* split, so the valid split is the clean comparison.
3. Synthetic-error recall per class on clean sentences.
4. Speed: words per CPU-second (best of three) of the default rule set on the news corpus.

Usage: python bench/eval_spelling.py [--quick]  (reads ../shared/data or $QA_SHARED_DATA)
"""

from __future__ import annotations

import argparse
import csv
import difflib
import os
import random
import re
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


def t_config(families: tuple[str, ...] = ("T",)) -> Config:
    config = Config()
    config.values["select"] = list(families)
    return config


#: The families that report a slip inside one sentence (IndicGEC's corrections fix spelling,
#: punctuation and spacing alike): spelling, punctuation and spacing, Unicode damage.
SLIP_FAMILIES = ("T", "P", "U")


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
    """IndicGEC rows: source and the spans of source tokens the correction changed, and of
    the spaces it changed between two tokens it kept ("है  और" -> "है और")."""
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            src, tgt = row["Input sentence"], row["Output sentence"]
            a, b = _token_spans(src), _token_spans(tgt)
            words = difflib.SequenceMatcher(
                a=[src[i:j] for i, j in a], b=[tgt[i:j] for i, j in b], autojunk=False
            )
            spans = []
            for op, i1, i2, j1, _ in words.get_opcodes():
                if op in ("replace", "delete"):
                    spans.append((a[i1][0], a[i2 - 1][1]))
                elif op == "equal":
                    spans += [
                        (a[i][1], a[i + 1][0])
                        for i, j in zip(range(i1, i2 - 1), range(j1, j1 + i2 - i1 - 1), strict=True)
                        if src[a[i][1] : a[i + 1][0]] != tgt[b[j][1] : b[j + 1][0]]
                    ]
            yield src, spans


def _token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of non-space characters: real offsets, whatever the spacing
    (a token count times one space misplaces every span after a double space)."""
    return [m.span() for m in re.finditer(r"\S+", text)]


AUDIT = Path(__file__).with_name("spelling_audit.tsv")


def audit() -> dict[tuple[str, int, str], bool]:
    """(m2 file, sentence index, word) -> True if a manual audit judged it a real error."""
    rows = [r.split("\t") for r in AUDIT.read_text(encoding="utf-8").splitlines() if not r.startswith("#")]
    return {(r[0], int(r[1]), r[2]): r[3] == "error" for r in rows}


def score(
    pairs: Iterator[tuple[str, list[tuple[int, int]]]],
    config: Config,
    name: str = "",
    judged: dict | None = None,
) -> tuple[int, int, int, int, int, int]:
    """(gold hits, findings, gold edits detected, gold edits, audited errors, unaudited findings)."""
    tp = found = hit = gold = audited = unaudited = 0
    for i, (src, spans) in enumerate(pairs):
        findings = t_findings(src, config)
        found += len(findings)
        gold += len(spans)
        hit += sum(any(d.start < e and d.end > s for d in findings) for s, e in spans)
        for d in findings:
            if any(d.start < e and d.end > s for s, e in spans):
                tp += 1
            elif judged is not None:
                verdict = judged.get((name, i, src[d.start : d.end]))
                audited += verdict is True
                unaudited += verdict is None
    return tp, found, hit, gold, audited, unaudited


def real_errors() -> None:
    config = t_config()
    print("\n## Detection on real error corpora (a finding overlapping a gold edit is correct)\n")
    print(f"Anchor: {ANCHOR}\n")
    print("| corpus | split / type | findings | precision | recall (edits) |\n|---|---|---:|---:|---:|")
    judged = audit()
    for split in ("valid", "train"):
        total = [0] * 6
        for path in sorted((DATA / "hiwikiedits-hi-gec" / "m2" / split).glob("R_*.m2")):
            result = score(m2_sentences(path), config, path.stem, judged if split == "valid" else None)
            total = [x + y for x, y in zip(total, result, strict=True)]
            tp, found, hit, gold, _, _ = result
            if found or split == "valid":
                row = f"{found} | {_ratio(tp, found)} | {_ratio(hit, gold)}"
                print(f"| HiWikiEdits | {split} {path.stem} | {row} |")
        tp, found, hit, gold, audited, unaudited = total
        print(f"| HiWikiEdits | **{split} all** | {found} | **{_ratio(tp, found)}** | {_ratio(hit, gold)} |")
        if split == "valid":
            print(
                f"| HiWikiEdits | valid all, audited | {found} | **{_ratio(tp + audited, found)}** "
                f"({unaudited} findings not in the audit) | |"
            )
    for families in (("T",), SLIP_FAMILIES):
        label = ", ".join(families)
        for split in ("dev", "train"):
            pairs = gec_pairs(DATA / "indicgec2025-hindi" / f"{split}.csv")
            result = score(pairs, t_config(families), f"indicgec-{split}", judged if split == "dev" else None)
            tp, found, hit, gold, audited, unaudited = result
            print(
                f"| IndicGEC 2025 | {split}, {label} | {found} | {_ratio(tp, found)} | {_ratio(hit, gold)} |"
            )
            if split == "dev":
                print(
                    f"| IndicGEC 2025 | dev, {label}, audited | {found} | **{_ratio(tp + audited, found)}** "
                    f"({unaudited} findings not in the audit) | |"
                )


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "–"


# 3. Synthetic errors ---------------------------------------------------------------------------

_LONG_SHORT = {"ी": "ि", "ि": "ी", "ू": "ु", "ु": "ू"}
_DROPS = {
    "flap-nukta-drop": "\u093c",
    "persian-nukta-drop (a variant)": "\u093c",
    "nasal-drop": "\u0902\u0901",
}
_BEFORE = {
    "flap-nukta-drop": "डढ",
    "persian-nukta-drop (a variant)": "कखगजफ",
    "nasal-drop": "".join(chr(c) for c in range(0x0900, 0x0980)),
}


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
    elif kind in _DROPS:
        spots = [
            i for i, ch in enumerate(word) if ch in _DROPS[kind] and (i > 0 and word[i - 1] in _BEFORE[kind])
        ]
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
    sentences = [row.split("\t")[-1] for row in lines[1:]][:limit]
    print("\n## Synthetic-error recall (one error per clean UD-PUD sentence; a variant must stay quiet)\n")
    print("| class | cases | recall | non-word cases | recall | real-word cases | recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    kinds = ("matra-swap", "matra-drop", *_DROPS, "function-word-stray-letter")
    for kind in kinds:
        rng = random.Random(7)
        tally = {True: [0, 0], False: [0, 0]}  # real word? -> [cases, detected]
        for sentence in sentences:
            words = word_spans(sentence)
            rng.shuffle(words)
            for word, start in words:
                wrong = _mutate(word, kind, rng)
                if wrong is None or wrong == word:
                    continue
                text = sentence[:start] + wrong + sentence[start + len(word) :]
                end = start + len(wrong)
                counts = tally[lexicon.known(wrong)]
                counts[0] += 1
                counts[1] += any(d.start < end and d.end > start for d in t_findings(text, config))
                break
        (real, real_hits), (non, non_hits) = tally[True], tally[False]
        print(
            f"| {kind} | {real + non} | {_ratio(real_hits + non_hits, real + non)} | {non} | "
            f"{_ratio(non_hits, non)} | {real} | {_ratio(real_hits, real)} |"
        )


# 4. Speed --------------------------------------------------------------------------------------


def _cpu_seconds(texts: list[str], config: Config) -> float:
    """CPU time of this process (one core, unaffected by other load) to check every text."""
    start = time.process_time()
    for text in texts:
        api.check(text, config=config)
    return time.process_time() - start


def speed() -> None:
    paths = sorted((DATA / "hindi-news-covid2020" / "corpus").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = sum(len(word_spans(t)) for t in texts)
    runs = (
        ("default rule set", "ignore", []),
        ("default without T", "ignore", ["T"]),
        ("T only", "select", ["T"]),
    )
    for label, key, codes in runs:
        config = Config()
        config.values[key] = codes
        api.check(texts[0], config=config)  # load data once
        elapsed = min(_cpu_seconds(texts, config) for _ in range(3))
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
