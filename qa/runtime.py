"""Process settings for the command line and a long batch: a quieter garbage collector.

A run keeps every finding until the report, and the collector's default first
threshold (700 allocations) makes it rescan that growing heap thousands of times.
Freezing what is loaded before the run (compiled rules, lexicons) and collecting
less often costs no memory that the run would not hold anyway.
"""

from __future__ import annotations

import gc

#: Allocations between first-generation collections (the default is 700).
FIRST_GENERATION = 50_000


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
