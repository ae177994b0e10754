"""Process settings for the command line and a long batch: a quieter garbage collector.

A run keeps every finding until the report, and the collector's default first
threshold (700 allocations) makes it rescan that growing heap thousands of times.
Freezing what is loaded before the run (compiled rules, lexicons) and collecting
less often costs no memory that the run would not hold anyway.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

#: Allocations between first-generation collections (the default is 700).
FIRST_GENERATION = 50_000
#: A file larger than this is a batch by itself: its analyses fill the heap that the
#: default collector would rescan (a fifth of the time of a 5 MB file).
LARGE_FILE = 256 * 1024


def is_batch(files: list[str]) -> bool:
    """More than one file, or one larger than :data:`LARGE_FILE`."""
    try:
        return len(files) > 1 or (len(files) == 1 and os.path.getsize(files[0]) > LARGE_FILE)
    except OSError:  # reported when the file is read
        return False


def settle() -> None:
    """Freeze the objects loaded so far and collect young objects less often."""
    gc.collect()
    gc.freeze()
    quiet_start()


def quiet_start() -> None:
    """Collect young objects less often from now on: start-up creates a few hundred
    thousand objects that live until the process exits (modules, rule data), and the
    default threshold rescans them some fifty times (a tenth of a short run's CPU)."""
    _, second, third = gc.get_threshold()
    gc.set_threshold(FIRST_GENERATION, second, third)


@contextmanager
def uncollected() -> Iterator[None]:
    """No cyclic collection while one document is linted: what its rules build lives until
    the document is done, and the young generations would only be rescanned for it (a
    tenth of the time of a 5 MB file); the collector runs as before afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
