"""``--format text``: ``path:line:col: CODE message``, the line, a caret, the fix.

Long lines (a paragraph is often one line in copy) are shown as a window around
the finding. Carets are placed by display width, so they sit under the right
letter after conjuncts and vowel signs.
"""

from __future__ import annotations

from collections.abc import Mapping

from qa.diagnostic import Diagnostic, Edit, apply_edits
from qa.meta import RuleMeta
from qa.report import FileResult
from qa.report.summary import family_table, plural, summary_line
from qa.text.width import display_width

WINDOW = 36  # code points of context on each side of a finding
PREVIEW = 4 * WINDOW  # at most this many code points of a word around a fix
_COLORS = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], *, color: bool = False) -> str:
    """Findings grouped by file (a heading per file when there are several), then totals."""
    out = []
    for result in results:
        if len(results) > 1 and result.diagnostics:
            heading = f"── {result.path} ({plural(len(result.diagnostics), 'problem')})"
            out.append(_paint(heading, "1;4", color) + "\n\n")
        out += [f"{block(result, d, color=color)}\n\n" for d in result.diagnostics]
    table = family_table(results)
    return "".join(out) + (f"{table}\n\n" if table else "") + summary_line(results) + "\n"


def block(result: FileResult, d: Diagnostic, *, color: bool = False) -> str:
    line, column = result.position(d.start)
    severity = str(d.severity)
    head = (
        f"{_paint(result.path, '1', color)}:{line}:{column}: "
        f"{_paint(d.code, '1;' + _COLORS[severity], color)} {d.message}"
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


def fix_preview(source: str, edits: tuple[Edit, ...], line_start: int, line_end: int) -> str:
    """``before → after`` for the words the edits touch (at most ``PREVIEW`` code points around them)."""
    lo, hi = min(e.start for e in edits), max(e.end for e in edits)
    lo, hi = max(lo, line_start), min(hi, line_end)
    lo, hi = _widen(source, lo, hi, max(line_start, lo - PREVIEW), min(line_end, hi + PREVIEW))
    inside = [Edit(e.start - lo, e.end - lo, e.replacement) for e in edits if lo <= e.start and e.end <= hi]
    before = source[lo:hi]
    after = apply_edits(before, inside)
    cut_before = "…" if lo > line_start and not source[lo - 1].isspace() else ""
    cut_after = "…" if hi < line_end and not source[hi].isspace() else ""
    return (
        f"{cut_before}{before.strip() or repr(before)}{cut_after} → "
        f"{cut_before}{after.strip() or repr(after)}{cut_after}"
    )


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
        "    " + " " * pad + _paint("^" * width, _COLORS[str(d.severity)], color),
    ]
    if d.fix is not None:
        label = "fix" if d.fix.applicability == "safe" else "unsafe fix"
        lines.append(f"    {label}: {fix_preview(source, d.fix.edits, line_start, line_end)}")
    elif d.suggestions:
        lines.append("    suggestion: " + " / ".join(s or "(remove)" for s in d.suggestions))
    return lines
