"""Temp files that go away on every way out: return, error, Ctrl-C, SIGTERM or SIGHUP.

SIGTERM and SIGHUP are turned into :class:`Terminated`, an exception that unwinds the
stack as Ctrl-C does, so the ``finally`` of :func:`temp_file` removes a half-written
file. Only SIGKILL, which no process can catch, can leave one behind.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

#: Suffix of qa's temp files (hidden: their names start with a dot).
SUFFIX = ".qa-tmp"


class Terminated(BaseException):
    """The process was asked to stop by a signal; exit 128 + that signal's number.

    A BaseException, like KeyboardInterrupt, so no ``except Exception`` swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def on_signals() -> None:
    """Stop on SIGTERM and SIGHUP by raising :class:`Terminated`, on Ctrl-C by raising
    KeyboardInterrupt, and remember each signal for :func:`stop_if_signalled` (main thread
    only; a Ctrl-C the parent ignores stays ignored)."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _terminate)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupt)


def _terminate(signum: int, frame: FrameType | None) -> None:
    _received.append(signum)
    if _reaches_program(frame):
        raise Terminated(signum)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    _received.append(signum)
    if _reaches_program(frame):
        raise KeyboardInterrupt


def _reaches_program(frame: FrameType | None) -> bool:
    """Whether an exception raised in ``frame`` reaches the program: not in the weakref
    callback of importlib's module locks, where Python prints it with a traceback and drops
    it. The signal stays recorded, and :func:`stop_if_signalled` raises it."""
    return frame is None or (frame.f_code.co_name, frame.f_code.co_filename) != _MODULE_LOCK_CALLBACK


#: The code of importlib's module-lock weakref callback (``_get_module_lock``'s ``cb``).
_MODULE_LOCK_CALLBACK = ("cb", "<frozen importlib._bootstrap>")


def stop_if_signalled() -> None:
    """Raise again for a signal whose exception was lost. Python raises a handler's exception
    wherever the program happens to be, and one raised inside a destructor or a weakref
    callback is printed and dropped; a loop that waits for a child process calls this each
    round so that such a Ctrl-C or SIGTERM still stops it."""
    if _received:
        signum = _received.pop()
        _received.clear()
        raise KeyboardInterrupt if signum == signal.SIGINT else Terminated(signum)


#: Signals received by the handlers of :func:`on_signals` and not yet acted on.
_received: list[int] = []


@contextmanager
def signals_held() -> Iterator[list[int]]:
    """Hold SIGINT and SIGTERM back (a list collects them) while a child process is started,
    so that the caller has its handle before it must stop it. Main thread only; elsewhere a no-op."""
    import threading

    held: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield held
        return
    previous = {s: signal.signal(s, lambda signum, frame: held.append(signum)) for s in _HELD}
    try:
        yield held
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


_HELD = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def temp_file(folder: Path, name: str) -> Iterator[Path]:
    """A new, empty hidden file in ``folder`` (mode 0600), removed on exit.

    The file's name is chosen before it is created and the removal is armed first, so a
    signal that lands while the file is being created (``tempfile.mkstemp`` returns only
    after some Python code of its own) cannot leave it behind."""
    import secrets

    for _ in range(100):
        temp = folder / f".{name}.{secrets.token_hex(4)}{SUFFIX}"
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        except BaseException:
            temp.unlink(missing_ok=True)  # created, then interrupted before open returned
            raise
        break
    else:
        raise FileExistsError(f"no free temporary name in {folder}")
    try:
        yield temp
    finally:
        temp.unlink(missing_ok=True)
