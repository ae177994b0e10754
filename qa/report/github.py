"""``--output-format github``: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from collections.abc import Mapping

from qa.meta import RuleMeta
from qa.report import FileResult
from qa.report.options import DEFAULT, ReportOptions
from qa.report.summary import summary_line

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = DEFAULT) -> str:
    lines = []
    for result in results:
        for d in result.diagnostics:
            line, column = result.position(d.start)
            end_line, end_column = result.position(d.end)
            props = (
                f"file={_property(result.path)},line={line},col={column},"
                f"endLine={end_line},endColumn={end_column},title={_property(f'{d.code} {d.name}')}"
            )
            lines.append(f"::{_LEVELS[str(d.severity)]} {props}::{_data(f'{d.code} {d.message}')}")
    if not options.quiet:
        lines.append(summary_line(results, options.unread))
    return "".join(f"{line}\n" for line in lines)
