"""qa's findings as LSP diagnostics, and their fixes as code actions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lsprotocol import types as lsp

from qa.diagnostic import Diagnostic, Edit, Severity
from qa.engine import suppress
from qa.links import rule_url
from qa.lsp.positions import Positions
from qa.text.lines import LineIndex

SOURCE = "qa"
_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


def span(positions: Positions, start: int, end: int) -> lsp.Range:
    return lsp.Range(_position(positions, start), _position(positions, end))


def _position(positions: Positions, offset: int) -> lsp.Position:
    line, character = positions.position(offset)
    return lsp.Position(line=line, character=character)


def diagnostic(d: Diagnostic, positions: Positions) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=span(positions, d.start, d.end),
        message=d.message,
        severity=_SEVERITY[d.severity],
        code=d.code,
        code_description=lsp.CodeDescription(href=rule_url(d.code, d.name)),
        source=SOURCE,
    )


def actions(
    uri: str, text: str, version: int | None, found: Iterable[Diagnostic], positions: Positions
) -> list[lsp.CodeAction]:
    """For each finding: its fix (a preferred quick fix when safe, marked "(unsafe)" when
    not), its other suggestions, and "ignore this rule on this line"."""
    document = lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)

    def action(d: Diagnostic, title: str, edits: Iterable[Edit], preferred: bool = False) -> lsp.CodeAction:
        changes = [lsp.TextEdit(span(positions, e.start, e.end), e.replacement) for e in edits]
        return lsp.CodeAction(
            title=title,
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[diagnostic(d, positions)],
            is_preferred=preferred or None,
            edit=lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(document, changes)]),
        )

    listed: list[lsp.CodeAction] = []
    for d in found:
        fixed = None
        if d.fix is not None:
            safe = d.fix.applicability == "safe"
            fixed = _result(text, d, d.fix.edits)
            title = f"Fix {d.code}: {_quoted(fixed, d)}" + ("" if safe else " (unsafe)")
            listed.append(action(d, title, d.fix.edits, preferred=safe))
        for suggestion in _suggestions(d, fixed):
            listed.append(
                action(d, f"{d.code}: replace with “{suggestion}”", [Edit(d.start, d.end, suggestion)])
            )
        listed.append(action(d, f"Ignore {d.code} ({d.name}) on this line", [suppression(text, d)]))
    return listed


def _suggestions(d: Diagnostic, fixed: str | None) -> Iterator[str]:
    return (s for s in d.suggestions if s != fixed)


def _result(text: str, d: Diagnostic, edits: Iterable[Edit]) -> str | None:
    """What the finding's span reads after a fix whose edits all lie inside it, else None."""
    edits = sorted(edits, key=lambda e: e.start)
    if not edits or edits[0].start < d.start or edits[-1].end > d.end:
        return None
    out, at = [], d.start
    for e in edits:
        out += [text[at : e.start], e.replacement]
        at = e.end
    return "".join(out) + text[at : d.end]


def _quoted(fixed: str | None, d: Diagnostic) -> str:
    if fixed is None:
        return d.message
    return f"replace with “{fixed}”" if fixed.strip() else "remove it"


def suppression(text: str, d: Diagnostic) -> Edit:
    """A comment that silences ``d``'s rule on its line: ``disable-line`` at the line's end
    where the engine knows it, else ``disable-next-line`` on a line of its own above.

    qa's readers hide qa comments in plain text, Markdown and HTML alike, so the comment
    is never itself linted; Markdown and HTML renderers do not show it.
    """
    lines = LineIndex(text)
    start, end = lines.line_span(lines.line_of(d.start))
    if _SAME_LINE:
        space = "" if start == end or text[end - 1].isspace() else " "
        return Edit(end, end, f"{space}<!-- qa: disable-line {d.code} -->")
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    return Edit(start, start, f"<!-- qa: disable-next-line {d.code} -->{newline}")


def _knows_same_line() -> bool:
    """Whether the engine reads ``disable-line`` (older engines read it as an open ``disable``)."""
    probe = "x <!-- qa: disable-line X -->\ny"
    found = suppress.regions(probe, LineIndex(probe))
    return len(found) == 1 and found[0].codes == ("X",) and found[0].end < len(probe)


_SAME_LINE = _knows_same_line()
