"""Quotes and brackets that open and do not close within a paragraph."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

import regex

from qa.diagnostic import Diagnostic
from qa.document import Document
from qa.engine.rule import Context, Rule

_PAIRS = {")": "(", "]": "[", "}": "{"}
# Matched at a bracket, looking back. "1)" or "क)" opening a line is a list marker;
# ":)" and ";-)" are emoticons.
_NOT_BRACKET = regex.compile(r"\)(?<=^[ \t]*[\p{L}\p{Nd}]{1,3}\))|[()](?<=[:;]-?[()])", regex.M)
# "क) पहला … ख) दूसरा" inside a line: an unmatched ")" after a short enumerator.
_ENUMERATOR = regex.compile(r"\)(?<=(?<!\S)[\p{L}\p{M}\p{Nd}]{1,3}\))(?=[ \t])")
_BRACKETS = regex.compile(r"[()\[\]{}]")
# Doubled single quotes stand for double quotes in agency copy (‘‘कहा'', ''कहा"). They
# pair like the others, but one left over is not reported: copy also runs them across
# paragraphs and into single-quote marks.
_QUOTES = regex.compile(r"''|‘‘|’’|[\"“”]")
_OPENING = ("“", "‘‘")
#: A verb of saying and the comma or colon that introduces the words said (कहा, बताया:).
_SAID = regex.compile(r"(?<![\p{L}\p{M}])(?:कहा|बताया|बोले|बोलीं|बोली|पूछा|लिखा)\s*[,:]\s*(?=\S)")


def by_paragraph(
    document: Document, pattern: regex.Pattern[str]
) -> Iterator[tuple[int, int, list[regex.Match[str]]]]:
    """(start, end, matches) of each paragraph where ``pattern`` matches, from one scan."""
    paragraphs = document.paragraphs
    starts = [start for start, _ in paragraphs]
    current = -1
    found: list[regex.Match[str]] = []
    for m in pattern.finditer(document.view):
        index = bisect_right(starts, m.start()) - 1
        if index < 0 or m.end() > paragraphs[index][1]:
            continue  # between paragraphs (blank lines only: never a mark)
        if index != current:
            if found:
                yield (*paragraphs[current], found)
            current, found = index, []
        found.append(m)
    if found:
        yield (*paragraphs[current], found)


class UnbalancedBrackets(Rule):
    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for _, _, marks in by_paragraph(ctx.document, _BRACKETS):
            stack: list[tuple[str, int]] = []
            for m in marks:
                mark, at = m.group(), m.start()
                if _NOT_BRACKET.match(text, at):
                    continue
                if mark in "([{":
                    stack.append((mark, at))
                elif stack and stack[-1][0] == _PAIRS[mark]:
                    stack.pop()
                elif not stack and _ENUMERATOR.match(text, at):
                    continue
                else:
                    yield self.diagnostic(at, at + 1, self.meta.message.format(mark=mark))
                    stack.clear()
            for mark, at in stack:
                yield self.diagnostic(at, at + 1, self.meta.message.format(mark=mark))


class UnbalancedQuotes(Rule):
    """Pairs “ ” and straight quotes; a straight quote may open or close either kind
    (copy often mixes them: "लागतों … करेगा”, ''कहा"), so only a mark left over is
    reported, over the stretch of its line its partner is missing from: an opening mark to
    the end of its line or paragraph (where a closing one is most often left out), a
    closing mark from where a verb of saying and its comma or colon introduce the words
    it closes (कहा, …”), if one does after the mark before on its line."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for start, end, marks in by_paragraph(ctx.document, _QUOTES):
            open_marks: list[tuple[str, int]] = []
            after = start  # where the last mark ended
            for m in marks:
                mark, at = m.group(), m.start()
                if mark in _OPENING or (mark in ('"', "''") and not open_marks):
                    open_marks.append((mark, at))
                elif open_marks:
                    open_marks.pop()
                elif len(mark) == 1:
                    line_start = text.rfind("\n", 0, at) + 1
                    said = [intro.end() for intro in _SAID.finditer(text, max(after, line_start), at)]
                    begin = said[-1] if said else at
                    yield self.diagnostic(begin, at + 1, self.meta.message.format(mark=mark))
                after = m.end()
            for mark, at in open_marks:
                if len(mark) == 1:
                    yield self.diagnostic(at, _line_end(text, at, end), self.meta.message.format(mark=mark))


def _line_end(text: str, at: int, end: int) -> int:
    """Where the line of the mark at ``at`` ends, by ``end`` at the latest, trailing spaces
    left out (the mark itself is no space)."""
    stop = text.find("\n", at, end)
    return at + len(text[at : end if stop < 0 else stop].rstrip())
