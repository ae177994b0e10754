"""A signal whose exception Python drops (raised inside a destructor) still stops a wait loop."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from conftest import ctrl_c_as_in_a_terminal

_SCRIPT = """
import os, signal, sys
from qa.cleanup import Terminated, on_signals, stop_if_signalled

on_signals()
stop_if_signalled()  # nothing received yet: no exception


class Dropper:
    def __del__(self):
        os.kill(os.getpid(), {signum})
        for _ in range(3):  # the handler runs in here, and Python drops what it raises
            pass


Dropper()
print("still running", flush=True)
try:
    stop_if_signalled()
except KeyboardInterrupt:
    print("KeyboardInterrupt")
except Terminated as exc:
    print("Terminated", exc.signum)
stop_if_signalled()  # acted on once
print("done")
"""


@pytest.mark.parametrize(
    ("signum", "raised"),
    [(signal.SIGINT, "KeyboardInterrupt"), (signal.SIGTERM, f"Terminated {int(signal.SIGTERM)}")],
    ids=["int", "term"],
)
def test_a_dropped_signal_is_raised_again(signum: int, raised: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT.format(signum=int(signum))],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=ctrl_c_as_in_a_terminal,
    )
    assert result.stdout.splitlines() == ["still running", raised, "done"], result.stderr
    assert "Exception ignored" in result.stderr  # Python did drop the handler's exception


def test_an_ignored_ctrl_c_stays_ignored() -> None:
    script = (
        "import os, signal\n"
        "from qa.cleanup import on_signals, stop_if_signalled\n"
        "on_signals()\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "stop_if_signalled()\n"
        "print('ignored')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    assert result.stdout == "ignored\n", result.stderr


_MODULE_LOCK_SCRIPT = """
import os, signal, weakref
from qa.cleanup import on_signals, stop_if_signalled

on_signals()
code = "def cb(ref):\\n    os.kill(os.getpid(), signal.SIGINT)\\n    for _ in range(3):\\n        pass\\n"
space = {"os": os, "signal": signal}
exec(compile(code, "<frozen importlib._bootstrap>", "exec"), space)


class Lock:
    pass


lock = Lock()
ref = weakref.ref(lock, space["cb"])  # as importlib's _get_module_lock does
del lock  # the callback runs, and the signal lands in it
print("still running", flush=True)
try:
    stop_if_signalled()
except KeyboardInterrupt:
    print("KeyboardInterrupt")
"""


def test_a_ctrl_c_in_an_import_locks_callback_is_raised_later_without_a_traceback() -> None:
    """A Ctrl-C that lands in importlib's module-lock weakref callback is not raised there
    (Python would print it with a traceback and drop it) but kept for stop_if_signalled."""
    result = subprocess.run(
        [sys.executable, "-c", _MODULE_LOCK_SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=ctrl_c_as_in_a_terminal,
    )
    assert result.stdout.splitlines() == ["still running", "KeyboardInterrupt"], result.stderr
    assert "Traceback" not in result.stderr
