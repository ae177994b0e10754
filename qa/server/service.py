"""What the server's endpoints do, without the web framework: check, fix, LanguageTool checks.

:meth:`Service.answer` is what a worker process runs for a request: a :class:`Job` in,
an :class:`Answer` (status and body bytes) out, so everything that depends on the text,
rendering the answer included, happens where a deadline can end it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from qa import api
from qa.config import Config
from qa.diagnostic import Diagnostic
from qa.engine import registry
from qa.engine.fixes import FixResult, fix_until_stable
from qa.engine.runner import Linter, RuleCrash
from qa.errors import QAError
from qa.report import FileResult
from qa.report.json import records
from qa.runtime import settle
from qa.server import ltcompat
from qa.server.settings import Settings


@dataclass(frozen=True)
class Job:
    """One request's work: ``check`` and ``fix`` take ``text`` and options, ``languagetool`` params."""

    action: Literal["check", "fix", "languagetool"]
    text: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    media_type: str = "application/json"


def json_bytes(content: Any) -> bytes:
    """Compact JSON as UTF-8; a lone surrogate (from a ``\\ud800`` escape in CMS JSON) stays escaped."""
    try:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    except UnicodeEncodeError:
        return json.dumps(content, allow_nan=False, separators=(",", ":")).encode()


def problem(status: int, message: str, *, languagetool: bool = False) -> Answer:
    """An error answer: LanguageTool's ``Error: …`` text under /v2, ``{"detail": …}`` in /api/v1."""
    if languagetool:
        return Answer(status, f"Error: {message}".encode("utf-8", "backslashreplace"), "text/plain")
    return Answer(status, json_bytes({"detail": message}))


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

    def answer(self, job: Job) -> Answer:
        """Do ``job`` and render its answer; bad input is a 4xx, a bug in qa a 500, all in one line."""
        languagetool = job.action == "languagetool"
        try:
            if languagetool:
                return Answer(200, json_bytes(self.languagetool_check(job.options)))
            if job.action == "fix":
                fixed = self.fix(job.text, **job.options)
                left = records([FileResult("-", fixed.text, fixed.remaining)])
                report = {"version": 1, "text": fixed.text, "applied": fixed.applied, "diagnostics": left}
                return Answer(200, json_bytes(report))
            result = self.check(job.text, **job.options)
            return Answer(200, json_bytes({"version": 1, "diagnostics": records([result])}))
        except ltcompat.ParamError as exc:
            return problem(exc.status, str(exc), languagetool=languagetool)
        except RuleCrash as exc:
            return problem(500, str(exc), languagetool=languagetool)
        except QAError as exc:
            return problem(400, str(exc), languagetool=languagetool)
        except Exception as exc:  # a bug in qa: one line, and the worker lives on
            return problem(500, f"internal error: {type(exc).__name__}: {exc}", languagetool=languagetool)

    def languagetool_check(self, params: Mapping[str, str]) -> dict[str, Any]:
        """``/v2/check`` for a Hindi request (the caller has routed other languages away)."""
        request = ltcompat.request(params, self.rules, self.defaults)
        found = self.linter(request.codes, ()).check(request.document) if request.codes else []
        return ltcompat.response(request, found, self.rules)
