"""``--output-format full``: ``path:line:col: CODE message``, the line, a caret, the fix.

A rule that fires all through a file (a house habit) is one grouped line after the
file's other findings (see :mod:`qa.report.grouping`). Long lines (a paragraph is
often one line in copy) are shown as a window around the finding. Carets are placed by
display width, so they sit under the right letter after conjuncts and vowel signs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from qa.diagnostic import Diagnostic, Edit, apply_edits
from qa.meta import RuleMeta
from qa.report import FileResult
from qa.report.grouping import Group, split
from qa.report.options import DEFAULT, ReportOptions
from qa.report.summary import family_table, plural, summary_line
from qa.text.width import display_width

WINDOW = 36  # code points of context on each side of a finding
PREVIEW = 4 * WINDOW  # at most this many code points of a word around a fix
_COLORS = {"error": "31", "warning": "33", "info": "36"}


def paint(text: str, code: str, color: bool) -> str:
    """``text`` in the ANSI style ``code`` when colour is on."""
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def severity_colour(d: Diagnostic, *, bold: bool = False) -> str:
    return ("1;" if bold else "") + _COLORS[str(d.severity)]


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = DEFAULT) -> str:
    """Findings grouped by file (a heading per file when there are several), then totals."""
    out = []
    color = options.color
    for result in results:
        if len(results) > 1 and result.diagnostics:
            heading = f"── {result.path} ({plural(len(result.diagnostics), 'problem')})"
            out.append(paint(heading, "1;4", color) + "\n\n")
        singles, groups = split(result.diagnostics, options.group_threshold, result.source)
        out += [f"{block(result, result.diagnostics[i], color=color)}\n\n" for i in singles]
        out += [f"{group_line(result, group, color=color)}\n\n" for group, _ in groups]
    if options.quiet:
        return "".join(out)
    table = family_table(results)
    return "".join(out) + (f"{table}\n\n" if table else "") + summary_line(results, options.unread) + "\n"


#: At most this many distinct changes under a group's line; the rest is counted.
CHANGES = 6
#: How to see a group's findings one by one.
UNFOLD = "    each one: --no-group or --format concise"


def group_line(result: FileResult, group: Group, *, color: bool = False) -> str:
    """``path:line:col: 91 × P002 name, all fixable with --fix (lines 1-4, 7)`` at the first
    one, then what changes (``' ।' → '।' ×91``, invisible characters escaped) and how to
    see each one."""
    first = group.diagnostics[0]
    line, column = result.position(first.start)
    title = group.title().replace(group.code, paint(group.code, severity_colour(first, bold=True), color), 1)
    lines = sorted({result.position(d.start)[0] for d in group.diagnostics})
    changes = group.changes(result.source).most_common()
    shown = [
        f"{_quoted(before)} {f'→ {_quoted(after)}' if after else 'removed'} ×{n}"
        for (before, after), n in changes[:CHANGES]
    ]
    more = f", and {len(changes) - CHANGES} more" if len(changes) > CHANGES else ""
    return "\n".join(
        [
            f"{paint(result.path, '1', color)}:{line}:{column}: {title} ({_line_ranges(lines)})",
            f"    {', '.join(shown)}{more}",
            UNFOLD,
        ]
    )


def _quoted(text: str) -> str:
    """``text`` in quotes, invisible characters and odd spaces as ``\\u200b``."""
    shown = "".join(
        c if c == " " or unicodedata.category(c)[0] not in "CZ" else f"\\u{ord(c):04x}" for c in text
    )
    return f"'{shown}'"


def _line_ranges(lines: list[int]) -> str:
    """``line 3`` or ``lines 1-4, 7, 9-12``: every line."""
    ranges: list[list[int]] = []
    for n in lines:
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    shown = [f"{a}" if a == b else f"{a}-{b}" for a, b in ranges]
    return f"line{'s' if len(lines) > 1 else ''} {', '.join(shown)}"


def block(result: FileResult, d: Diagnostic, *, color: bool = False) -> str:
    line, column = result.position(d.start)
    head = (
        f"{paint(result.path, '1', color)}:{line}:{column}: "
        f"{paint(d.code, severity_colour(d, bold=True), color)} {d.message}"
    )
    return "\n".join([head, *snippet(result, d, color=color)])


def _window(result: FileResult, d: Diagnostic) -> tuple[int, int]:
    line_start, line_end = result.lines.line_span(result.lines.line_of(d.start))
    shown_end = min(d.end, d.start + PREVIEW)  # a long finding is shown from its start
    start = max(line_start, d.start - WINDOW)
    end = min(line_end, shown_end + WINDOW)
    floor, ceiling = max(line_start, d.start - 2 * WINDOW), min(line_end, shown_end + 2 * WINDOW)
    return _widen(result.source, start, end, floor, ceiling)


def _widen(source: str, start: int, end: int, floor: int, ceiling: int) -> tuple[int, int]:
    """Widen to word boundaries, so a word (or a conjunct) is not cut in half, within the bounds.

    The bounds keep every finding's context short: a line without spaces (words glued by
    zero-width spaces) is shown around each finding, never whole.
    """
    while start > floor and not source[start - 1].isspace():
        start -= 1
    while end < ceiling and not source[end].isspace():
        end += 1
    return start, end


def fix_change(
    source: str, edits: tuple[Edit, ...], line_start: int, line_end: int
) -> tuple[str, str, str, str]:
    """(the words the edits touch, the same words fixed, "…" if a word is cut before, after),
    at most ``PREVIEW`` code points around the edits."""
    lo, hi = min(e.start for e in edits), max(e.end for e in edits)
    lo, hi = max(lo, line_start), min(hi, line_end)
    lo, hi = _widen(source, lo, hi, max(line_start, lo - PREVIEW), min(line_end, hi + PREVIEW))
    inside = [Edit(e.start - lo, e.end - lo, e.replacement) for e in edits if lo <= e.start and e.end <= hi]
    before = source[lo:hi]
    lead = "…" if lo > line_start and not source[lo - 1].isspace() else ""
    trail = "…" if hi < line_end and not source[hi].isspace() else ""
    return before, apply_edits(before, inside), lead, trail


def fix_preview(source: str, edits: tuple[Edit, ...], line_start: int, line_end: int) -> str:
    """``before → after`` for the words the edits touch."""
    before, after, lead, trail = fix_change(source, edits, line_start, line_end)
    return f"{lead}{before.strip() or repr(before)}{trail} → {lead}{after.strip() or repr(after)}{trail}"


def snippet(result: FileResult, d: Diagnostic, *, color: bool = False) -> list[str]:
    source = result.source
    start, end = _window(result, d)
    line_start, line_end = result.lines.line_span(result.lines.line_of(d.start))
    prefix = "…" if start > line_start else ""
    suffix = "…" if end < line_end else ""
    shown = source[start:end].replace("\t", " ")
    caret_end = min(d.end, end)
    pad = display_width(prefix + source[start : d.start])
    width = max(1, display_width(source[d.start : caret_end]))
    lines = [
        f"    {prefix}{shown}{suffix}",
        "    " + " " * pad + paint("^" * width, severity_colour(d), color),
    ]
    if d.fix is not None:
        label = "fix" if d.fix.applicability == "safe" else "unsafe fix"
        lines.append(f"    {label}: {fix_preview(source, d.fix.edits, line_start, line_end)}")
    elif d.suggestions:
        lines.append("    suggestion: " + " / ".join(s or "(remove)" for s in d.suggestions))
    return lines
