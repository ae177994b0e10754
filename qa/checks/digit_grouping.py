"""U039: Indian (1,00,000) and international (100,000) digit grouping in one document;
U040: a number grouped neither way (1,00,00, 41,00000, 36,05 for 36.05).

Both are correct Hindi copy; one story should use one. Only numbers whose grouping shows
the system count: a two-digit group before the last three is Indian (1,00,000, 12,34,567),
a three-digit group there international (100,000, 1,000,000); 1,000 and 12,345 read the
same in both. The numbers of the rarer system are reported, each with its digits grouped
the other way.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qa.checks.date_postposition import is_month
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\d,.])", r"(?![\d,]|\.\d)"
#: A two-digit group before the last three: the Indian system's lakh and crore.
_INDIAN = regex.compile(rf"{_EDGE_BEFORE}\d{{1,2}}(?:,\d\d)+,\d{{3}}{_EDGE_AFTER}")
#: A three-digit group before the last three: the international system's.
_INTERNATIONAL = regex.compile(rf"{_EDGE_BEFORE}(?:\d{{1,3}}(?:,\d{{3}}){{2,}}|\d{{3}},\d{{3}}){_EDGE_AFTER}")
_SYSTEMS = {"Indian": _INDIAN, "international": _INTERNATIONAL}
#: The word before a number, read back from where the number starts.
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}]+)\s*$", regex.REVERSE)
#: Digits run together with commas, however grouped.
_GROUPED = regex.compile(rf"{_EDGE_BEFORE}\d{{1,3}}(?:,\d+)+{_EDGE_AFTER}")


def malformed(number: str) -> bool:
    """``number`` is digit grouping — a group after a comma opens with 0 (1,00,00) or runs
    to four digits or more (12,3456), which a list of short numbers never does (वार्ड
    12,14,15) — but grouped neither the Indian way (two-digit groups before the last
    three) nor the international (three-digit groups)."""
    first, *groups = number.split(",")
    if not any(group.startswith("0") or (len(group) > 3 and first != "0") for group in groups):
        return False  # 0,9949: a decimal comma in a formula, not grouping
    *middle, last = groups
    sizes = {len(group) for group in middle}
    return len(last) != 3 or len(sizes) > 1 or not sizes <= {2, 3}


def regrouped(number: str, system: str) -> str:
    """``number`` (its digits and commas) grouped the ``system`` way ("Indian" or
    "international")."""
    digits = number.replace(",", "")
    head, last = digits[:-3], digits[-3:]
    size = 2 if system == "Indian" else 3
    groups: list[str] = []
    while head:
        groups.insert(0, head[-size:])
        head = head[:-size]
    return ",".join([*groups, last])


class MixedDigitGrouping(Rule):
    """U039: the numbers grouped in the document's rarer system, when it has both."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        found = {name: list(pattern.finditer(ctx.text)) for name, pattern in _SYSTEMS.items()}
        if not all(found.values()):
            return
        # the rarer system; of two as common, the one the document turns to later
        rarer, other = sorted(found, key=lambda name: (len(found[name]), -found[name][0].start()))
        for match in found[rarer]:
            number = match.group()
            right = regrouped(number, other)
            message = self.meta.message.format(number=number, system=rarer, other=other, right=right)
            yield self.replace(match.start(), match.end(), right, message)


class MalformedDigitGrouping(Rule):
    """U040: a number grouped with commas neither the Indian nor the international way."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for match in _GROUPED.finditer(text):
            if malformed(match.group()) and not _dated(text, match):
                yield self.diagnostic(
                    match.start(), match.end(), self.meta.message.format(number=match.group())
                )


def _dated(text: str, match: regex.Match[str]) -> bool:
    """The number is a day and a year after a month's name, as English dates are written
    (दिसंबर 21,2016): no grouping."""
    day, _, year = match.group().partition(",")
    before = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
    return len(year) == 4 and int(day) <= 31 and before is not None and is_month(before.group(1))
