"""The FastAPI application: LanguageTool's ``/v2`` API and qa's own ``/api/v1``.

No endpoint reads or writes files: texts arrive in requests, results leave in responses.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated, Any, Literal

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from qa import __version__
from qa.config import Config
from qa.resident.warm import examples, spare_sample
from qa.server import autolang, ltcompat, upstream
from qa.server.answers import AnswerCache
from qa.server.limits import BodyLimit, HostCheck
from qa.server.service import Answer, Job, Service, json_bytes, problem
from qa.server.settings import Settings
from qa.server.workers import Busy, TooSlow, WorkerLost, WorkerPool


def _encodable(value: str) -> str:
    """A lone surrogate (a broken ``\\ud800`` escape) is no text: it cannot be checked or answered."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        raise ValueError(f"lone surrogate U+{code:04X} at offset {exc.start} is not Unicode text") from None
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
    400: {"model": Problem, "description": "Bad input: unknown rule, invalid payload, Host not allowed."},
    408: {"model": Problem, "description": "The body did not arrive within the body timeout."},
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
_LT_JSON: dict[int | str, dict[str, Any]] = {
    200: {"description": "LanguageTool's check result.", "content": {"application/json": {}}}
}


def create_app(config: Config | None = None, settings: Settings | None = None) -> FastAPI:
    """The application for one configuration (``qa serve`` loads it from the working folder).

    The rules are loaded here, then the check workers are forked from this state.
    """
    config = config or Config()
    settings = settings or Settings.from_config(config)
    service = Service(config, settings)
    pool = WorkerPool(
        service.answer,
        size=settings.concurrency,
        queue=settings.queue,
        timeout=settings.timeout,
        rehearsal=_rehearsal(service),
    )

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="qa",
        version=__version__,
        summary="A linter for Hindi (Devanagari) news copy, with a LanguageTool-compatible API.",
        docs_url=None,  # served by _docs from a local copy of Swagger UI, never a CDN
        redoc_url=None,
        default_response_class=_JSON,
        lifespan=lifespan,
    )
    app.state.workers = pool
    # Repeats answered without a worker, unless a rule's findings come from a remote server.
    cacheable = service.session.linter(select=("ALL",)).cacheable
    answers = AnswerCache(files=service.session.config.setting_files()) if cacheable else None
    app.add_exception_handler(RequestValidationError, _invalid)
    run = _runner(pool, answers, settings.max_text_length)
    _native_routes(app, service, run)
    _languagetool_routes(app, service, pool, run, settings)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes, deadline=settings.body_timeout)
    if settings.cors_origins:  # outside the body limit, so that its 413 carries the CORS headers too
        app.add_middleware(
            CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"]
        )
    app.add_middleware(HostCheck, allowed=settings.allowed_hosts)
    _document_selectors(app, service)
    _docs(app)
    return app


def _rehearsal(service: Service) -> tuple[Job, ...]:
    """What a new worker checks before its first request: the rules' examples, through
    both kinds of check."""
    sample = spare_sample(examples(service.session))
    return Job("check", sample), Job("languagetool", options={"language": "hi-IN", "text": sample})


def _docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI from the installed ``swagger-ui-bundle`` package, so the page works
    offline and loads nothing from outside this server. Without the package: /openapi.json only."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles

    app.mount("/docs/assets", StaticFiles(directory=swagger_ui_path), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> Response:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="qa — API",
            swagger_js_url="/docs/assets/swagger-ui-bundle.js",
            swagger_css_url="/docs/assets/swagger-ui.css",
            swagger_favicon_url="/docs/assets/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # no badge from the online validator
        )


class _JSON(JSONResponse):
    def render(self, content: Any) -> bytes:
        return json_bytes(content)


async def _invalid(_: Request, exc: Exception) -> Response:
    """422 with a one-line reason; the offending input is not echoed (it may not even be encodable)."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    if not errors:
        return _problem(422, "The request does not match the schema")
    first = errors[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body") or "body"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return _problem(422, f"{where}: {first.get('msg', 'invalid')}{more}")


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


def _respond(answer: Answer) -> Response:
    return Response(answer.body, status_code=answer.status, media_type=answer.media_type)


def _problem(status: int, detail: str) -> Response:
    return _respond(problem(status, detail))


#: Runs a job: ``run(job, fail, length=len(text))`` is its response, or ``fail(status, reason)``.
Runner = Callable[..., Awaitable[Response]]


def _runner(pool: WorkerPool, answers: AnswerCache | None, limit: int) -> Runner:
    async def run(job: Job, fail: Callable[[int, str], Response], *, length: int) -> Response:
        """``job``'s answer (kept, or from a worker), or ``fail(status, reason)`` (too long, busy, slow)."""
        if length > limit:
            return fail(413, f"Your text exceeds the limit of {limit} characters (it's {length} characters)")
        key = answers.key(job) if answers is not None else b""
        answer = answers.get(key) if answers is not None else None
        if answer is not None:
            return _respond(answer)
        try:
            answer = await pool.run(job)
        except Busy:
            return fail(503, "Server overloaded, please try again later")
        except TooSlow:
            return fail(503, f"Checking took longer than {pool.timeout:g} seconds")
        except WorkerLost:
            return fail(500, "The check's worker process ended unexpectedly")
        if answers is not None:
            answers.put(key, answer)
        return _respond(answer)

    return run


def _native_routes(app: FastAPI, service: Service, run: Runner) -> None:

    def options(body: CheckRequest) -> dict[str, Any]:
        select = tuple(body.select) if body.select is not None else None
        return {"format": body.format, "date": body.date, "select": select, "ignore": tuple(body.ignore)}

    @app.post("/api/v1/check", response_model=None, responses={200: {"model": Report}, **_PROBLEMS})
    async def check(body: CheckRequest) -> Response:
        """Lint a text; the answer has the shape of ``qa check --format json``."""
        return await run(Job("check", body.text, options(body)), _problem, length=len(body.text))

    @app.post("/api/v1/fix", response_model=None, responses={200: {"model": FixReport}, **_PROBLEMS})
    async def fix(body: FixRequest) -> Response:
        """Apply fixes until none applies; returns the new text and what is left."""
        job = Job("fix", body.text, {**options(body), "unsafe": body.unsafe})
        return await run(job, _problem, length=len(body.text))

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


def _lt_error(status: int, message: str) -> Response:
    return _respond(problem(status, message, languagetool=True))


def _languagetool_routes(
    app: FastAPI, service: Service, pool: WorkerPool, run: Runner, settings: Settings
) -> None:
    limit = settings.max_text_length
    # Forwards wait on a slow upstream in threads of their own, never ahead of /v2/languages.
    forwards, listings = anyio.CapacityLimiter(16), anyio.CapacityLimiter(4)

    async def send(
        action: str, method: str, query: str, body: bytes, content_type: str | None
    ) -> upstream.Reply:
        base = settings.upstream
        assert base is not None
        return await anyio.to_thread.run_sync(
            lambda: upstream.forward(
                base,
                action,
                method=method,
                query=query,
                body=body,
                content_type=content_type,
                timeout=settings.timeout,
            ),
            limiter=forwards,
        )

    async def forward(request: Request, action: str, body: bytes) -> Response:
        reply = await send(
            action, request.method, request.url.query, body, request.headers.get("content-type")
        )
        return Response(reply.body, status_code=reply.status, media_type=reply.content_type)

    async def mixed(params: dict[str, str], ours: Response) -> Response:
        """``language=auto``: the Latin passages checked upstream, merged into qa's answer."""
        text = params.get("text") if params["language"].lower() == "auto" else None
        spans = autolang.passages(text) if text and settings.upstream and ours.status_code == 200 else []
        if not spans or text is None:
            return ours
        body = autolang.form(params, text, spans)
        reply = await send("check", "POST", "", body, "application/x-www-form-urlencoded")
        merged = autolang.merge(json.loads(bytes(ours.body)), reply, text, spans)
        return JSONResponse(merged)

    async def check(request: Request) -> Response:
        body = await request.body()
        params = ltcompat.parse_params(body, request.query_params.multi_items())
        try:
            if not ltcompat.wants_hindi(params):
                if settings.upstream:
                    return await forward(request, "check", body)
                raise ltcompat.unsupported(params["language"], upstream=False)
        except ltcompat.ParamError as exc:
            return _lt_error(exc.status, str(exc))
        text = params.get("text") or params.get("data") or ""
        ours = await run(Job("languagetool", options=params), _lt_error, length=len(text))
        return await mixed(params, ours)

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
            extra = await anyio.to_thread.run_sync(
                lambda: upstream.languages(base, timeout=2.0), limiter=listings
            )
        return ltcompat.languages(extra)

    @app.get("/v2/info")
    async def info() -> dict[str, Any]:
        software = {k: v for k, v in ltcompat.SOFTWARE.items() if k not in ("apiVersion", "status")}
        return {"software": {**software, "commit": ""}}

    @app.get("/v2/healthcheck", response_class=PlainTextResponse, responses={503: {"content": _LT_TEXT}})
    async def healthcheck() -> Response:
        if pool.full:
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
