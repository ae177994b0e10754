"""``qa lsp``: the language server for editors (stdio)."""

from __future__ import annotations

import click

from qa.commands.base import Command, option
from qa.errors import QAError


@click.command(cls=Command)
@option(
    "--stdio", is_flag=True, help="Talk over stdin/stdout (the default; accepted for clients that pass it)."
)
@option(
    "--debounce",
    default=150,
    show_default=True,
    type=click.IntRange(0, 5000),
    help="Milliseconds of quiet after an edit before the text is checked again.",
)
def lsp(stdio: bool, debounce: int) -> None:
    """Run qa as a Language Server: diagnostics as you type, fixes as code actions."""
    try:
        from qa.lsp.server import run
    except ImportError as exc:
        raise QAError(
            f"qa lsp needs pygls, the 'lsp' extra: pip install '.[lsp]' in qa's folder ({exc})"
        ) from None
    run(debounce / 1000)
