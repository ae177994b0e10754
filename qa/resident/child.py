"""What a daemon's child does: wait for the client's go, take over its standard streams,
working folder, environment and umask, run the command line, report the exit status.

The child leads a process group of its own (with any ``-j`` workers), so a signal the
client passes on reaches all of it, as a terminal's Ctrl-C reaches a plain run. If the
client's end of the socket closes (the client died), the child stops the group.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from socket import socket
from typing import Any, NoReturn, TextIO

from qa.cache import known_sources
from qa.errors import internal_error
from qa.resident import process, wire
from qa.resident.freshness import Stamps
from qa.resident.warm import rehearse

#: Seconds the child waits for the client to confirm that it knows the child's pid.
HANDSHAKE = 5.0
#: Seconds a process group whose client died has to stop on SIGTERM before SIGKILL (the
#: client may have left SIGTERM ignored).
GRACE = 2.0


def run(
    conn: socket, fds: list[int], request: dict[str, Any], inherited: list[int], sources: Stamps
) -> NoReturn:
    """Run the client's command in this freshly forked child; never returns. ``sources``:
    qa's files as the daemon has just found them (:func:`qa.cache.source_files`)."""
    try:
        _alone(inherited)
    except BaseException:
        os._exit(2)
    _serve(conn, fds, request, sources)


def spare(channel: socket, inherited: list[int], sample: Path, sources: Stamps) -> NoReturn:
    """Check ``sample``, then wait to be handed a client on ``channel`` (its connection and
    its descriptors 0, 1 and 2) and run its command; never returns. ``sources``: as for
    :func:`run` (the daemon finds them unchanged before it hands a client over)."""
    try:
        _alone(inherited)
        rehearse(sample)
        atexit._run_exitfuncs()  # what a rehearsal adds (rarely anything) is stored now
        _alone([])
        wire.send(channel, wire.ANSWER)
        _, request, fds = wire.receive(channel, fds=4)
        channel.close()
        conn = socket(fileno=fds[0])
    except BaseException:
        os._exit(2)
    _serve(conn, fds[1:], request, sources)


def _alone(inherited: list[int]) -> None:
    """Default signal dispositions, a process group of its own, none of the daemon's
    descriptors."""
    signal.set_wakeup_fd(-1)
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    os.setpgid(0, 0)
    for fd in inherited:
        os.close(fd)


def _serve(conn: socket, fds: list[int], request: dict[str, Any], sources: Stamps) -> NoReturn:
    """Take over the client's process state, wait for its go, run its command on its
    streams (the result cache's key from ``sources``), report the status; refuse (the
    client runs the command itself) when the state cannot be taken over."""
    try:
        conn.settimeout(HANDSHAKE)
        refusal = _adopted(fds, request)
        if wire.receive(conn)[0] != wire.GO:
            os._exit(0)
        if refusal:
            wire.send(conn, wire.REFUSED, refusal)
            os._exit(0)
        conn.settimeout(None)
        known_sources(sources)
    except BaseException:  # the client gone: nothing ran, nothing to report
        os._exit(2)
    status = None
    try:
        finished = threading.Event()
        threading.Thread(target=_watch, args=(conn, finished), daemon=True).start()
        status = command(request["argv"])
        finished.set()
        wire.send(conn, wire.EXITED, status)
        atexit._run_exitfuncs()  # stores for later processes what this run worked out
    except BaseException as exc:  # the client gone, or the child's own failure
        if status is None:
            _report(exc)
    os._exit(2 if status is None else status)


def _adopted(fds: list[int], request: dict[str, Any]) -> str | None:
    """:func:`adopt`; why it failed, or None."""
    try:
        adopt(fds, request)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    if process.identity(".") != request["here"]:
        return "another working folder (another mount namespace or root)"
    return None


def _report(exc: BaseException) -> None:
    """The error that ended a run on the client's standard error (a traceback if QA_DEBUG)."""
    if os.environ.get("QA_DEBUG"):
        message = "".join(traceback.format_exception(exc))
    else:
        message = internal_error(exc) + "\n"
    with contextlib.suppress(OSError):
        os.write(2, message.encode("utf-8", "replace"))


def adopt(fds: list[int], request: dict[str, Any]) -> None:
    """Make the client's descriptors 0, 1 and 2 this process's, with its encodings, and its
    folder, environment (and time zone), umask, arguments and ignored signals."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    stdin, stdout, stderr = request["streams"]
    sys.stdin = _text(0, "rb", stdin)
    sys.stdout = _text(1, "wb", stdout)
    sys.stderr = _text(2, "wb", stderr, line_buffering=True)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()
    os.umask(request["umask"])
    sys.argv = ["qa", *request["argv"]]
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as a new Python process has it
    for signum in request["ignored"]:  # what the client ignores (a job run in the background)
        signal.signal(signum, signal.SIG_IGN)


def _text(fd: int, mode: str, encoding: tuple[str, str], *, line_buffering: bool = False) -> TextIO:
    """A standard stream on ``fd`` as Python makes one at start-up (line-buffered on a terminal)."""
    raw = io.FileIO(fd, mode, closefd=False)
    buffered = io.BufferedReader(raw) if mode == "rb" else io.BufferedWriter(raw)
    name, errors = encoding
    return io.TextIOWrapper(
        buffered, name, errors, newline="\n", line_buffering=line_buffering or (mode == "wb" and raw.isatty())
    )


def command(argv: list[str]) -> int:
    """``qa ARGV`` as :func:`qa.cli.run` runs it: its exit status, streams flushed."""
    from qa.cli import main

    try:
        main(argv)
        status = 0
    except SystemExit as exit:
        status = _status(exit.code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            status = status or 120  # as Python exits when it cannot flush stdout
    return status


def _status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def _watch(conn: socket, finished: threading.Event) -> None:
    """Stop this process group when the client's end closes before the command finished."""
    try:
        while conn.recv(64):
            pass
    except OSError:
        pass
    if finished.is_set():
        return
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    os.killpg(0, signal.SIGTERM)
    time.sleep(GRACE)
    os.killpg(0, signal.SIGKILL)
