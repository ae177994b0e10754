"""``qa serve``: the HTTP API (LanguageTool-compatible ``/v2`` and native ``/api/v1``)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from qa.commands.options import load_config
from qa.errors import QAError


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0: all).")
@click.option("--port", default=8081, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="Config file (qa.toml or pyproject)."
)
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Processes (one per core)."
)
@click.option("--log-level", default="warning", show_default=True, help="uvicorn's log level.")
def serve(host: str, port: int, config_path: str | None, workers: int, log_level: str) -> None:
    """Serve qa over HTTP: LanguageTool's /v2 API and qa's /api/v1 (docs at /docs)."""
    try:
        import uvicorn

        from qa.server import CONFIG_ENV, create_app
    except ImportError as exc:
        raise QAError(f"qa serve needs the server extra: pip install 'qa-hindi[server]' ({exc})") from None
    config = load_config(config_path, ["."])  # fails here, in one line, if the config is bad
    options = {"host": host, "port": port, "log_level": log_level, "access_log": False}
    if workers == 1:
        uvicorn.run(create_app(config), **options)  # type: ignore[arg-type]
        return
    # Each worker process builds its own app from the same config file.
    os.environ[CONFIG_ENV] = str(Path(config.path).resolve()) if config.path else ""
    uvicorn.run("qa.server:from_environment", factory=True, workers=workers, **options)  # type: ignore[arg-type]
