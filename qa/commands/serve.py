"""``qa serve``: the HTTP API (LanguageTool-compatible ``/v2`` and native ``/api/v1``)."""

from __future__ import annotations

import click

from qa.commands.base import Command, option
from qa.commands.options import load_config
from qa.errors import QAError


@click.command(cls=Command)
@option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0: all).")
@option("--port", default=8081, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="Config file (qa.toml or pyproject)."
)
@option("--log-level", default="warning", show_default=True, help="uvicorn's log level.")
def serve(host: str, port: int, config_path: str | None, log_level: str) -> None:
    """Serve qa over HTTP: LanguageTool's /v2 API and qa's /api/v1 (docs at /docs)."""
    try:
        from qa.server import run
    except ImportError as exc:
        hint = "make install EXTRAS=server, or pipx install '.[server]' in qa's folder"
        raise QAError(f"qa serve needs the server extra: {hint} ({exc})") from None
    run(load_config(config_path, ["."]), host=host, port=port, log_level=log_level)
