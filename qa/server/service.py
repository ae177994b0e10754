"""What the server's endpoints do, without the web framework: check, fix, LanguageTool checks.

:meth:`Service.answer` is what a worker process runs for a request: a :class:`Job` in,
an :class:`Answer` (status and body bytes) out, so everything that depends on the text,
rendering the answer included, happens where a deadline can end it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from qa.api import Session
from qa.config import Config
from qa.diagnostic import FileResult
from qa.engine.fixes import FixResult
from qa.engine.runner import RuleCrash
from qa.errors import QAError
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
    """An HTTP answer: status, body and media type."""

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
    """One configuration's session (rules and compiled linters), shared by every request."""

    def __init__(self, config: Config, settings: Settings) -> None:
        self.config = config
        self.settings = settings
        self.session = Session(config, linters=64)  # clients choose rule sets freely
        self.rules = self.session.rules()
        self.defaults = tuple(self.session.linter().codes)
        self.session.warm()  # the first request does not wait for the rules' data
        settle()  # and the collector does not rescan it on every request

    def check(
        self,
        text: str,
        *,
        format: str = "text",
        date: dt.date | None = None,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
    ) -> FileResult:
        """Lint ``text`` as ``format``."""
        return self.session.check(text, format=format, date=date, select=select, ignore=ignore)

    def fix(
        self,
        text: str,
        *,
        unsafe: bool = False,
        format: str = "text",
        date: dt.date | None = None,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
    ) -> FixResult:
        """Apply fixes until none applies; options as for :meth:`check`."""
        return self.session.fix(text, format=format, date=date, select=select, ignore=ignore, unsafe=unsafe)

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
        document = self.session.read(request.source, format=request.format)
        found = self.session.check_document(document, select=request.codes) if request.codes else []
        return ltcompat.response(request, document, found, self.rules)
