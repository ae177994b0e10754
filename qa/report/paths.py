"""Where a finding's file is, for reports read on another machine (SARIF, GitLab)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

#: The one base id SARIF artifact locations are relative to.
BASE_ID = "%SRCROOT%"
#: What the report calls standard input.
STDIN = "-"


def relative(path: str, base: str | None) -> str | None:
    """``path`` relative to ``base`` with forward slashes; None when it lies outside the base."""
    if base is None:
        return None if os.path.isabs(path) else Path(path).as_posix()
    inside = os.path.relpath(os.path.join(base, path), base)
    if inside == os.pardir or inside.startswith(os.pardir + os.sep) or os.path.isabs(inside):
        return None
    return Path(inside).as_posix()


def artifact_uri(path: str, base: str | None) -> tuple[str, bool]:
    """(URI, relative to the base?): percent-encoded and relative inside the base, else ``file://``."""
    if path == STDIN:
        return "stdin", False
    inside = relative(path, base)
    if inside is not None:
        return quote(inside, safe="/", errors="surrogateescape"), base is not None
    return Path(os.path.abspath(path)).as_uri(), False


def base_uri(base: str) -> str:
    """The base folder as a ``file://`` URI ending in a slash, as SARIF requires."""
    return Path(os.path.abspath(base)).as_uri().rstrip("/") + "/"
