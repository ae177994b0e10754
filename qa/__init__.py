"""qa: a linter for Devanagari (Hindi) news copy."""

from __future__ import annotations

from qa import dataclasscache

__version__ = "0.1.0"
__all__ = ["Diagnostic", "Severity", "__version__", "check", "fix"]

TYPE_CHECKING = False  # typing itself would cost every run of the ``qa`` command an import
if TYPE_CHECKING:
    from typing import Any

    from qa.api import check, fix
    from qa.diagnostic import Diagnostic, Severity


# Before any of qa's dataclasses is created: their methods come compiled from the start-up cache
# (dataclasses itself is imported when first used).
dataclasscache.install()


def __getattr__(name: str) -> Any:  # lazy: `import qa` stays cheap for the CLI
    if name in ("check", "fix"):
        from qa import api

        return getattr(api, name)
    if name in ("Diagnostic", "Severity"):
        from qa import diagnostic

        return getattr(diagnostic, name)
    raise AttributeError(name)
