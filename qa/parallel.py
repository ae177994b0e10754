"""``qa check -j N``: spread files over worker processes, results in input order.

Workers are forked, so they inherit the parent's compiled rules and loaded data
instead of loading them again; where ``fork`` is unavailable the files are linted
one after another in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_TASK: list[Callable[[Any], Any]] = []


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(task: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    """``map(task, items)`` over up to ``jobs`` processes; exceptions propagate."""
    items = list(items)
    jobs = min(jobs, len(items))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(task, items)
        return
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(items) // (jobs * 8))
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_install, initargs=(task,))
    try:
        yield from pool.map(_call, items, chunksize=chunk)
    finally:
        pool.shutdown(cancel_futures=True)


def _install(task: Callable[[Any], Any]) -> None:
    _TASK[:] = [task]


def _call(item: Any) -> Any:
    return _TASK[0](item)
