"""``qa convert --from krutidev|chanakya FILE``: legacy-font Hindi to Unicode."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from qa.errors import InputError
from qa.legacy import FONTS
from qa.legacy import convert as convert_text
from qa.sources import decode


def _read(path: str) -> str:
    """The file as text: UTF-8 if it is, else Windows-1252 (how legacy-font files are saved)."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return decode(data, path).text
    except InputError:
        if b"\x00" in data[:8192]:
            raise
        return data.decode("cp1252", errors="replace")


def _write_atomic(path: Path, text: str) -> None:
    target = path.resolve()
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".qa-tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None


@click.command()
@click.argument("path", metavar="FILE")
@click.option("--from", "font", type=click.Choice(FONTS), required=True, help="The legacy font of FILE.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here (else stdout)."
)
def convert(path: str, font: str, output: str | None) -> None:
    """Convert FILE ("-" for stdin), typed in a legacy Hindi font, to Unicode Devanagari.

    Everything in FILE is read as legacy-font text. For Unicode copy with a pasted
    legacy paragraph, use `qa check --fix --unsafe-fixes` (rule U033) instead.
    """
    text = convert_text(_read(path), font)
    if output is None:
        click.echo(text, nl=False)
    else:
        _write_atomic(Path(output), text)
