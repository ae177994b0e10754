"""The ``qa`` command's entry point: hand ``qa check`` to a running daemon, else run here.

Before anything heavy is imported, ``qa check …`` connects to the daemon's socket (if
there is one) and sends its arguments, working folder, environment and umask, with its
own standard input, output and error attached. The daemon forks a child that runs the
command line on them and reports the exit status, which becomes this process's. No
daemon, a daemon of other code or settings, a process it cannot stand in for (a closed
standard stream, another mount namespace or root, other groups, affinity or nice level:
:mod:`qa.resident.process`), or any failure before the child runs the command: the
command runs in this process as it always did. ``QA_DAEMON=off`` skips the daemon.
Signals that would stop this process (Ctrl-C, SIGTERM, SIGHUP) are passed on to the
child's process group; if this process dies, the child sees its socket close and stops.
"""

from __future__ import annotations

import _signal
import _socket
import os
import sys

from qa.resident import place, process, wire

#: Seconds to wait for the daemon to start a child (it is single-threaded and quick; a
#: stopped or hung daemon must not hang the command).
HANDSHAKE = 5.0
#: The commands a daemon runs; every other command runs here.
COMMANDS = ("check",)
#: The signals passed on to the child (those of them that this system has).
_FORWARDED = tuple(
    getattr(_signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(_signal, name)
)


def run() -> None:
    """The ``qa`` command: through a daemon when one answers, else :func:`qa.cli.run`."""
    args = sys.argv[1:]
    if args[:1] and args[0] in COMMANDS and os.environ.get("QA_DAEMON") != "off":
        try:
            status = through_daemon(args)
        except KeyboardInterrupt:  # before the child started: nothing ran
            os.write(2, b"qa: interrupted\n")
            os._exit(130)
        if status is not None:
            os._exit(status)
    from qa.cli import run as run_here

    run_here()


def through_daemon(args: list[str]) -> int | None:
    """The exit status of ``qa ARGS`` run by the daemon, or None when it did not run it."""
    if not _standard_streams():
        return None
    try:
        sock = wire.connect(place.socket_path(), HANDSHAKE)
    except Exception:  # no daemon, another user's, no Unix sockets or SO_PEERCRED here
        return None
    handlers = {signum: _signal.getsignal(signum) for signum in _FORWARDED}
    try:
        pid = _start(sock, args) if sock.fileno() > 2 else None
        status = None if pid is None else _wait(sock, pid)
    finally:
        sock.close()
    if status is None:  # the child refused after all: this process runs the command
        for signum, handler in handlers.items():
            _signal.signal(signum, handler)
    return status


def _standard_streams() -> bool:
    """Whether descriptors 0, 1 and 2 are open and ``sys.std*`` exist (a closed one would
    be taken by the socket, and the child could not rebuild a missing stream)."""
    if sys.stdin is None or sys.stdout is None or sys.stderr is None:
        return False
    try:
        for fd in (0, 1, 2):
            os.fstat(fd)
    except OSError:
        return False
    return True


def _start(sock: _socket.socket, args: list[str]) -> int | None:
    """The pid of the daemon's child, which runs once this returns; None if it will not."""
    try:
        wire.send(sock, wire.RUN, request(args), [0, 1, 2])
        kind, pid, _ = wire.receive(sock)
        if kind != wire.STARTED or type(pid) is not int:
            return None
        for signum in _FORWARDED:
            if _signal.getsignal(signum) != _signal.SIG_IGN:
                _signal.signal(signum, lambda signum, frame: _forward(pid, signum))
        wire.send(sock, wire.GO)
        sock.settimeout(None)
    except Exception:  # a stale or busy daemon: run in-process
        return None
    return pid


def _wait(sock: _socket.socket, pid: int) -> int | None:
    """The child's exit status (the child sends it; the daemon too, if it died of a signal),
    or None when the child refused before it ran anything."""
    try:
        while True:
            kind, status, _ = wire.receive(sock)
            if kind == wire.EXITED and type(status) is int:
                return status
            if kind == wire.REFUSED:
                return None
    except (OSError, wire.WireError):
        os.write(2, b"qa: error: the qa daemon stopped during the run ('qa daemon status')\n")
        return 2


def request(args: list[str]) -> dict[str, object]:
    """What the child needs to run ``qa ARGS`` as this process would."""
    umask = os.umask(0o022)
    os.umask(umask)
    streams = (sys.stdin, sys.stdout, sys.stderr)
    return {
        "state": process.state(),
        "here": process.identity("."),
        "argv": args,
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "umask": umask,
        "path": sys.path[1:],  # [0] is the script's folder, or the working folder for -m
        "streams": [(s.encoding, s.errors) if s is not None else None for s in streams],
        "ignored": [signum for signum in _FORWARDED if _signal.getsignal(signum) == _signal.SIG_IGN],
    }


def _forward(pid: int, signum: int) -> None:
    try:
        os.killpg(pid, signum)
    except OSError:
        return  # already gone
