"""The N family on real copy: false alarms, synthetic recall, speed.

Usage: python bench/eval_names.py [--show CODE] [--corpus NAME] [--trials N]

1. False alarms: N warnings and errors per 1,000 words on the clean corpora (info-level
   N002 findings are counted apart), each news file one document.
2. Synthetic recall: in real news paragraphs, one occurrence of a repeated word is
   re-spelled with another accepted variant (ट्रंप → ट्रम्प, गए → गये, हिंदी → हिन्दी, ...);
   recall is the share of re-spellings that N001/N002 report at that span.
3. Speed: words per second of the N rules alone.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa import api
from qa.checks.names_registry import registry
from qa.config import Config
from qa.diagnostic import Severity
from qa.lexicon import zipf
from qa.text.normalize import CLASSES, features, key, without
from qa.text.tokenize import DEVANAGARI, word_spans

from corpora import CORPORA, news_documents, word_count

# Adding a variation the word does not have (the reverse of the matching key's steps).
_CLASS_NASAL = {"क": "ङ", "ख": "ङ", "ग": "ङ", "घ": "ङ", "च": "ञ", "छ": "ञ", "ज": "ञ", "झ": "ञ"}
_CLASS_NASAL |= dict.fromkeys("टठडढ", "ण") | dict.fromkeys("तथदध", "न") | dict.fromkeys("पफबभ", "म")
_ANUSVARA_STOP = regex.compile(r"ं(?=[कखगघचछजझटठडढतथदधपफबभ])")
_VOWEL_E = regex.compile(r"(?<=[\u093e-\u094c])([एई])")
_MARKS = {"ए": "ये", "ई": "यी"}
_NUKTA_LETTER = regex.compile(r"[कखगजफ](?!\u093c)")


def variants(word: str) -> list[str]:
    """Other accepted spellings of ``word`` (same matching key, different surface)."""
    found = {without(word, name) for name in features(word) if name in CLASSES}
    found.add(_NUKTA_LETTER.sub("\\g<0>\u093c", word, count=1))
    found.add(_ANUSVARA_STOP.sub(lambda m: _CLASS_NASAL[word[m.end()]] + "्", word, count=1))
    found.add(_VOWEL_E.sub(lambda m: _MARKS[m.group(1)], word, count=1))
    return sorted(v for v in found if v != word and key(v) == key(word))


def _config(*codes: str) -> Config:
    config = Config()
    config.values["select"] = list(codes or ["N"])
    return config


def false_alarms(names: list[str], show: str | None) -> None:
    config = _config()
    print(
        f"{'corpus':<16}{'words':>9}{'N warn+err':>12}{'/1000w':>8}{'N002 info':>11}{'/1000w':>8}  top codes"
    )
    for name in names:
        words, alarms, info, by_code = 0, 0, 0, Counter()
        for doc_name, text in CORPORA[name]():
            words += word_count(text)
            for d in api.check(text, config=config):
                by_code[d.code] += 1
                if d.severity >= Severity.WARNING:
                    alarms += 1
                else:
                    info += 1
                if show and d.code.startswith(show):
                    context = text[max(0, d.start - 40) : d.end + 40].replace("\n", " ")
                    print(f"  {doc_name} {d.code} {d.message} | {context}")
        top = ", ".join(f"{c} {n}" for c, n in by_code.most_common())
        print(
            f"{name:<16}{words:>9}{alarms:>12}{1000 * alarms / max(words, 1):>8.2f}"
            f"{info:>11}{1000 * info / max(words, 1):>8.2f}  {top}"
        )


def _articles(paragraphs_per_article: int = 8) -> list[str]:
    """Article-sized runs of real paragraphs from the news corpus."""
    articles = []
    for _, text in news_documents():
        paragraphs = [p for p in text.split("\n") if len(p.split()) > 15]
        for i in range(0, len(paragraphs) - paragraphs_per_article + 1, paragraphs_per_article):
            articles.append("\n\n".join(paragraphs[i : i + paragraphs_per_article]))
    return articles


def _trial(text: str, word: str, variant: str, rng: random.Random, config: Config) -> bool:
    """Re-spell one later occurrence of ``word``; True if N001/N002 report exactly it."""
    starts = [s for w, s in word_spans(text) if w == word]
    start = rng.choice(starts[1:])
    changed = text[:start] + variant + text[start + len(word) :]
    return any(d.start == start and d.end == start + len(variant) for d in api.check(changed, config=config))


def synthetic_recall(trials: int, seed: int = 5) -> None:
    """Per article, one repeated name and one repeated ordinary word are re-spelled (separately)."""
    rng = random.Random(seed)
    config = _config("N001", "N002")
    people = registry().token_people
    hits: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    articles = _articles()
    for text in rng.sample(articles, min(trials, len(articles))):
        counts = Counter(w for w, _ in word_spans(text))
        keys = Counter(key(w) for w in counts)
        pools: dict[str, list[tuple[str, str]]] = {"name": [], "word": []}
        for w, n in counts.items():
            if n >= 2 and DEVANAGARI.match(w) and keys[key(w)] == 1:
                pool = "name" if key(w) in people or zipf(w) < 3 else "word"
                pools[pool] += [(w, v) for v in variants(w)]
        for pool, candidates in pools.items():
            if candidates:
                word, variant = rng.choice(candidates)
                variation = ",".join(sorted(features(word) ^ features(variant)))
                total[pool, variation] += 1
                hits[pool, variation] += _trial(text, word, variant, rng, config)
    print(f"\nsynthetic re-spellings in {min(trials, len(articles))} real news articles (8 paragraphs each)")
    for pool in ("name", "word"):
        rows = sorted(v for p, v in total if p == pool)
        for variation in rows:
            h, t = hits[pool, variation], total[pool, variation]
            print(f"  {pool:<5} {variation:<14} {h:>4}/{t:<4} recall {h / t:.2f}")
        h = sum(hits[pool, v] for v in rows)
        t = sum(total[pool, v] for v in rows)
        print(f"  {pool:<5} {'all':<14} {h:>4}/{t:<4} recall {h / max(t, 1):.2f}")


def speed() -> None:
    texts = [text for _, text in news_documents()]
    words = sum(map(word_count, texts))
    config = _config()
    api.check(texts[0], config=config)
    started = time.process_time()
    for text in texts:
        api.check(text, config=config)
    elapsed = time.process_time() - started
    print(f"\nspeed: N rules alone, {words} words in {elapsed:.2f}s of CPU = {words / elapsed:,.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", help="print every finding of this code (or prefix) with context")
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--trials", type=int, default=400, help="synthetic articles (default 400)")
    args = parser.parse_args()
    false_alarms(args.corpus or list(CORPORA), args.show)
    synthetic_recall(args.trials)
    speed()


if __name__ == "__main__":
    main()
