"""What the server's endpoints do, without the web framework: check, fix, LanguageTool checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from qa import api
from qa.config import Config
from qa.diagnostic import Diagnostic
from qa.engine import registry
from qa.engine.fixes import FixResult, fix_until_stable
from qa.engine.runner import Linter
from qa.report import FileResult
from qa.runtime import settle
from qa.server import ltcompat
from qa.server.settings import Settings


class Service:
    """One configuration's rules and compiled linters, shared by every request."""

    def __init__(self, config: Config, settings: Settings) -> None:
        self.config = config
        self.settings = settings
        specs = registry.load_specs(tuple(config["rule-files"]))
        self.rules = {code: spec.meta for code, spec in specs.items()}
        # Clients choose rule sets freely: keep a bounded number of compiled linters.
        self.linter = lru_cache(maxsize=64)(self._linter)
        default = self.linter(None, ())
        self.defaults = tuple(default.codes)
        default.warm()  # the first request does not wait for the rules' data
        settle()  # and the collector does not rescan it on every request

    def _linter(self, select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> Linter:
        return Linter(self.config, select=select, ignore=ignore)

    def _lint(
        self,
        *,
        format: str = "text",
        date: dt.date | None = None,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
    ) -> Callable[[str], list[Diagnostic]]:
        linter = self.linter(select, ignore)
        return lambda text: linter.check(api.document(text, format=format, config=self.config), date=date)

    def check(self, text: str, **options: Any) -> FileResult:
        """Lint ``text``; ``options``: format, date, select, ignore."""
        return FileResult("-", text, self._lint(**options)(text))

    def fix(self, text: str, *, unsafe: bool = False, **options: Any) -> FixResult:
        """Apply fixes until none applies; ``options`` as for :meth:`check`."""
        return fix_until_stable(text, self._lint(**options), unsafe=unsafe)

    def languagetool_check(self, params: Mapping[str, str]) -> dict[str, Any]:
        """``/v2/check`` for a Hindi request (the caller has routed other languages away)."""
        request = ltcompat.request(params, self.rules, self.defaults)
        found = self.linter(request.codes, ()).check(request.document) if request.codes else []
        return ltcompat.response(request, found, self.rules)
