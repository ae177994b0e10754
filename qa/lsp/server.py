"""The language server: pygls over stdio, one check at a time off the event loop.

Diagnostics follow every open, save and (debounced) change; a check whose text has
changed meanwhile is dropped, so an editor only ever sees findings for the text it
shows. Each file gets the configuration closest to it (``qa.toml`` or
``[tool.qa]`` in ``pyproject.toml``), through the same resolver as ``qa check``, which
here notices a config file added, changed or removed since the last check.
"""

from __future__ import annotations

import asyncio
import contextlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from qa import __version__, api
from qa.config import CONFIG_NAMES, Config, ConfigResolver
from qa.diagnostic import Diagnostic
from qa.errors import QAError
from qa.formats import detect_format
from qa.lsp import actions
from qa.lsp.positions import Positions

#: Editors' language ids -> qa's formats; other ids go by the file's extension.
LANGUAGE_IDS = {"plaintext": "text", "text": "text", "markdown": "markdown", "html": "html"}


@dataclass(frozen=True)
class Checked:
    """The findings for one version of one document."""

    version: int | None
    text: str
    found: list[Diagnostic]
    positions: Positions


class QAServer(LanguageServer):
    def __init__(self, debounce: float) -> None:
        super().__init__("qa", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.debounce = debounce
        self.session = api.Session(Config(), resolver=ConfigResolver(watch=True))
        self.checked: dict[str, Checked] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qa-check")
        self._reported: set[str] = set()

    def warm(self) -> None:
        """Load the rules' data before the first file arrives (the first check waits for it)."""

        def load() -> None:
            with contextlib.suppress(QAError):  # a bad config is reported when a file is checked
                self.session.linter(self.session.config_for(self.untitled)).warm()

        self._checker.submit(load)

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, replacing a check not yet started."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay))

    def forget(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.checked.pop(uri, None)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    async def _check_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        loop = asyncio.get_running_loop()
        found = await loop.run_in_executor(
            self._checker, self.lint, text, document.path, document.language_id
        )
        if self.workspace.get_text_document(uri).version != version:
            return  # edited meanwhile: the newer check publishes
        self._pending.pop(uri, None)
        self.publish(uri, self.remember(uri, version, text, found))

    def remember(self, uri: str, version: int | None, text: str, found: list[Diagnostic]) -> Checked:
        checked = Checked(version, text, found, Positions(text, self.encoding))
        self.checked[uri] = checked
        return checked

    def publish(self, uri: str, checked: Checked) -> None:
        shown = [actions.diagnostic(d, checked.positions) for d in checked.found]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=shown, version=checked.version)
        )

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16
        return str(getattr(encoding, "value", encoding))

    def lint(self, text: str, path: str | None, language_id: str | None) -> list[Diagnostic]:
        """qa's findings, or none (and one message to the user) when config or input is bad."""
        where = Path(path) if path else self.untitled
        format = LANGUAGE_IDS.get(language_id or "") or detect_format(where.name)
        try:
            return self.session.diagnostics(text, path=str(where), format=format)
        except QAError as exc:
            self.report(str(exc))
            return []

    @property
    def untitled(self) -> Path:
        """Where a document without a path is taken to be: in the workspace's root."""
        return Path(self.workspace.root_path or ".") / "untitled"

    def report(self, message: str) -> None:
        """Shown once per distinct message, not on every keystroke."""
        if message not in self._reported:
            self._reported.add(message)
            self.window_show_message(
                lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"qa: {message}")
            )

    def current(self, uri: str) -> Checked:
        """The findings for the text the editor has now (checked here if not yet)."""
        document = self.workspace.get_text_document(uri)
        checked = self.checked.get(uri)
        if checked is None or checked.version != document.version or checked.text != document.source:
            found = self.lint(document.source, document.path, document.language_id)
            checked = self.remember(uri, document.version, document.source, found)
        return checked


def build(debounce: float = 0.15) -> QAServer:
    server = QAServer(debounce)

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: QAServer, params: lsp.InitializedParams) -> None:
        ls.warm()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: QAServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: QAServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: QAServer, params: lsp.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri.rsplit("/", 1)[-1] in CONFIG_NAMES:
            for uri in list(ls.checked):  # the configuration changed: check every open file again
                ls.schedule(uri, 0.0)
        else:
            ls.schedule(params.text_document.uri, 0.0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: QAServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
    )
    def code_action(ls: QAServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        checked = ls.current(uri)
        lo = checked.positions.offset(params.range.start.line, params.range.start.character)
        hi = checked.positions.offset(params.range.end.line, params.range.end.character)
        touching = [d for d in checked.found if d.start <= hi and lo <= d.end]
        return actions.actions(uri, checked.text, checked.version, touching, checked.positions)

    return server


def run(debounce: float = 0.15) -> None:
    """Serve one editor over stdin/stdout until it says exit."""
    build(debounce).start_io()
