"""``--output-format concise``: ``path:line:col: CODE message``, one line per finding.

For editors' problem matchers and scripts; every finding is listed (no grouping).
"""

from __future__ import annotations

from collections.abc import Mapping

from qa.meta import RuleMeta
from qa.report import FileResult
from qa.report.options import DEFAULT, ReportOptions
from qa.report.summary import summary_line
from qa.report.text import paint, severity_colour


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = DEFAULT) -> str:
    color = options.color
    lines = []
    for result in results:
        path = paint(result.path, "1", color)
        for d in result.diagnostics:
            line, column = result.position(d.start)
            code = paint(d.code, severity_colour(d, bold=True), color)
            lines.append(f"{path}:{line}:{column}: {code} {' '.join(d.message.splitlines())}\n")
    return "".join(lines) + ("" if options.quiet else summary_line(results, options.unread) + "\n")
