"""``--output-format gitlab``: a GitLab Code Quality report (a JSON array of issues).

Each issue has GitLab's required fields: ``description``, ``check_name``, ``fingerprint``
(unique in the report, and stable across unrelated edits), ``severity`` and
``location.path`` (relative to the folder qa ran in) with ``location.lines.begin``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from qa.meta import RuleMeta
from qa.report import FileResult
from qa.report.fingerprint import fingerprints
from qa.report.options import DEFAULT, ReportOptions
from qa.report.paths import relative

#: GitLab's severities are info, minor, major, critical and blocker.
_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = DEFAULT) -> str:
    issues: list[dict[str, Any]] = []
    for result in results:
        path = relative(result.path, options.base) or result.path
        for d, mark in zip(result.diagnostics, fingerprints(result.source, result.diagnostics), strict=True):
            line, end_line = result.position(d.start)[0], result.position(d.end)[0]
            issues.append(
                {
                    "type": "issue",
                    "check_name": d.code,
                    "description": f"{d.code} {d.message}",
                    "categories": ["Style"],
                    "fingerprint": hashlib.sha256(f"{path}\x1f{mark}".encode()).hexdigest()[:32],
                    "severity": _SEVERITIES[str(d.severity)],
                    "location": {"path": path, "lines": {"begin": line, "end": end_line}},
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
