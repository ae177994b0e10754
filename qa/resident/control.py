"""``qa daemon start|stop|status|restart``: talk to this copy of qa's daemon."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from typing import Any

from qa.errors import QAError
from qa.resident import launch, place, wire

#: Seconds ``stop`` waits for the daemon (and the commands it still runs) to end before
#: it sends SIGTERM, and as long again before SIGKILL.
STOP_WAIT = 10.0
#: Seconds a status question may take.
TIMEOUT = 5.0
#: The default idle timeout in seconds: an hour without a client ends the daemon.
IDLE_TIMEOUT = 3600.0


def query(kind: bytes = wire.STATUS) -> dict[str, Any] | None:
    """The daemon's status (after it was asked to stop, for ``STOP``); None if none answers."""
    try:
        sock = wire.connect(place.socket_path(), TIMEOUT)
        try:
            wire.send(sock, kind)
            answer, value, _ = wire.receive(sock)
        finally:
            sock.close()
    except (OSError, wire.WireError):
        return None
    return value if answer == wire.ANSWER and isinstance(value, dict) else None


def start(idle_timeout: float = IDLE_TIMEOUT) -> tuple[dict[str, Any], bool]:
    """(the running daemon's status, whether this call started it); a stale daemon is
    replaced."""
    running = query()
    if running and not running["stale"] and not running["stopping"]:
        return running, False
    if running:
        stop()
    launch.prepare()
    words = launch.spawn(idle_timeout)
    if not words.startswith("ready "):
        raise QAError(f"the daemon did not start: {words.removeprefix('error: ') or 'it exited'}")
    status = query()
    if status is None:
        raise QAError(f"the daemon started but does not answer (see {launch.files()[2]})")
    return status, True


def stop() -> dict[str, Any] | None:
    """Ask the daemon to stop and wait until it has; its last status, None if none ran."""
    status = query(wire.STOP)
    if status is None:  # none answers; one whose socket file was removed still holds the lock
        pid = launch.holder()
        if pid is None:
            return None
        status = {"pid": pid}
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGTERM)
    pid = int(status["pid"])
    for signum in (None, signal.SIGTERM, signal.SIGKILL):
        if signum is not None:
            with contextlib.suppress(OSError):
                os.kill(pid, signum)
        if _ended(pid, STOP_WAIT):
            break
    return status


def _ended(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.02)
    return False


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie that no one reaped does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def describe(status: dict[str, Any]) -> str:
    """``qa daemon status``'s lines."""
    state = "running"
    if status["stopping"]:
        state = f"stopping ({status['stopping']})"
    elif status["stale"]:
        state = "stale: qa's files changed since it started; it exits at the next check ('qa daemon restart')"
    timeout = status["idle_timeout"]
    lines = [
        f"qa daemon: {state}",
        f"  pid {status['pid']}, qa {status['version']}, Python {status['python']}",
        f"  up {_duration(time.time() - status['started'])}, idle {_duration(status['idle'])}"
        + (f", exits after {_duration(timeout)} idle" if timeout > 0 else ", no idle timeout"),
        f"  {status['served']} checks served, {status['running']} running, "
        f"{status['memory_kb'] / 1024:.0f} MB resident",
        f"  socket {status['socket']}",
        f"  log {launch.files()[2]}",
    ]
    return "\n".join(lines)


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60} s"
    return f"{seconds // 3600} h {seconds // 60 % 60} min"
