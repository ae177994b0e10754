"""Starting a daemon: a detached process (its own session, no terminal) that takes the
lock of this copy of qa, warms up, binds the socket and tells the starter over a pipe
that it is ready, or why it is not.

Files in the private folder, per copy of qa: ``daemon-ID.sock``, ``daemon-ID.lock``
(held by the living daemon, its pid inside) and ``daemon-ID.log`` (its messages; never the terminal).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import traceback
from pathlib import Path
from typing import NoReturn

from qa.errors import QAError
from qa.resident import place

#: Clients that may wait for the daemon to accept them.
BACKLOG = 64


def files() -> tuple[Path, Path, Path]:
    """(socket, lock, log) of this copy of qa."""
    sock = Path(place.socket_path())
    return sock, sock.with_suffix(".lock"), sock.with_suffix(".log")


def prepare() -> None:
    """The private folder (0700, this user's), and a socket path the system can bind."""
    folder = Path(place.folder())
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise QAError(f"{folder}: cannot create the daemon's folder: {exc.strerror or exc}") from None
    if not place.private_folder(str(folder)):
        raise QAError(f"{folder}: not a folder of this user closed to others (mode 0700)")
    if len(os.fsencode(files()[0])) > place.MAX_PATH:
        raise QAError(f"{files()[0]}: socket path too long (set XDG_RUNTIME_DIR to a shorter folder)")
    if not hasattr(os, "pidfd_open") or not hasattr(socket, "SO_PEERCRED"):
        raise QAError("qa daemon needs Linux (pidfd_open, SO_PEERCRED)")


def spawn(idle_timeout: float) -> str:
    """Start a daemon; its first words ("ready PID" or an error) once it is ready or has failed."""
    import signal

    # Ignored by whoever started this, SIGCHLD would make the kernel reap children itself,
    # and every waitpid (here and in the daemon) fail.
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(readable)
        _detach(writable, idle_timeout)
    os.close(writable)
    os.waitpid(pid, 0)
    with os.fdopen(readable, "rb") as pipe:
        return pipe.read().decode("utf-8", "replace")


def _detach(ready: int, idle_timeout: float) -> NoReturn:
    """In the starter's child: a new session, then the daemon in a grandchild (no terminal
    can become its controlling terminal, and the starter does not wait for it)."""
    try:
        os.setsid()
        if os.fork() == 0:
            _daemon(ready, idle_timeout)
    finally:
        os._exit(0)


def holder() -> int | None:
    """The pid of the daemon that holds the lock (running, or starting), None if none does."""
    import fcntl

    try:
        with open(files()[1], "rb") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return int(lock.read().strip() or 0) or None
    except (OSError, ValueError):
        return None
    return None


def _daemon(ready: int, idle_timeout: float) -> NoReturn:
    import fcntl  # POSIX only: not at import, so that elsewhere 'qa daemon start' can say why it cannot

    from qa.resident.freshness import Snapshot
    from qa.resident.server import Daemon, log
    from qa.resident.warm import warm

    _close_inherited(keep=ready)
    sock_path, lock_path, log_path = files()
    try:
        lock = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.ftruncate(lock, 0)
        os.write(lock, f"{os.getpid()}\n".encode())  # found by stop and status without the socket
        _quiet_streams(log_path)
        snapshot = Snapshot.now()  # before the warm-up imports anything that could change meanwhile
        sample = warm(sock_path.parent, sock_path.stem)
        os.chdir("/")
        listener = _bind(str(sock_path))
    except BlockingIOError:
        _tell(ready, "error: another qa daemon is starting or running")
        os._exit(1)
    except BaseException as exc:
        log(traceback.format_exc())
        _tell(ready, f"error: {exc} (see {log_path})")
        os._exit(1)
    log(f"ready on {sock_path} (idle timeout {idle_timeout:g} s)")
    _tell(ready, f"ready {os.getpid()}")
    daemon = Daemon(listener, str(sock_path), snapshot, idle_timeout, sample, private=[lock])
    try:
        daemon.serve()
    except BaseException:
        log(traceback.format_exc())
    sample.unlink(missing_ok=True)
    log("stopped")
    os._exit(0)


def _close_inherited(keep: int) -> None:
    """Close every descriptor above 2 that the starter left open, but ``keep``: a pipe
    held open would make whoever reads it (``qa daemon start | cat``) wait for the daemon,
    and children would inherit the rest."""
    os.closerange(3, keep)
    os.closerange(keep + 1, os.sysconf("SC_OPEN_MAX"))  # one close_range call on Linux


def _quiet_streams(log_path: Path) -> None:
    """Standard input and output on /dev/null (the warm-up's reports), error to the log
    (truncated)."""
    quiet = os.open(os.devnull, os.O_RDWR)
    logged = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    for target, fd in ((0, quiet), (1, quiet), (2, logged)):
        os.dup2(fd, target)
    os.close(quiet)
    os.close(logged)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()


def _bind(path: str) -> socket.socket:
    """The listening socket; a socket file left by a dead daemon is replaced (the lock says
    no daemon holds it)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    os.chmod(path, 0o600)
    listener.listen(BACKLOG)
    return listener


def _tell(ready: int, message: str) -> None:
    with contextlib.suppress(OSError):
        os.write(ready, message.encode("utf-8"))
        os.close(ready)
