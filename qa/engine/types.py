"""The closed set of data-driven rule types: pattern, substitution, repetition (and, in
:mod:`qa.engine.words`, guarded-pattern, word-pattern and mapped-sequence).

A rule file entry names its ``type``; ``python`` entries point at a class for the
logic data cannot express (``impl: module:Class``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import compress, count, islice
from operator import eq
from typing import Any, Literal

import regex

from qa.diagnostic import Diagnostic, Edit, Fix
from qa.engine.rule import Context, Rule, RuleMeta
from qa.errors import RuleDataError
from qa.text.tokenize import NOT_WORD, NOT_WORD_AFTER, WORD_CHARS, matches_at, occurrences

#: The options of a ``pattern`` rule.
PATTERN_OPTIONS = frozenset({"pattern", "flags", "replacement", "exceptions", "group", "timeout", "anchors"})
_FLAGS = {"ignorecase": regex.I, "multiline": regex.M, "dotall": regex.S, "verbose": regex.X}
DEFAULT_TIMEOUT = 5.0
#: ZWNJ and ZWJ, which join runs of letters and marks into one word of the word index.
_JOINERS = "\u200c\u200d"
#: Distinct match groups whose message and replacement a pattern rule keeps.
_MADE_LIMIT = 4096


def compile_pattern(
    pattern: str, flags: list[str] | tuple[str, ...] = (), *, where: str
) -> regex.Pattern[str]:
    value = regex.V1 if "v1" in flags else 0
    for flag in flags:
        if flag != "v1":
            if flag not in _FLAGS:
                raise RuleDataError(f"{where}: unknown regex flag {flag!r}")
            value |= _FLAGS[flag]
    try:
        return regex.compile(pattern, value)
    except regex.error as exc:
        raise RuleDataError(f"{where}: invalid pattern {pattern!r}: {exc}") from None


def _format(template: str, values: Mapping[str, Any]) -> str:
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):
        return template


_GROUP_REFERENCE = regex.compile(r"\\g<(\w+)>")
_NOT_ONE_WORD = regex.compile(f"[^{WORD_CHARS}]")  # an entry of more than one word


def expander(template: str) -> Callable[[regex.Match[str]], str]:
    """``match.expand(template)`` with the template parsed once: literal text and
    ``\\g<name>`` references are joined directly, anything else goes to ``expand``."""
    pieces = _GROUP_REFERENCE.split(template)  # literal, name, literal, name, ...
    if any("\\" in literal for literal in pieces[::2]):
        return lambda m: m.expand(template)
    if len(pieces) == 1:
        return lambda m: template
    names = [int(n) if n.isdigit() else n for n in pieces[1::2]]
    literals = pieces[::2]

    def expand(m: regex.Match[str]) -> str:
        parts = [literals[0]]
        for name, literal in zip(names, literals[1:], strict=True):
            parts.append(m.group(name) or "")
            parts.append(literal)
        return "".join(parts)

    return expand


class _Values(Mapping[str, str]):
    """A message's placeholders read from a match: ``{match}`` and the named groups."""

    def __init__(self, match: regex.Match[str], group: int | str) -> None:
        self.match, self.group = match, group

    def __getitem__(self, key: str) -> str:
        if key == "match":
            return self.match.group(self.group)
        return self.match.group(key) or ""

    def __iter__(self) -> Iterator[str]:
        return iter(["match", *self.match.groupdict()])

    def __len__(self) -> int:
        return 1 + len(self.match.groupdict())


def _joiners(text: str) -> Iterator[int]:
    """Where ZWNJ and ZWJ stand in ``text`` (one C search per joiner: they are rare, and a
    regular expression's scan of a long text for them costs more than the rule)."""
    for joiner in _JOINERS:
        at = text.find(joiner)
        while at >= 0:
            yield at
            at = text.find(joiner, at + 1)


class TimedRule(Rule):
    """A rule that runs user-supplied regexes under a timeout."""

    @property
    def timeout(self) -> float:
        return float(self.options.get("timeout", DEFAULT_TIMEOUT))

    def timed_out(self, ctx: Context) -> RuleDataError:
        where = ctx.document.path or "<text>"
        return RuleDataError(
            f"rule {self.meta.code} ({self.meta.source}): pattern took longer than {self.timeout:g}s "
            f"on {where}; simplify the pattern"
        )

    exceptions: list[regex.Pattern[str]]

    def _exceptions(self, flags: list[str] | tuple[str, ...] = ()) -> list[regex.Pattern[str]]:
        """The ``exceptions`` option compiled: a finding that overlaps a match is skipped."""
        where = f"{self.meta.source}: {self.meta.code}"
        return [compile_pattern(p, flags, where=where) for p in self.options.get("exceptions", ())]

    def _excepted(self, text: str, start: int, end: int) -> bool:
        for exception in self.exceptions:
            lo, hi = max(0, start - 80), min(len(text), end + 80)
            for m in exception.finditer(text, lo, hi, timeout=self.timeout):
                if (m.start() < end and m.end() > start) or m.start() == m.end() == start:
                    return True
        return False


class PatternRule(TimedRule):
    """A regex; each match (or its ``group``) is a finding, ``replacement`` a fix template.

    ``exceptions`` are regexes: a match that overlaps a match of any of them is skipped.
    ``anchors`` (words, space-separated) says where every match starts: where one of
    these words starts, a word being a run of letters and marks (a word of the document's
    word index, or a part of one between ZWJ/ZWNJ). The pattern is then tried only there
    (its look-behinds still see the text before), not at every position of the text.
    """

    def __init__(self, meta: RuleMeta, options: Mapping[str, Any]) -> None:
        super().__init__(meta, options)
        where = f"{meta.source}: {meta.code}"
        flags = options.get("flags", ())
        self.pattern = compile_pattern(options["pattern"], flags, where=where)
        self.exceptions = self._exceptions(flags)
        replacement: str | None = options.get("replacement")
        self.template = None if replacement is None else expander(replacement)
        self.group = options.get("group", 0)
        #: Every group (0 too): what a message or a replacement can be made of.
        self._groups = tuple(range(self.pattern.groups + 1))
        #: The groups' values -> (message, suggestions), for this rule's matches so far.
        self._made: dict[Any, tuple[str, tuple[str] | None]] = {}
        self.anchors = frozenset(str(options.get("anchors", "")).split())

    def matches(self, ctx: Context) -> Iterator[regex.Match[str]]:
        """What ``pattern.finditer`` finds in the text; with ``anchors``, tried only at
        their occurrences, and where one of them stands before or after a ZWJ or ZWNJ
        (trying more places than the matches start at finds the same)."""
        if not self.anchors:
            return self.pattern.finditer(ctx.text, timeout=self.timeout)
        return self._anchored(ctx.text, ctx.document.word_index)

    def _anchored(self, text: str, index: Mapping[str, Sequence[int]]) -> Iterator[regex.Match[str]]:
        anchors = self.anchors
        found = occurrences(index, anchors)
        if "\u200c" in text or "\u200d" in text:  # runs a ZWJ or ZWNJ joins into one word of the index
            for at in _joiners(text):
                found += [at - len(word) for word in anchors if text.endswith(word, 0, at)]
                found += [at + 1 for word in anchors if text.startswith(word, at + 1)][:1]
            found.sort()
        return matches_at(self.pattern, text, found, self.timeout)

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        """Each match as :meth:`Rule.diagnostic` / :meth:`Rule.replace` would build it,
        built here directly (a corpus has tens of thousands of them). The message and the
        replacement depend only on the match's groups: each is made once per distinct
        groups (P002 reports the same " ।" thousands of times)."""
        text, group, template, meta = ctx.text, self.group, self.template, self.meta
        code, name, severity, default = meta.code, meta.name, meta.severity, meta.message
        formatted, fixable, exceptions = "{" in default, meta.fix != "none", self.exceptions
        groups, made = self._groups, self._made
        if len(made) > _MADE_LIMIT:
            made.clear()
        try:
            for m in self.matches(ctx):
                start, end = m.span(group)
                if start < 0 or (exceptions and self._excepted(text, start, end)):
                    continue
                values = m.group(*groups)
                words = made.get(values)
                if words is None:
                    message = (_format(default, _Values(m, group)) or default) if formatted else default
                    words = made[values] = (message, None if template is None else (template(m),))
                message, suggestions = words
                if suggestions is None:
                    yield Diagnostic(code, name, severity, message, start, end)
                else:
                    fix = Fix((Edit(start, end, suggestions[0]),), meta.fix) if fixable else None  # type: ignore[arg-type]
                    yield Diagnostic(code, name, severity, message, start, end, suggestions, fix)
        except TimeoutError:
            raise self.timed_out(ctx) from None


class SubstitutionRule(TimedRule):
    """Wrong → right word lists, matched on whole Devanagari-aware words.

    Single words are looked up in the document's word index (one dict probe per
    distinct word); entries with spaces or hyphens go through one compiled regex.
    A correction is a safe fix only when it is unique. ``exceptions`` are regexes, as
    for pattern rules (a wrong form that is a name in its context: प्रधानमंत्री मे).
    """

    def __init__(
        self, meta: RuleMeta, options: Mapping[str, Any], entries: Mapping[str, tuple[str, ...]]
    ) -> None:
        super().__init__(meta, options)
        self.entries = entries
        self.exceptions = self._exceptions()
        self.single = {w: r for w, r in entries.items() if not _NOT_ONE_WORD.search(w)}
        phrases = sorted((w for w in entries if w not in self.single), key=len, reverse=True)
        self.phrases = (
            regex.compile(
                NOT_WORD + "(?:" + "|".join(regex.escape(p) for p in phrases) + ")" + NOT_WORD_AFTER
            )
            if phrases
            else None
        )

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        index = ctx.document.word_index
        hits = [(start, word) for word in self.single.keys() & index.keys() for start in index[word]]
        if self.phrases is not None:
            hits.extend((m.start(), m.group()) for m in self.phrases.finditer(ctx.text))
        try:
            for start, wrong in sorted(hits):
                if not (self.exceptions and self._excepted(ctx.text, start, start + len(wrong))):
                    yield self._finding(start, wrong)
        except TimeoutError:
            raise self.timed_out(ctx) from None

    def _finding(self, start: int, wrong: str) -> Diagnostic:
        rights = self.entries[wrong]
        end = start + len(wrong)
        message = _format(self.meta.message, {"wrong": wrong, "right": " / ".join(rights), "match": wrong})
        if len(rights) == 1:
            return self.replace(start, end, rights[0], message)
        return self.diagnostic(start, end, message, suggestions=rights)


class RepetitionRule(TimedRule):
    """The same word twice in a row ("के के").

    Hindi reduplicates on purpose (धीरे-धीरे, बार बार, साथ साथ), so by default only
    words in ``only`` (function words) are reported; ``allow`` lists exceptions
    when ``only`` is not given.
    """

    _DOUBLED = regex.compile(
        rf"{NOT_WORD}(?P<word>[{WORD_CHARS}]+)(?P<gap>[ \t]+)(?P=word){NOT_WORD_AFTER}",
    )

    def __init__(self, meta: RuleMeta, options: Mapping[str, Any]) -> None:
        super().__init__(meta, options)
        self.only = frozenset(options.get("only", ())) or None
        self.allow = frozenset(options.get("allow", ()))
        self.latin = bool(options.get("latin", True))

    def _reportable(self, word: str, match: regex.Match[str]) -> bool:  # a subclass reads ``match``
        if word in self.allow:
            return False
        if self.only is None or word in self.only:
            return True
        return self.latin and word.isascii() and len(word) > 1

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text, spelled, starts = ctx.text, ctx.document.word_texts, ctx.document.word_starts
        after = -1  # like finditer: the second word of a pair does not start another
        # equal neighbours found in C, then the regex confirms each pair
        for index in compress(count(), map(eq, spelled, islice(spelled, 1, None))):
            if index < after:
                continue
            word, first, other, second = spelled[index], starts[index], spelled[index + 1], starts[index + 1]
            m = self._DOUBLED.match(text, first)
            if m is None or m.end() != second + len(other):
                continue
            after = index + 2
            if self._reportable(word, m):
                start, end = m.start("gap"), m.end()
                message = _format(self.meta.message, {"word": word, "match": m.group()})
                yield self.diagnostic(
                    m.start(),
                    end,
                    message,
                    suggestions=(word,),
                    edits=(Edit(start, end, ""),),
                    applicability=self._applicability(word),
                )

    def _applicability(self, word: str) -> Literal["safe", "unsafe"] | None:
        """How safe the fix of a reported ``word`` is (None: as the rule declares)."""
        return None
