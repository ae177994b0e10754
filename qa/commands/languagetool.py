"""``qa languagetool install|start``: a local LanguageTool server for English passages."""

from __future__ import annotations

import time

import click

from qa import languagetool as lt
from qa.cleanup import stop_if_signalled
from qa.commands.base import Group, option


@click.group(cls=Group)
def languagetool() -> None:
    """Fetch and run LanguageTool (checks the English passages of an article)."""


@languagetool.command()
@option("--version", "version", default=lt.VERSION, show_default=True, help="LanguageTool version.")
@option("--force", is_flag=True, help="Fetch again even if already installed.")
@option("--verbose", is_flag=True, help="Show Maven's output.")
def install(version: str, force: bool, verbose: bool) -> None:
    """Fetch LanguageTool from Maven Central into the cache (needs Java 17 and Maven)."""
    path = lt.install(version, force=force, quiet=not verbose)
    click.echo(f"LanguageTool {version} installed in {path}")


@languagetool.command()
@option(
    "--port",
    default=lt.DEFAULT_PORT,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port on 127.0.0.1.",
)
@option("--version", "version", default=lt.VERSION, show_default=True, help="LanguageTool version.")
@option("--install/--no-install", default=True, show_default=True, help="Install first if missing.")
def start(port: int, version: str, install: bool) -> None:
    """Run LanguageTool on 127.0.0.1 until interrupted (Ctrl-C or SIGTERM stop Java too)."""
    lt.check_port_free(port)
    if install:
        lt.install(version)
    with lt.start(port, version=version) as server:
        click.echo(
            f"LanguageTool {version} on {server.url} (ready in {server.warm_seconds:.1f} s). "
            f"Use: export {lt.ENV_URL}={server.url}   Stop with Ctrl-C."
        )
        while server.process.poll() is None:
            stop_if_signalled()
            time.sleep(0.5)
    code = server.process.returncode
    raise click.ClickException(f"LanguageTool stopped (exit code {code}); log: {server.log}")
