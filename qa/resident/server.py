"""The daemon's loop: accept a client, fork a child to run its command, report how the
child ended; refuse a client it does not fit; exit when asked, when qa's files change,
or after an idle timeout.

One thread and one ``epoll`` over the listening socket and a pidfd per child: a child's
pidfd becomes readable when it exits, and the daemon reaps it and sends its status (the
child sends it too; this one tells of a child killed by a signal). Nothing is written
to a terminal: the daemon's standard streams are ``/dev/null`` and its log file.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import socket
import sys
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from qa import __version__
from qa.resident import child, wire
from qa.resident.freshness import Snapshot

#: Seconds a connected client has to send its request.
REQUEST_TIMEOUT = 2.0


@dataclass
class Daemon:
    listener: socket.socket
    path: str
    snapshot: Snapshot
    idle_timeout: float
    #: Descriptors a child must not keep (the lock that marks this daemon as alive).
    private: list[int] = field(default_factory=list)
    started: float = field(default_factory=time.time)
    served: int = 0
    stopping: str = ""
    _last: float = field(default_factory=time.monotonic)
    _children: dict[int, tuple[int, socket.socket]] = field(default_factory=dict)
    _selector: selectors.EpollSelector = field(default_factory=selectors.EpollSelector)
    #: SIGTERM and SIGINT arrive here as bytes (the signal module's wake-up descriptor).
    _signals: tuple[socket.socket, socket.socket] = field(default_factory=socket.socketpair)

    def __post_init__(self) -> None:
        #: The socket file's inode: a later daemon's socket at the same path is not removed.
        self._inode = os.stat(self.path).st_ino

    def serve(self) -> None:
        """Answer clients until stopped and every child has been reaped."""
        self._selector.register(self.listener, selectors.EVENT_READ)
        self._selector.register(self._signals[0], selectors.EVENT_READ)
        for end in self._signals:
            end.setblocking(False)
        signal.set_wakeup_fd(self._signals[1].fileno())
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, lambda signum, frame: None)  # the wake-up byte tells the loop
        while not (self.stopping and not self._children):
            events = self._selector.select(self._timeout())
            if not events and not self._children and self.idle_timeout > 0:
                self.stop(f"idle for {self.idle_timeout:g} s")
            for key, _ in events:
                if key.fileobj is self.listener:
                    self._accept()
                elif key.fileobj is self._signals[0]:
                    self._signalled()
                else:
                    self._reap(int(key.fd))

    def _signalled(self) -> None:
        with contextlib.suppress(OSError):
            received = self._signals[0].recv(64)
            if signal.SIGTERM in received or signal.SIGINT in received:
                self.stop("signalled")

    def _timeout(self) -> float | None:
        if self._children or self.idle_timeout <= 0 or self.stopping:
            return None
        return max(0.0, self._last + self.idle_timeout - time.monotonic())

    def stop(self, reason: str) -> None:
        """Accept no more clients (the socket goes at once); the loop ends with the last child."""
        if self.stopping:
            return
        self.stopping = reason
        log(f"stopping: {reason}")
        self._selector.unregister(self.listener)
        with contextlib.suppress(OSError):
            if os.stat(self.path).st_ino == self._inode:
                os.unlink(self.path)
        self.listener.close()

    def _accept(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        self._last = time.monotonic()
        try:
            self._answer(conn)
        except (OSError, wire.WireError):
            conn.close()
        except Exception:  # never let one client end the daemon
            log(traceback.format_exc())
            conn.close()

    def _answer(self, conn: socket.socket) -> None:
        conn.settimeout(REQUEST_TIMEOUT)
        if wire.peer_uid(conn) != os.getuid():
            conn.close()
            return
        kind, value, fds = wire.receive(conn, fds=3)
        if kind == wire.RUN and isinstance(value, dict) and len(fds) == 3:
            self._run(conn, value, fds)
            return
        for fd in fds:
            os.close(fd)
        if kind == wire.STOP:
            self.stop("asked to stop")
        if kind in (wire.STATUS, wire.STOP):
            wire.send(conn, wire.ANSWER, self.status())
        conn.close()

    def _run(self, conn: socket.socket, request: dict[str, Any], fds: list[int]) -> None:
        if self.snapshot.stale():
            self.stop("qa's files changed since it started")
        reason = self.stopping or self.snapshot.mismatch(request)
        if reason:
            for fd in fds:
                os.close(fd)
            wire.send(conn, wire.REFUSED, reason)
            conn.close()
            return
        pid = os.fork()
        if pid == 0:
            child.run(conn, fds, request, self._inherited(conn))
        for fd in fds:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)
        pidfd = os.pidfd_open(pid)
        self._children[pidfd] = (pid, conn)
        self._selector.register(pidfd, selectors.EVENT_READ)
        self.served += 1
        with contextlib.suppress(OSError):
            wire.send(conn, wire.STARTED, pid)

    def _inherited(self, conn: socket.socket) -> list[int]:
        """The descriptors of the daemon that a child closes (all but its own connection)."""
        others = [c.fileno() for _, c in self._children.values() if c is not conn]
        ends = [end.fileno() for end in self._signals]
        daemon = [self.listener.fileno(), self._selector.fileno(), *ends, *self.private]
        return [*daemon, *self._children, *others]

    def _reap(self, pidfd: int) -> None:
        pid, conn = self._children.pop(pidfd)
        self._selector.unregister(pidfd)
        os.close(pidfd)
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        with contextlib.suppress(OSError):
            wire.send(conn, wire.EXITED, code if code >= 0 else 128 - code)
        conn.close()
        self._last = time.monotonic()

    def status(self) -> dict[str, Any]:
        """What ``qa daemon status`` shows."""
        return {
            "pid": os.getpid(),
            "version": __version__,
            "python": sys.version.split()[0],
            "socket": self.path,
            "started": self.started,
            "idle": time.monotonic() - self._last,
            "idle_timeout": self.idle_timeout,
            "served": self.served,
            "running": len(self._children),
            "stale": self.snapshot.stale(),
            "stopping": self.stopping,
            "memory_kb": _resident_kb(),
        }


def log(message: str) -> None:
    """One entry in the daemon's log (its standard error)."""
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"{stamp} qa daemon[{os.getpid()}]: {message.rstrip()}\n")
        sys.stderr.flush()


def _resident_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
    except (OSError, ValueError):
        return 0
