"""Bring a new daemon to the state of a process that has just checked copy: every module
a check imports, the default rules built, their data loaded, their lazy tables and memos
filled by checking every rule's documented examples in each report shape."""

from __future__ import annotations

import atexit
import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from qa.runtime import settle

if TYPE_CHECKING:
    from qa.api import Session

#: Report formats a warm-up writes (each imports its module): the commonest ones.
FORMATS = ("full", "json", "concise")
#: Paragraphs of the sample that a spare child checks before it is handed a client
#: (about an article's worth, from rules all over the catalogue).
SPARE_SAMPLE = 60


def warm(folder: Path, name: str) -> Path:
    """Check the rules' examples with the command line, then freeze what was loaded out of
    the collector's view (forked children then share its pages) and write the start-up
    caches that the warm-up filled, as an exiting process would. Returns the file of a
    smaller sample for :func:`rehearse`, which the caller removes."""
    from qa.api import Session

    session = Session()
    session.warm()
    every_example = examples(session)
    every = folder / f"{name}.warm.txt"
    sample = folder / f"{name}.sample.txt"
    try:
        every.write_text("\n\n".join(every_example) + "\n", encoding="utf-8")
        for shape in [["--format", name] for name in FORMATS] + [["--diff"]]:
            _check(every, *shape)
    finally:
        every.unlink(missing_ok=True)
    sample.write_text(spare_sample(every_example), encoding="utf-8")
    atexit._run_exitfuncs()  # which also empties the list
    settle()
    return sample


def rehearse(sample: Path) -> None:
    """Check ``sample`` as a client's check would run (in a spare child, so that the
    pages such a check writes are copied before a client waits for them)."""
    _check(sample, "--format", "full")


def _check(path: Path, *options: str) -> None:
    from qa import cli

    with contextlib.suppress(SystemExit):
        cli.main(["check", "--no-cache", "--exit-zero", *options, str(path)])


def spare_sample(examples: list[str]) -> str:
    """:data:`SPARE_SAMPLE` paragraphs of ``examples``, spread over the whole list."""
    step = max(1, len(examples) // SPARE_SAMPLE)
    return "\n\n".join(examples[::step]) + "\n"


def examples(session: Session) -> list[str]:
    """Every rule's failing and passing examples."""
    texts = []
    for meta in session.rules().values():
        texts += [example.plain for example in (*meta.failing, *meta.passing)]
    return texts
