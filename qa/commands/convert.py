"""``qa convert --from krutidev|chanakya FILE``: legacy-font Hindi to Unicode."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qa.commands.base import Command, option
from qa.config import DEFAULTS
from qa.errors import InputError
from qa.legacy import FONTS
from qa.legacy import convert as convert_text
from qa.sources import decode, read_bytes
from qa.writer import write_file


def _read(path: str) -> str:
    """The file as text: UTF-8 if it is, else Windows-1252 (how legacy-font files are saved)."""
    data = (
        sys.stdin.buffer.read()
        if path == "-"
        else read_bytes(Path(path), max_size=DEFAULTS["max-file-size"], limit="max-file-size")
    )
    try:
        return decode(data, path).text
    except InputError:
        if b"\x00" in data[:8192]:
            raise
        return data.decode("cp1252", errors="replace")


@click.command(cls=Command)
@click.argument("path", metavar="FILE")
@option("--from", "font", type=click.Choice(FONTS), required=True, help="The legacy font of FILE.")
@option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (else stdout); keeps its mode.")
@option("--force", is_flag=True, help="Overwrite a read-only output file.")
def convert(path: str, font: str, output: str | None, force: bool) -> None:
    """Convert FILE ("-" for stdin), typed in a legacy Hindi font, to Unicode Devanagari.

    Everything in FILE is read as legacy-font text. For Unicode copy with a pasted
    legacy paragraph, use `qa check --fix --unsafe-fixes` (rule U033) instead.
    """
    text = convert_text(_read(path), font)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_file(Path(output), text.encode("utf-8"), force=force)
