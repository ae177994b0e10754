"""qa against LanguageTool's own Hindi option: a spell-check-only language from hunspell-hi.

Usage: python bench/eval_languagetool_baseline.py [--max-words N] [--dictionary DIR] [--show-english]

LanguageTool has no Hindi module; its server can add a spell-check-only language
(``lang-hi=Hindi`` + ``lang-hi-dictPath=hi_IN.dic``, Debian's ``hunspell-hi``). This
starts a real LanguageTool server that way and measures, side by side with qa:
false alarms per 1,000 words on the clean news corpus, recall and precision on the
real error corpora (a finding counts when it touches a word the human edit changed),
and words per second (one client, one request at a time).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import shutil
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa import api
from qa import languagetool as lt
from qa.checks.english import english_runs
from qa.config import Config
from qa.diagnostic import Severity
from qa.lexicon import frequencies

from corpora import DATA, news_documents, word_count

Span = tuple[int, int]
Checker = Callable[[str], list[Span]]
_TOKEN = regex.compile(r"\S+")
_CHUNK = 20_000  # characters per LanguageTool request


def dictionary_dir(given: str | None) -> Path:
    for candidate in (given, DATA / "hunspell-hi-dictionary", "/usr/share/hunspell"):
        if candidate and (Path(candidate) / "hi_IN.dic").is_file():
            return Path(candidate)
    sys.exit("no hi_IN.dic: install Debian's hunspell-hi or pass --dictionary")


def hindi_server(dictionary: Path, work: Path) -> lt.Server:
    """LanguageTool with a dynamic Hindi language (its only rule: HI_SPELLER_RULE)."""
    for name in ("hi_IN.dic", "hi_IN.aff"):
        shutil.copy(dictionary / name, work / name)
    # LanguageTool insists on a list of frequent words beside the dictionary (language detection).
    common = sorted(frequencies().items(), key=lambda kv: -kv[1])[:1000]
    (work / "common_words.txt").write_text("\n".join(w for w, _ in common) + "\n", encoding="utf-8")
    lt.install()
    return lt.start(properties={"lang-hi": "Hindi", "lang-hi-dictPath": str(work / "hi_IN.dic")})


def lt_checker(url: str) -> Checker:
    def check(text: str) -> list[Span]:
        spans, base = [], 0
        for chunk in _chunks(text):
            form = urllib.parse.urlencode({"language": "hi", "text": chunk}).encode()
            with urllib.request.urlopen(f"{url}/v2/check", data=form, timeout=300) as response:
                matches = json.load(response)["matches"]
            spans += [(base + m["offset"], base + m["offset"] + m["length"]) for m in matches]
            base += len(chunk)
        return spans

    return check


def _chunks(text: str) -> Iterator[str]:
    """Pieces of at most ~_CHUNK characters, cut after a newline (offsets stay exact: BMP text)."""
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield text[start:end]
        start = end


def qa_check(text: str) -> list[Span]:
    return [(d.start, d.end) for d in api.check(text) if d.severity >= Severity.WARNING]


@dataclass
class Score:
    words: int = 0
    seconds: float = 0.0
    findings: int = 0
    hits: int = 0
    erroneous: int = 0
    detected: int = 0

    def timed(self, check: Checker, text: str) -> list[Span]:
        began = time.perf_counter()
        spans = check(text)
        self.seconds += time.perf_counter() - began
        self.words += word_count(text)
        self.findings += len(spans)
        return spans

    @property
    def speed(self) -> float:
        return self.words / max(self.seconds, 1e-9)


def edited_spans(source: str, target: str) -> list[Span]:
    """Character spans of the source words the correction changed (a point for an insertion)."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(source)]
    words = [source[s:e] for s, e in tokens]
    matcher = difflib.SequenceMatcher(a=words, b=target.split(), autojunk=False)
    spans = []
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op == "equal":
            continue
        if i1 < i2:
            spans.append((tokens[i1][0], tokens[i2 - 1][1]))
        else:
            at = tokens[i1][0] if i1 < len(tokens) else len(source)
            spans.append((max(0, at - 1), at))
    return spans


def _touches(found: Span, edits: list[Span]) -> bool:
    return any(found[0] <= e and s <= max(found[1], found[0] + 1) - 1 for s, e in edits)


_SPACED = regex.compile(r"(?<=\S) +(?=[।,?!])")


def _detokenise(line: str) -> str:
    """HiWikiEdits is tokenised ("है ।", "क , ख"): undo that so spacing rules see real copy."""
    return _SPACED.sub("", line)


def error_pairs(name: str) -> list[tuple[str, str]]:
    if name == "hiwikiedits":
        folder = DATA / "hiwikiedits-hi-gec"
        pairs = []
        for split in ("train", "valid"):
            src = (folder / f"{split}.src").read_text(encoding="utf-8").splitlines()
            tgt = (folder / f"{split}.tgt").read_text(encoding="utf-8").splitlines()
            pairs += [(_detokenise(a), _detokenise(b)) for a, b in zip(src, tgt, strict=True)]
        return pairs
    rows = []
    for split in ("train", "dev"):
        with (DATA / "indicgec2025-hindi" / f"{split}.csv").open(encoding="utf-8", newline="") as handle:
            rows += [(r[0], r[1]) for r in csv.reader(handle) if len(r) >= 2][1:]
    return rows


def score_errors(check: Checker, pairs: list[tuple[str, str]], batch: int = 20) -> Score:
    """Sentences go in documents of ``batch`` lines (one request each); findings are split back."""
    score = Score()
    for first in range(0, len(pairs), batch):
        group = pairs[first : first + batch]
        starts, at = [], 0
        for source, _ in group:
            starts.append(at)
            at += len(source) + 1
        found = score.timed(check, "\n".join(source for source, _ in group) + "\n")
        for (source, target), start in zip(group, starts, strict=True):
            if source.strip() == target.strip():
                continue
            mine = [(s - start, e - start) for s, e in found if start <= s <= start + len(source)]
            edits = edited_spans(source, target)
            hits = [f for f in mine if _touches(f, edits)]
            score.hits += len(hits)
            score.erroneous += 1
            score.detected += bool(hits)
    return score


def score_clean(check: Checker, max_words: int | None) -> Score:
    score = Score()
    for _, text in news_documents():
        score.timed(check, text)
        if max_words and score.words >= max_words:
            break
    return score


def english_false_alarms(url: str, show: bool) -> None:
    """E001 on the clean news corpus: what the English passages of real Hindi copy cost."""
    config = Config()
    config.values["languagetool"] = {"url": url}
    words = runs = 0
    rules: Counter[str] = Counter()
    for name, text in news_documents():
        words += word_count(text)
        runs += len(english_runs(api.document(text).view))
        for d in api.check(text, config=config, select=["E001"]):
            rules[d.message.rsplit("(LanguageTool ", 1)[-1].rstrip(")")] += 1
            if show:
                print(f"  {name} {d.message} | {text[max(0, d.start - 50) : d.end + 50]!r}")
    total = sum(rules.values())
    print(
        f"\nE001 on clean news: {words} words, {runs} English runs sent, {total} findings "
        f"({1000 * total / max(words, 1):.3f} per 1,000 words)"
    )
    print("    by LanguageTool rule: " + ", ".join(f"{r} {n}" for r, n in rules.most_common(8)))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--max-words", type=int, help="stop the news corpus after this many words")
    parser.add_argument("--dictionary", help="folder with hi_IN.dic and hi_IN.aff")
    parser.add_argument("--show-english", action="store_true", help="print every E001 finding on the news")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        server = hindi_server(dictionary_dir(args.dictionary), Path(work))
        print(
            f"LanguageTool {lt.VERSION} + hunspell-hi: health check {server.ready_seconds:.1f} s, "
            f"first check {server.warm_seconds:.1f} s after start"
        )
        tools = {"qa": qa_check, "LanguageTool+hunspell-hi": lt_checker(server.url)}
        try:
            print("\nClean news (hindi-news-covid2020): warnings+errors per 1,000 words")
            print(f"{'tool':<26}{'words':>9}{'findings':>10}{'per 1k':>9}{'words/s':>10}")
            for name, check in tools.items():
                s = score_clean(check, args.max_words)
                rate = 1000 * s.findings / max(s.words, 1)
                print(f"{name:<26}{s.words:>9}{s.findings:>10}{rate:>9.2f}{s.speed:>10.0f}")
            print("\nReal error corpora: recall = edited sentences with a finding on an edited word;")
            print("precision = findings on an edited word / all findings")
            head = f"{'edited':>7}{'recall':>8}{'findings':>9}{'precision':>10}{'words/s':>9}"
            print(f"{'corpus':<14}{'tool':<26}{head}")
            for corpus in ("hiwikiedits", "indicgec2025"):
                pairs = error_pairs(corpus)
                for name, check in tools.items():
                    s = score_errors(check, pairs)
                    print(
                        f"{corpus:<14}{name:<26}{s.erroneous:>7}{s.detected / max(s.erroneous, 1):>8.1%}"
                        f"{s.findings:>9}{s.hits / max(s.findings, 1):>10.1%}{s.speed:>9.0f}"
                    )
            english_false_alarms(server.url, args.show_english)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
