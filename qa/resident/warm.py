"""Bring a new daemon to the state of a process that has just checked copy: every module
a check imports, the default rules built, their data loaded, their lazy tables and memos
filled by checking every rule's documented examples in each report shape."""

from __future__ import annotations

import atexit
import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from qa.runtime import settle

if TYPE_CHECKING:
    from qa.api import Session

#: Report formats a warm-up writes (each imports its module): the commonest ones.
FORMATS = ("full", "json", "concise")


def warm(folder: Path) -> None:
    """Check the rules' examples with the command line, then freeze what was loaded out of
    the collector's view (forked children then share its pages) and write the start-up
    caches that the warm-up filled, as an exiting process would."""
    from qa import cli
    from qa.api import Session

    session = Session()
    session.warm()
    sample = folder / f".warm-{os.getpid()}.txt"
    try:
        sample.write_text(_examples(session), encoding="utf-8")
        for shape in [["--format", name] for name in FORMATS] + [["--diff"]]:
            with contextlib.suppress(SystemExit):
                cli.main(["check", "--no-cache", "--exit-zero", *shape, str(sample)])
    finally:
        sample.unlink(missing_ok=True)
    atexit._run_exitfuncs()
    atexit._clear()
    settle()


def _examples(session: Session) -> str:
    """Every rule's failing and passing examples, one paragraph each."""
    texts = []
    for meta in session.rules().values():
        texts += [example.plain for example in (*meta.failing, *meta.passing)]
    return "\n\n".join(texts) + "\n"
