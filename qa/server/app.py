"""The FastAPI application: LanguageTool's ``/v2`` API and qa's own ``/api/v1``.

No endpoint reads or writes files: texts arrive in requests, results leave in responses.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from qa import __version__
from qa.config import Config
from qa.engine.runner import RuleCrash
from qa.errors import QAError
from qa.report import FileResult
from qa.report.json import records
from qa.server import ltcompat, upstream
from qa.server.limits import BodyLimit, Busy, Gate, TooSlow
from qa.server.service import Service
from qa.server.settings import Settings


def _encodable(value: str) -> str:
    value.encode("utf-8")  # a lone surrogate cannot be checked or answered
    return value


Text = Annotated[str, AfterValidator(_encodable)]


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Text = Field(description="The copy to check.")
    format: Literal["text", "markdown", "html", "cms-json"] = "text"
    date: dt.date | None = Field(None, description="The article's date, for date-dependent rules.")
    select: list[Text] | None = Field(None, description="Rule codes, prefixes or names to run.")
    ignore: list[Text] = Field(default_factory=list, description="Rule codes, prefixes or names to skip.")


class FixRequest(CheckRequest):
    unsafe: bool = Field(False, description="Apply unsafe fixes too.")


class EditRecord(BaseModel):
    start: int
    end: int
    replacement: str


class FixRecord(BaseModel):
    applicability: Literal["safe", "unsafe"]
    edits: list[EditRecord]


class DiagnosticRecord(BaseModel):
    path: str
    code: str
    name: str
    severity: Literal["error", "warning", "info"]
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    text: str
    suggestions: list[str]
    fix: FixRecord | None
    field: str | None = Field(None, description="The CMS field, for cms-json input.")


class Report(BaseModel):
    version: Literal[1]
    diagnostics: list[DiagnosticRecord]


class FixReport(Report):
    text: str = Field(description="The text with the fixes applied.")
    applied: int


class RuleRecord(BaseModel):
    code: str
    name: str
    severity: Literal["error", "warning", "info"]
    fix: Literal["safe", "unsafe", "none"]
    default: bool
    summary: str
    category: str = Field(description="The LanguageTool category id the rule is reported under.")


class Problem(BaseModel):
    detail: Any


_PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "Bad input: unknown rule, invalid payload."},
    413: {"model": Problem, "description": "The body or the text is too long."},
    422: {"model": Problem, "description": "The request does not match the schema."},
    503: {"model": Problem, "description": "Overloaded, or the check ran past the time limit."},
}
_LT_TEXT = {"text/plain": {"schema": {"type": "string"}}}
_LT_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"description": description, "content": _LT_TEXT}
    for status, description in (
        (400, "Bad request: missing or invalid parameters, unsupported language."),
        (413, "The text is too long."),
        (503, "Overloaded, or the check ran past the time limit."),
    )
}
_LT_PARAMS = [
    {
        "name": name,
        "in": "query",
        "required": name == "language",
        "schema": {"type": "string"},
        "description": text,
    }
    for name, text in (
        ("text", "The text to check."),
        ("data", "Annotated text as JSON: {'annotation': [{'text': …}, {'markup': …, 'interpretAs': …}]}."),
        ("language", "hi, hi-IN or auto (required)."),
        ("enabledRules", "Comma-separated rule ids to enable."),
        ("disabledRules", "Comma-separated rule ids to disable."),
        ("enabledCategories", "Comma-separated category ids to enable."),
        ("disabledCategories", "Comma-separated category ids to disable."),
        ("enabledOnly", "true: run only the enabled rules and categories."),
        ("level", "default or picky."),
    )
]
_LT_FORM = {
    "requestBody": {
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {p["name"]: {"type": "string"} for p in _LT_PARAMS},
                    "required": ["language"],
                }
            }
        }
    }
}
_LT_QUERY = {"parameters": _LT_PARAMS}
_LT_JSON = {200: {"description": "LanguageTool's check result.", "content": {"application/json": {}}}}


def create_app(config: Config | None = None, settings: Settings | None = None) -> FastAPI:
    """The application for one configuration (``qa serve`` loads it from the working folder)."""
    config = config or Config()
    settings = settings or Settings.from_config(config)
    service = Service(config, settings)
    gate = Gate(concurrency=settings.concurrency, queue=settings.queue, timeout=settings.timeout)
    app = FastAPI(
        title="qa",
        version=__version__,
        summary="A linter for Hindi (Devanagari) news copy, with a LanguageTool-compatible API.",
        redoc_url=None,
    )
    _native_routes(app, service, gate)
    _languagetool_routes(app, service, gate, settings)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"]
        )
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    _document_selectors(app, service)
    return app


def _document_selectors(app: FastAPI, service: Service) -> None:
    """List the valid rule selectors (codes, names, families, ALL) in the OpenAPI spec."""
    metas = service.rules.values()
    selectors = sorted(
        {"ALL", *(m.code for m in metas), *(m.name for m in metas), *(m.family for m in metas)}
    )
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schemas = generate()["components"]["schemas"]
            item = {"type": "string", "enum": selectors}
            for name in ("CheckRequest", "FixRequest"):
                schemas[name]["properties"]["select"]["anyOf"][0]["items"] = item
                schemas[name]["properties"]["ignore"]["items"] = item
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]


def _problem(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


async def _guarded(gate: Gate, limit: int, text: str, function: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a check through the gate; failures become :class:`_Failure` with a status code."""
    if len(text) > limit:
        raise _Failure(
            413, f"Your text exceeds the limit of {limit} characters (it's {len(text)} characters)"
        )
    try:
        return await gate.run(lambda: function(*args, **kwargs))
    except Busy:
        raise _Failure(503, "Server overloaded, please try again later") from None
    except TooSlow:
        raise _Failure(503, f"Checking took longer than {gate.timeout:g} seconds") from None
    except RuleCrash as exc:  # a bug in qa, not in the request
        raise _Failure(500, str(exc)) from None
    except QAError as exc:
        raise _Failure(400, str(exc)) from None


class _Failure(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _native_routes(app: FastAPI, service: Service, gate: Gate) -> None:
    limit = service.settings.max_text_length

    def options(body: CheckRequest) -> dict[str, Any]:
        select = tuple(body.select) if body.select is not None else None
        return {"format": body.format, "date": body.date, "select": select, "ignore": tuple(body.ignore)}

    @app.post("/api/v1/check", response_model=None, responses={200: {"model": Report}, **_PROBLEMS})
    async def check(body: CheckRequest) -> Response:
        """Lint a text; the answer has the shape of ``qa check --format json``."""
        try:
            result = await _guarded(gate, limit, body.text, service.check, body.text, **options(body))
        except _Failure as failure:
            return _problem(failure.status, str(failure))
        return JSONResponse({"version": 1, "diagnostics": records([result])})

    @app.post("/api/v1/fix", response_model=None, responses={200: {"model": FixReport}, **_PROBLEMS})
    async def fix(body: FixRequest) -> Response:
        """Apply fixes until none applies; returns the new text and what is left."""
        try:
            fixed = await _guarded(
                gate, limit, body.text, service.fix, body.text, unsafe=body.unsafe, **options(body)
            )
        except _Failure as failure:
            return _problem(failure.status, str(failure))
        left = records([FileResult("-", fixed.text, fixed.remaining)])
        return JSONResponse({"version": 1, "text": fixed.text, "applied": fixed.applied, "diagnostics": left})

    @app.get("/api/v1/rules", response_model=list[RuleRecord])
    async def rules() -> list[dict[str, Any]]:
        """Every rule, with its default severity and whether it runs by default."""
        return [
            {
                "code": code,
                "name": meta.name,
                "severity": str(meta.severity),
                "fix": meta.fix,
                "default": meta.default,
                "summary": meta.summary,
                "category": ltcompat.category(meta)[0],
            }
            for code, meta in sorted(service.rules.items())
        ]


def _lt_error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(f"Error: {message}", status_code=status)


def _languagetool_routes(app: FastAPI, service: Service, gate: Gate, settings: Settings) -> None:
    limit = settings.max_text_length

    async def forward(request: Request, action: str, body: bytes) -> Response:
        assert settings.upstream is not None
        reply = await anyio.to_thread.run_sync(
            lambda: upstream.forward(
                settings.upstream,  # type: ignore[arg-type]
                action,
                method=request.method,
                query=request.url.query,
                body=body,
                content_type=request.headers.get("content-type"),
                timeout=settings.timeout,
            )
        )
        return Response(reply.body, status_code=reply.status, media_type=reply.content_type)

    async def check(request: Request) -> Response:
        body = await request.body()
        params = ltcompat.parse_params(body, request.query_params.multi_items())
        try:
            if not ltcompat.wants_hindi(params):
                if settings.upstream:
                    return await forward(request, "check", body)
                raise ltcompat.unsupported(params["language"], upstream=False)
            text = params.get("text") or params.get("data") or ""
            result = await _guarded(gate, limit, text, service.languagetool_check, params)
        except ltcompat.ParamError as exc:
            return _lt_error(exc.status, str(exc))
        except _Failure as failure:
            return _lt_error(failure.status, str(failure))
        return JSONResponse(result)

    for method, how, extra in (
        ("POST", "form body, whatever the Content-Type", _LT_FORM),
        ("GET", "query", _LT_QUERY),
    ):
        app.add_api_route(
            "/v2/check",
            check,
            methods=[method],
            summary=f"LanguageTool-compatible check ({how}).",
            responses={**_LT_JSON, **_LT_ERRORS},
            openapi_extra=extra,
            response_class=JSONResponse,
        )

    @app.get("/v2/languages")
    async def languages() -> list[dict[str, Any]]:
        """Hindi, and the languages of the upstream LanguageTool server when one is configured."""
        extra: list[dict[str, Any]] = []
        if settings.upstream:
            base = settings.upstream
            extra = await anyio.to_thread.run_sync(lambda: upstream.languages(base, timeout=2.0))
        return ltcompat.languages(extra)

    @app.get("/v2/info")
    async def info() -> dict[str, Any]:
        software = {k: v for k, v in ltcompat.SOFTWARE.items() if k not in ("apiVersion", "status")}
        return {"software": {**software, "commit": ""}}

    @app.get("/v2/healthcheck", response_class=PlainTextResponse, responses={503: {"content": _LT_TEXT}})
    async def healthcheck() -> Response:
        if gate.full:
            return _lt_error(503, "Healthcheck failed: There are currently too many parallel requests.")
        return PlainTextResponse("OK")

    @app.get("/v2/maxtextlength", response_class=PlainTextResponse)
    async def maxtextlength() -> str:
        return str(limit)

    @app.get("/v2/configinfo", responses={400: {"content": _LT_TEXT}})
    async def configinfo(request: Request, language: str = "") -> Response:
        if language.replace("_", "-").lower() not in ("hi", "hi-in"):
            if settings.upstream and language:
                return await forward(request, "configinfo", b"")
            return _lt_error(400, f"'language' must be one of: {', '.join(ltcompat.LANGUAGES)}")
        return JSONResponse(ltcompat.config_info(service.rules, limit))

    @app.api_route("/v2/{action:path}", methods=["GET", "POST"], include_in_schema=False)
    async def unsupported(action: str) -> Response:
        return _lt_error(404, f"Unsupported action: '/v2/{action}'")
