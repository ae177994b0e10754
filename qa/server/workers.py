"""Checks run in worker processes that a deadline really ends.

Why processes, not threads with cooperative deadlines: the rules' time is spent in
regular expressions and other C code that no Python-level deadline check can
interrupt, and a thread cannot be stopped at all. A process can: when a check runs
past its deadline its worker is killed (SIGKILL) and a fresh one takes its slot at
once, so whatever a rule costs on a hostile text, a request holds a core for at most
the time limit. gunicorn treats a worker past its ``--timeout`` the same way.

The rules' data is loaded once: the application builds its :class:`~qa.server.service.Service`,
then forks a *forkserver*, a small single-threaded process that forks every worker
(the first ones and each replacement) from that loaded state. Forking from the
forkserver rather than from the server avoids forking a process that runs threads;
the workers share the loaded pages copy-on-write (``gc.freeze`` keeps the collector
from touching them), so a replacement is ready in milliseconds without reloading.

A new worker first does the pool's *rehearsal* jobs (a sample of copy): its first
check writes a few thousand pages that it shared with the forkserver (reference counts,
memos), which cost a request some 25 ms on top of the check; rehearsed, no request pays
for them, neither at start-up nor after a worker is replaced.

Each worker serves one job at a time over a socket pair: a pickled job in, a pickled
reply out, each with a length prefix. When the server goes away its sockets close;
idle workers see end of file and exit, and the forkserver kills the busy ones.

At most one check per core runs at once: checks are CPU-bound, and more of them than
cores only take turns, each evicting the others' data from the core's caches (four checks
at once on two cores cost each a third to two thirds more CPU than two). The other workers are slots
for checks that run long: a check past :data:`GRACE` stops counting against the cores,
so a few hostile texts wait out their deadline without holding up normal copy.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import select
import signal
import socket
import struct
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

_LENGTH = struct.Struct("!Q")
_PID = struct.Struct("!i")

#: Seconds after which a running check no longer counts against the cores (a normal
#: article's check takes 5-15 ms, the longest text allowed a few hundred).
GRACE = 0.25


class Busy(Exception):
    """Too many requests are waiting for a worker (503)."""


class TooSlow(Exception):
    """A check ran past the per-request time limit; its worker was replaced."""


class WorkerLost(Exception):
    """A worker died during a check (out of memory, a crash in C code); it was replaced."""


def _send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(_LENGTH.pack(len(payload)) + payload)


def _receive(sock: socket.socket) -> bytes | None:
    """One framed message, or None at end of file."""
    header = _exactly(sock, _LENGTH.size)
    return None if header is None else _exactly(sock, _LENGTH.unpack(header)[0])


def _exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _work(sock: socket.socket, handle: Callable[[Any], Any], rehearsal: Sequence[Any]) -> NoReturn:
    """A worker's life: do the rehearsal, then answer jobs until the server closes the socket."""
    try:
        for job in rehearsal:
            handle(job)
        while (message := _receive(sock)) is not None:
            _send(sock, pickle.dumps(handle(pickle.loads(message)), pickle.HIGHEST_PROTOCOL))
    finally:
        os._exit(0)


def _forkserver(control: socket.socket, handle: Callable[[Any], Any], rehearsal: Sequence[Any]) -> NoReturn:
    """Fork workers on request: each request names the worker to kill first (0: none)."""
    children: set[int] = set()
    try:
        while True:
            readable, _, _ = select.select([control], [], [], 1.0)
            for pid in list(children):  # reap workers that ended by themselves
                if os.waitpid(pid, os.WNOHANG)[0]:
                    children.discard(pid)
            if not readable:
                continue
            request = _exactly(control, _PID.size)
            if request is None:
                break  # the server has gone
            old = _PID.unpack(request)[0]
            if old in children:
                os.kill(old, signal.SIGKILL)
                os.waitpid(old, 0)
                children.discard(old)
            ours, theirs = socket.socketpair()
            pid = os.fork()
            if pid == 0:
                control.close()
                ours.close()
                _work(theirs, handle, rehearsal)
            theirs.close()
            children.add(pid)
            socket.send_fds(control, [_PID.pack(pid)], [ours.fileno()])
            ours.close()
    finally:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        os._exit(0)


def available_cores() -> int:
    """The cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


class _Worker:
    def __init__(self, pid: int, sock: socket.socket) -> None:
        self.pid = pid
        self.sock = sock
        sock.setblocking(False)

    async def call(self, job: Any) -> Any:
        loop = asyncio.get_running_loop()
        payload = pickle.dumps(job, pickle.HIGHEST_PROTOCOL)
        try:
            await loop.sock_sendall(self.sock, _LENGTH.pack(len(payload)) + payload)
            header = await self._read(loop, _LENGTH.size)
            return pickle.loads(await self._read(loop, _LENGTH.unpack(header)[0]))
        except OSError:
            raise WorkerLost from None

    async def _read(self, loop: asyncio.AbstractEventLoop, size: int) -> bytes:
        buffer = bytearray(size)
        view, done = memoryview(buffer), 0
        while done < size:
            got = await loop.sock_recv_into(self.sock, view[done:])
            if not got:
                raise WorkerLost
            done += got
        return bytes(buffer)


class WorkerPool:
    """``size`` worker processes; at most ``queue`` requests wait; each has ``timeout`` seconds.

    The time limit counts from the request's arrival, waiting included. A check past it
    is answered :class:`TooSlow` only after its worker has been killed and replaced, so
    the slot is free again when the answer leaves. At most ``cores`` checks run at once
    (default: the cores this process may use), each counted for :data:`GRACE` seconds at most.
    """

    def __init__(
        self,
        handle: Callable[[Any], Any],
        *,
        size: int,
        queue: int,
        timeout: float,
        rehearsal: Sequence[Any] = (),
        cores: int | None = None,
    ) -> None:
        self.timeout = timeout
        self.cores = min(size, cores or available_cores())
        self._queue = queue
        self.waiting = 0
        self._spawning = threading.Lock()
        self._control, theirs = socket.socketpair()
        self._server = os.fork()
        if self._server == 0:
            self._control.close()
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server's Ctrl-C ends us through the socket
            _forkserver(theirs, handle, tuple(rehearsal))
        theirs.close()
        self._workers = [self._spawn(0) for _ in range(size)]
        self._idle: asyncio.Queue[_Worker] | None = None
        self._running: asyncio.Semaphore | None = None

    @property
    def full(self) -> bool:
        return self.waiting >= self._queue

    @property
    def pids(self) -> list[int]:
        """The worker processes (for tests and the soak's memory figures)."""
        return [worker.pid for worker in self._workers]

    def _spawn(self, old: int) -> _Worker:
        """Ask the forkserver to kill worker ``old`` (0: none) and fork a new one."""
        with self._spawning:
            self._control.sendall(_PID.pack(old))
            message, fds, _, _ = socket.recv_fds(self._control, _PID.size, 1)
        if not fds:
            raise RuntimeError("the check workers' forkserver has gone")
        return _Worker(_PID.unpack(message)[0], socket.socket(fileno=fds[0]))

    async def _replace(self, worker: _Worker) -> None:
        worker.sock.close()
        fresh = await asyncio.get_running_loop().run_in_executor(None, self._spawn, worker.pid)
        self._workers[self._workers.index(worker)] = fresh
        self._pool().put_nowait(fresh)

    def _pool(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:  # made in the server's event loop, on first use
            # Last in, first out: the worker used last has its caches and pages warm.
            self._idle = asyncio.LifoQueue()
            for worker in self._workers:
                self._idle.put_nowait(worker)
        return self._idle

    async def _claim(self) -> tuple[_Worker, Callable[[], None]]:
        """An idle worker, then a core: the worker, and the call that gives the core back
        (made by itself after :data:`GRACE` seconds)."""
        if self._running is None:
            self._running = asyncio.Semaphore(self.cores)
        worker = await self._pool().get()
        try:
            await self._running.acquire()
        except BaseException:
            self._pool().put_nowait(worker)
            raise
        running, given = self._running, False

        def give_back() -> None:
            nonlocal given
            if not given:
                given = True
                running.release()

        timer = asyncio.get_running_loop().call_later(GRACE, give_back)

        def done() -> None:
            timer.cancel()
            give_back()

        return worker, done

    async def run(self, job: Any) -> Any:
        """The worker's answer to ``job``; :class:`Busy`, :class:`TooSlow` or :class:`WorkerLost`."""
        if self.full:
            raise Busy
        deadline = time.monotonic() + self.timeout
        self.waiting += 1
        try:
            worker, done = await asyncio.wait_for(self._claim(), self.timeout)
        except TimeoutError:
            raise TooSlow from None
        finally:
            self.waiting -= 1
        healthy = False
        try:
            answer = await asyncio.wait_for(worker.call(job), max(deadline - time.monotonic(), 0))
            healthy = True
            return answer
        except TimeoutError:
            raise TooSlow from None
        finally:
            done()
            if healthy:
                self._pool().put_nowait(worker)
            else:  # past the deadline, dead, or the request was cancelled mid-answer
                await asyncio.shield(self._replace(worker))

    def close(self) -> None:
        """End the workers and the forkserver (closing the sockets is enough)."""
        for worker in self._workers:
            worker.sock.close()
        self._control.close()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._server, 0)
