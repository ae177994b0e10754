"""A real LSP client (pygls's) driving ``qa lsp`` over stdio in a subprocess."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

WAIT = 120.0  # the first check loads qa's data: generous, never a speed claim


class Editor:
    """One editor session: open files, edit them, ask for code actions."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.published: dict[str, list[lsp.PublishDiagnosticsParams]] = {}
        self.messages: list[str] = []
        self._arrived = asyncio.Condition()
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}

    async def record(self, params: lsp.PublishDiagnosticsParams) -> None:
        async with self._arrived:
            self.published.setdefault(params.uri, []).append(params)
            self._arrived.notify_all()

    async def diagnostics(self, uri: str, version: int | None = None) -> list[lsp.Diagnostic]:
        """The first diagnostics published for ``uri`` (at ``version``, when given)."""

        def ready() -> lsp.PublishDiagnosticsParams | None:
            return next(
                (p for p in self.published.get(uri, []) if version is None or p.version == version), None
            )

        async with self._arrived:
            await asyncio.wait_for(self._arrived.wait_for(ready), WAIT)
        found = ready()
        assert found is not None
        return list(found.diagnostics)

    def open(self, path: Path, language_id: str = "plaintext", text: str | None = None) -> str:
        uri = path.as_uri()
        self.texts[uri] = path.read_text(encoding="utf-8") if text is None else text
        self.versions[uri] = 1
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                lsp.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=self.texts[uri])
            )
        )
        return uri

    def replace_all(self, uri: str, text: str) -> int:
        """Send the whole new text as one change; returns the new version."""
        self.versions[uri] += 1
        self.texts[uri] = text
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                [lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return self.versions[uri]

    def edit(self, uri: str, edits: list[lsp.TextEdit]) -> int:
        """Send ``edits`` as incremental changes (as editors do); returns the new version."""
        self.versions[uri] += 1
        ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)
        for e in ordered:  # from the end, so that earlier ranges stay valid
            self.texts[uri] = apply_utf16(self.texts[uri], e)
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                [lsp.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in ordered],
            )
        )
        return self.versions[uri]

    async def actions(self, uri: str, at: lsp.Range) -> list[lsp.CodeAction]:
        result = await self.client.text_document_code_action_async(
            lsp.CodeActionParams(
                text_document=lsp.TextDocumentIdentifier(uri=uri),
                range=at,
                context=lsp.CodeActionContext(diagnostics=[]),
            )
        )
        return [a for a in result or [] if isinstance(a, lsp.CodeAction)]


def apply_utf16(text: str, edit: lsp.TextEdit) -> str:
    """The client's side of a text edit: LSP positions count UTF-16 units in a line."""
    lines = text.split("\n")  # the test texts use \n only

    def offset(position: lsp.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        units = lines[position.line].encode("utf-16-le")[: 2 * position.character]
        return before + len(units.decode("utf-16-le"))

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]


@asynccontextmanager
async def editor(
    root: Path, *, capabilities: lsp.ClientCapabilities | None = None, arguments: tuple[str, ...] = ()
) -> AsyncIterator[Editor]:
    """``qa lsp`` started, initialised on ``root``, shut down and exited afterwards."""
    client = LanguageClient("qa-tests", "1")
    session = Editor(client)

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    async def diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        await session.record(params)

    @client.feature(lsp.WINDOW_SHOW_MESSAGE)
    def message(params: lsp.ShowMessageParams) -> None:
        session.messages.append(params.message)

    env = {**os.environ, "NO_COLOR": "1"}
    await client.start_io(
        sys.executable, "-m", "qa.cli", "lsp", "--stdio", *arguments, env=env, cwd=str(root)
    )
    try:
        await asyncio.wait_for(
            client.initialize_async(
                lsp.InitializeParams(
                    capabilities=capabilities or lsp.ClientCapabilities(),
                    root_uri=root.as_uri(),
                    workspace_folders=[lsp.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
                )
            ),
            WAIT,
        )
        client.initialized(lsp.InitializedParams())
        yield session
    finally:  # shutdown and exit even when the scenario failed, so the server process ends
        try:
            await asyncio.wait_for(client.shutdown_async(None), WAIT)
            client.exit(None)
        finally:
            await asyncio.wait_for(client.stop(), WAIT)


def run(scenario: Callable[[], object]) -> None:
    """Run an async test scenario to its end (no asyncio plugin needed)."""
    asyncio.run(scenario())  # type: ignore[arg-type]
