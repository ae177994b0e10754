"""What a report may be asked for besides the findings: colour, quiet, grouping, links."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qa.errors import ConfigError
from qa.links import RULES_DOC

#: From this many findings of one rule in one file, the human reports show them as one
#: group ("91 × P002, all fixable with --fix"); 0 never groups.
GROUP_THRESHOLD = 10
#: The rule reference; a rule's section is ``#<code>-<name>`` (GitHub's heading anchors).
RULES_URL = RULES_DOC


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Everything a formatter reads besides the results and the rule metadata."""

    color: bool = False
    #: findings only: no family table, no summary line
    quiet: bool = False
    group_threshold: int = GROUP_THRESHOLD
    rules_url: str = RULES_URL
    #: the folder that relative artifact URIs (SARIF, GitLab) are relative to; None: the paths as given
    base: str | None = None
    #: how many inputs could not be read (the summary line says so)
    unread: int = 0


DEFAULT = ReportOptions()


def from_config(section: Mapping[str, Any], origin: str) -> dict[str, Any]:
    """``[tool.qa.report]``: ``group-threshold`` and ``rules-url``, checked."""
    known = {"group-threshold": ("group_threshold", int), "rules-url": ("rules_url", str)}
    values: dict[str, Any] = {}
    for key, value in section.items():
        if key not in known:
            raise ConfigError(f"{origin}: unknown setting 'report.{key}' (use {', '.join(known)})")
        name, kind = known[key]
        if not isinstance(value, kind) or isinstance(value, bool) or (isinstance(value, int) and value < 0):
            raise ConfigError(
                f"{origin}: 'report.{key}' must be a {'number >= 0' if kind is int else 'text'}"
            )
        values[name] = value
    return values
