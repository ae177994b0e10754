"""Rule types for rare anomalies: ``guarded-pattern``, ``word-pattern`` and ``mapped-sequence``.

Clean copy almost never contains these anomalies, so the cost that matters is the
scan of clean text. Two tools keep it small:

- :class:`GuardedPattern` is a pattern rule that runs only if one of its ``guard``
  characters occurs in the document (one scan per document finds all rare characters).
- :class:`WordPattern` matches its pattern against each *distinct* word once per
  process (a :class:`~qa.checks.word_sieve.Sieve` of the pattern: a document's words
  cost set operations), then reports every occurrence of the words that matched;
  :class:`MappedSequence` builds that pattern from a table of wrong sequences and their
  fixes.

Their options are declared in :data:`OPTIONS` and checked when the rule file loads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

import regex

from qa import regexcache
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule, RuleMeta
from qa.engine.types import PATTERN_OPTIONS, PatternRule, compile_pattern

#: The options of each type (the keys a rule file may give): anything else is an error.
WORD_PATTERN_OPTIONS = frozenset({"pattern", "flags", "replacement", "whole", "unless", "unless-when"})
OPTIONS = {
    "guarded-pattern": PATTERN_OPTIONS | {"guard"},
    "word-pattern": WORD_PATTERN_OPTIONS,
    "mapped-sequence": WORD_PATTERN_OPTIONS - {"pattern", "replacement", "flags"} | {"map"},
}

#: Characters that clean copy practically never contains; one scan finds which occur.
RARE = (
    "\u00ad\ufeff\u2060\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd\u25cc°º"
    "\x00-\x08\x0e-\x1f\x7f-\x9f\u00a0\u2000-\u200a\u202f\u205f\u3000\u2011\u2212\u20ac\u201a\u201e\u00c2\u00c3"
)
_RARE = regexcache.standard(f"[{RARE}]")


def rare_characters(ctx: Context) -> frozenset[str]:
    """The rare characters the document holds, found in one scan for every rule that asks."""
    return ctx.shared("unicode-scan", lambda c: frozenset(_RARE.findall(c.document.view)))


@lru_cache(maxsize=256)
def matching(pattern: re.Pattern[str] | regex.Pattern[str]) -> Sieve:
    """The words in which ``pattern`` finds a match (a sieve for each pattern, whatever
    rules share it)."""
    return Sieve(lambda word: pattern.search(word) is not None)


def words_matching(ctx: Context, pattern: re.Pattern[str] | regex.Pattern[str]) -> list[str]:
    """The document's distinct words in which ``pattern`` finds a match, in one order
    whatever the hashes."""
    return sorted(matching(pattern).select(ctx.document.word_set))


class Guard:
    """A set of characters, one of which a document must contain: the rare ones are
    looked up in the shared scan, the others searched for."""

    def __init__(self, chars: str) -> None:
        self.rare = frozenset(c for c in chars if _RARE.match(c))
        self.other = tuple(frozenset(chars) - self.rare)

    def met(self, ctx: Context) -> bool:
        return bool(self.rare & rare_characters(ctx)) or any(c in ctx.text for c in self.other)


class GuardedPattern(PatternRule):
    """A pattern rule skipped unless the text contains one of ``guard``'s characters."""

    def __init__(self, meta: RuleMeta, options: Mapping[str, Any]) -> None:
        super().__init__(meta, options)
        self.guard = Guard(str(options["guard"]))

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if self.guard.met(ctx):
            yield from super().check(ctx)


class WordPattern(Rule):
    """``pattern`` (``^``/``$`` anchor a word) matched once per distinct word.

    ``replacement`` (a template) makes a fix; ``whole: true`` reports the whole word;
    words that ``unless`` (a regex) finds are left to another rule — only in documents
    that contain one of the ``unless-when`` characters, if that is given.
    """

    def __init__(self, meta: RuleMeta, options: Mapping[str, Any]) -> None:
        super().__init__(meta, options)
        self.pattern: re.Pattern[str] | regex.Pattern[str]
        try:  # the standard engine is faster on these short patterns; ``regex`` for \p{...}
            self.pattern = regexcache.standard(options["pattern"], re.M)
        except re.error:
            flags = ["multiline", *options.get("flags", ())]
            self.pattern = compile_pattern(options["pattern"], flags, where=f"{meta.source}: {meta.code}")
        self.replacement: str | None = options.get("replacement")
        self.whole = bool(options.get("whole", False))
        unless = options.get("unless")
        where = f"{meta.source}: {meta.code}"
        self.unless = None if unless is None else compile_pattern(str(unless), where=where)
        when = options.get("unless-when")
        self.unless_when = None if when is None else Guard(str(when))

    def fix_for(self, match: re.Match[str] | regex.Match[str]) -> str | None:
        return None if self.replacement is None else match.expand(self.replacement)

    def message_for(self, match: re.Match[str] | regex.Match[str], word: str) -> str:
        values = {"match": match.group(), "word": word, **{k: v or "" for k, v in match.groupdict().items()}}
        return self.meta.message.format_map(values)

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        unless = self.unless
        if self.unless_when is not None and not self.unless_when.met(ctx):
            unless = None
        index = ctx.document.word_index
        hits: list[tuple[int, int, str, str | None]] = []
        for word in words_matching(ctx, self.pattern):
            if unless is not None and unless.search(word):
                continue
            for m in self.pattern.finditer(word):
                lo, hi = (0, len(word)) if self.whole else m.span()
                found = (self.message_for(m, word), self.fix_for(m))
                hits.extend((start + lo, start + hi, *found) for start in index[word])
                if self.whole:
                    break  # the word once
        for start, end, message, replacement in sorted(hits):
            if replacement is None:
                yield self.diagnostic(start, end, message)
            else:
                yield self.replace(start, end, replacement, message)


class MappedSequence(WordPattern):
    """Sequences inside words from ``map`` (wrong -> right, or null: no fix)."""

    def __init__(self, meta: RuleMeta, options: Mapping[str, Any]) -> None:
        self.map = {str(k): (None if v is None else str(v)) for k, v in options["map"].items()}
        pattern = "|".join(regex.escape(k) for k in sorted(self.map, key=len, reverse=True))
        super().__init__(meta, {**options, "pattern": pattern})

    def fix_for(self, match: re.Match[str] | regex.Match[str]) -> str | None:
        return self.map[match.group()]

    def message_for(self, match: re.Match[str] | regex.Match[str], word: str) -> str:
        wrong = match.group()
        return self.meta.message.format(wrong=wrong, codes=codes(wrong), right=self.map[wrong] or "")


def codes(text: str) -> str:
    """``U+0915 + U+094D``: the code points of ``text``."""
    return " + ".join(f"U+{ord(c):04X}" for c in text)
