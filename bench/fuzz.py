"""Coverage-guided fuzzing (atheris) of the readers, the engine and the fixer.

``make fuzz`` runs it for a bounded time (``FUZZ_SECONDS``, default 120); not part
of CI. Every input is raw bytes, as a file would arrive: decoded like the CLI does,
read as plain text and as Markdown, linted with every default rule, and fixed.
Anything but a clean :class:`~qa.errors.InputError` from decoding is a crash;
atheris writes the input to ``crash-*``. Keep each crasher as a regression test in
``tests/test_properties.py`` (``test_fuzz_regressions``) once it is fixed.

    python bench/fuzz.py -max_total_time=120 -rss_limit_mb=2048 [corpus-dir]
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports():
    from qa import api
    from qa.engine.fixes import applicable
    from qa.errors import InputError
    from qa.sources import decode

FORMATS = ("text", "markdown")


def one_input(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.txt").text
    except InputError:
        return
    fmt = FORMATS[len(data) % len(FORMATS)]
    diagnostics = api.check(text, format=fmt)
    for d in diagnostics:
        if not 0 <= d.start <= d.end <= len(text):
            raise AssertionError(f"span {d.start}:{d.end} outside a text of {len(text)}: {d}")
    if any(applicable(diagnostics)):
        once = api.fix(text, format=fmt).text
        if api.fix(once, format=fmt).text != once:
            raise AssertionError("fixing twice changed the text again")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
