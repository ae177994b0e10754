"""The daemon's loop: accept a client, hand it to a child that runs its command, report
how the child ended; refuse a client it does not fit; exit when asked, when qa's files
change, or after an idle timeout.

One thread and one ``epoll`` over the listening socket and a pidfd per child: a child's
pidfd becomes readable when it exits, and the daemon reaps it and sends its status (the
child sends it too; this one tells of a child killed by a signal). Once no command has
run for a moment, a spare child is forked and warmed in advance (it checks a sample, so
the memory pages a check writes are its own copies already), as Android's zygote keeps
one ready: a client is handed to it instead of waiting for a fork and those copies.
Nothing is written to a terminal: the daemon's standard streams are ``/dev/null`` and
its log file.
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
from pathlib import Path
from typing import Any

from qa import __version__
from qa.resident import child, process, wire
from qa.resident.freshness import Snapshot

#: Seconds a connected client has to send its request.
REQUEST_TIMEOUT = 2.0
#: Seconds without a client after the last check before a spare child is forked.
SPARE_DELAY = 0.2


@dataclass
class Child:
    """A forked child: the spare (no client yet) or one running a client's command."""

    pid: int
    conn: socket.socket | None = None
    #: The spare's end of the pipe on which it is handed a client.
    channel: socket.socket | None = None
    #: The spare has rehearsed (a client handed to it before would wait for that).
    ready: bool = False


@dataclass
class Daemon:
    """The daemon's state: its socket, what it started with, its children."""

    listener: socket.socket
    path: str
    snapshot: Snapshot
    idle_timeout: float
    #: What a spare child checks while it waits (:func:`qa.resident.warm.rehearse`).
    sample: Path
    #: Descriptors a child must not keep (the lock that marks this daemon as alive).
    private: list[int] = field(default_factory=list)
    started: float = field(default_factory=time.time)
    served: int = 0
    stopping: str = ""
    _last: float = field(default_factory=time.monotonic)
    #: When to fork the next spare (a quiet moment after the last check: a loop of checks
    #: one after another is served by plain forks, and no spare takes a core from them).
    _spare_due: float | None = field(default_factory=time.monotonic)
    #: Children by pidfd.
    _children: dict[int, Child] = field(default_factory=dict)
    _selector: selectors.EpollSelector = field(default_factory=selectors.EpollSelector)
    #: SIGTERM and SIGINT arrive here as bytes (the signal module's wake-up descriptor).
    _signals: tuple[socket.socket, socket.socket] = field(default_factory=socket.socketpair)

    def __post_init__(self) -> None:
        #: The socket file's inode: a later daemon's socket at the same path is not removed.
        self._inode = os.stat(self.path).st_ino

    def serve(self) -> None:
        """Answer clients until stopped and every child has been reaped."""
        self._selector.register(self.listener, selectors.EVENT_READ, self._accept)
        self._selector.register(self._signals[0], selectors.EVENT_READ, self._signalled)
        for end in self._signals:
            end.setblocking(False)
        signal.set_wakeup_fd(self._signals[1].fileno())
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, lambda signum, frame: None)  # the wake-up byte tells the loop
        while not (self.stopping and not self._children):
            for key, _ in self._selector.select(self._timeout()):
                key.data(key.fd)
            now = time.monotonic()
            if self._spare_due is not None and now >= self._spare_due:
                self._spare_due = None
                self._fork_spare()
            if self._idle_until() is not None and now >= self._last + self.idle_timeout:
                self.stop(f"idle for {self.idle_timeout:g} s")

    def _running(self) -> int:
        return sum(child.conn is not None for child in self._children.values())

    def _idle_until(self) -> float | None:
        if self._running() or self.idle_timeout <= 0 or self.stopping:
            return None
        return self._last + self.idle_timeout

    def _timeout(self) -> float | None:
        deadlines = [t for t in (self._spare_due, self._idle_until()) if t is not None]
        return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None

    def _signalled(self, fd: int) -> None:
        with contextlib.suppress(OSError):
            received = self._signals[0].recv(64)
            if signal.SIGTERM in received or signal.SIGINT in received:
                self.stop("signalled")

    def stop(self, reason: str) -> None:
        """Accept no more clients (the socket goes at once, the spare too); the loop ends
        with the last running child."""
        if self.stopping:
            return
        self.stopping = reason
        log(f"stopping: {reason}")
        self._selector.unregister(self.listener)
        with contextlib.suppress(OSError):
            if os.stat(self.path).st_ino == self._inode:
                os.unlink(self.path)
        self.listener.close()
        for spare in self._children.values():
            if spare.conn is None:
                with contextlib.suppress(OSError):
                    os.kill(spare.pid, signal.SIGKILL)

    def _accept(self, fd: int) -> None:
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
        uid, gid = wire.peer(conn)
        if uid != os.getuid():
            conn.close()
            return
        kind, value, fds = wire.receive(conn, fds=3)
        if kind == wire.RUN and isinstance(value, dict) and len(fds) == 3:
            self._run(conn, value, fds, gid)
            return
        for fd in fds:
            os.close(fd)
        if kind == wire.STOP:
            self.stop("asked to stop")
        if kind in (wire.STATUS, wire.STOP):
            wire.send(conn, wire.ANSWER, self.status())
        conn.close()

    def _run(self, conn: socket.socket, request: dict[str, Any], fds: list[int], gid: int) -> None:
        """Hand the client (its process's effective group ``gid``) to a child, or refuse it."""
        if self.snapshot.stale():
            self.stop("qa's files changed since it started")
        reason = self.stopping or self._misfit(gid, request)
        if reason:
            for fd in fds:
                os.close(fd)
            wire.send(conn, wire.REFUSED, reason)
            conn.close()
            return
        try:
            pid = self._hand_to_spare(conn, request, fds) or self._fork(conn, request, fds)
        finally:
            for fd in fds:
                os.close(fd)
        self.served += 1
        with contextlib.suppress(OSError):
            wire.send(conn, wire.STARTED, pid)

    def _misfit(self, gid: int, request: dict[str, Any]) -> str | None:
        """Why the client's command would not run here as in the client, or None."""
        if gid != os.getegid():
            return "another group"
        return self.snapshot.mismatch(request) or process.difference(request.get("state"))

    def _hand_to_spare(self, conn: socket.socket, request: dict[str, Any], fds: list[int]) -> int | None:
        """The spare's pid, once it has the client; None if there is no spare to take it (one
        still rehearsing is killed: it would take a core from the child forked instead)."""
        spare = next((c for c in self._children.values() if c.conn is None), None)
        if spare is None or spare.channel is None:
            return None
        if not spare.ready:
            with contextlib.suppress(OSError):
                os.kill(spare.pid, signal.SIGKILL)
            return None
        try:
            wire.send(spare.channel, wire.RUN, request, [conn.fileno(), *fds])
        except OSError:  # it died meanwhile: it is reaped as usual
            return None
        spare.channel.close()
        spare.channel, spare.conn = None, conn
        return spare.pid

    def _fork(self, conn: socket.socket, request: dict[str, Any], fds: list[int]) -> int:
        pid = os.fork()
        if pid == 0:
            child.run(conn, fds, request, self._inherited(keep=conn), self.snapshot.files)
        self._adopt(Child(pid, conn))
        return pid

    def _fork_spare(self) -> None:
        """A new spare, unless there is one, a command runs (it would take a core from it)
        or the daemon is stopping."""
        if self.stopping or self._children:
            return
        ours, theirs = socket.socketpair()
        try:
            pid = os.fork()
        except OSError as exc:  # no memory or too many processes now: clients get plain forks
            log(f"no spare child: {exc}")
            ours.close()
            theirs.close()
            return
        if pid == 0:
            child.spare(
                theirs, [*self._inherited(keep=theirs), ours.fileno()], self.sample, self.snapshot.files
            )
        theirs.close()
        self._adopt(Child(pid, channel=ours))
        self._selector.register(ours, selectors.EVENT_READ, self._rehearsed)

    def _rehearsed(self, fd: int) -> None:
        """The spare says it is ready (or its end closed: it is reaped as usual)."""
        self._selector.unregister(fd)
        for spare in self._children.values():
            if spare.channel is not None and spare.channel.fileno() == fd:
                with contextlib.suppress(OSError, wire.WireError):
                    spare.ready = wire.receive(spare.channel)[0] == wire.ANSWER

    def _adopt(self, born: Child) -> None:
        with contextlib.suppress(OSError):
            os.setpgid(born.pid, born.pid)
        pidfd = os.pidfd_open(born.pid)
        self._children[pidfd] = born
        self._selector.register(pidfd, selectors.EVENT_READ, self._reap)

    def _inherited(self, keep: socket.socket) -> list[int]:
        """The descriptors of the daemon that a child closes."""
        daemon = [self.listener.fileno(), self._selector.fileno(), *(e.fileno() for e in self._signals)]
        for pidfd, other in self._children.items():
            daemon += [pidfd, *(s.fileno() for s in (other.conn, other.channel) if s and s is not keep)]
        return [*daemon, *self.private]

    def _reap(self, pidfd: int) -> None:
        ended = self._children.pop(pidfd)
        self._selector.unregister(pidfd)
        os.close(pidfd)
        try:
            code: int | None = os.waitstatus_to_exitcode(os.waitpid(ended.pid, 0)[1])
        except ChildProcessError:  # reaped by another hand (SIGCHLD ignored): status unknown
            code = None
        if ended.conn is not None:
            if code is not None:
                with contextlib.suppress(OSError):
                    wire.send(ended.conn, wire.EXITED, code if code >= 0 else 128 - code)
            ended.conn.close()
            self._last = time.monotonic()
        elif not self.stopping:
            log(f"the spare child {ended.pid} ended with status {code}")
        if ended.channel is not None:
            if not ended.ready:
                with contextlib.suppress(KeyError, ValueError):
                    self._selector.unregister(ended.channel)
            ended.channel.close()
        if not self._children:
            self._spare_due = time.monotonic() + SPARE_DELAY

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
            "running": self._running(),
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
