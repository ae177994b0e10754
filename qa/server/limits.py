"""Limits every request goes through: body size, bounded concurrency, a time limit."""

from __future__ import annotations

import functools
import json
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import anyio
import anyio.to_thread

T = TypeVar("T")


class Busy(Exception):
    """Too many requests are waiting (503)."""


class TooSlow(Exception):
    """A check ran past the per-request time limit."""


class Gate:
    """Runs checks in worker threads: at most ``concurrency`` at once, ``queue`` waiting, ``timeout`` each.

    A check that runs past the time limit is answered at once and abandoned; its thread
    keeps its slot until it really ends, so slow texts can never pile up threads: there
    are at most ``concurrency`` checking threads and ``queue`` waiting ones.
    """

    def __init__(self, *, concurrency: int, queue: int, timeout: float) -> None:
        self._slots = threading.BoundedSemaphore(concurrency)  # released by the checking thread
        self._threads = anyio.CapacityLimiter(concurrency + queue)
        self._queue = queue
        self.timeout = timeout
        self.pending = 0

    @property
    def full(self) -> bool:
        return self.pending >= self._queue

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        if self.full:
            raise Busy
        self.pending += 1
        deadline = time.monotonic() + self.timeout
        try:
            if not self._slots.acquire(blocking=False):
                wait = functools.partial(self._slots.acquire, timeout=self.timeout)
                if not await anyio.to_thread.run_sync(wait, limiter=self._threads):
                    raise TooSlow

            def work() -> T:
                try:
                    return function(*args)
                finally:
                    self._slots.release()

            with anyio.fail_after(max(deadline - time.monotonic(), 0)):
                return await anyio.to_thread.run_sync(work, limiter=self._threads, abandon_on_cancel=True)
        except TimeoutError:
            raise TooSlow from None
        finally:
            self.pending -= 1


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes is answered 413, unread past the limit."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        try:
            declared = int(headers.get(b"content-length", b"0"))
        except ValueError:
            declared = 0
        if declared > self.limit:
            await self._reject(scope, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:  # buffer the body (it is small by definition) so nothing is read past the limit
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await self._reject(scope, send)
                return
            if not message.get("more_body"):
                break
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if replayed:
                return dict(await receive())
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    async def _reject(self, scope: dict[str, Any], send: Any) -> None:
        message = f"Your request body exceeds the limit of {self.limit} bytes"
        if scope.get("path", "").startswith("/v2"):
            body, kind = f"Error: {message}".encode(), b"text/plain; charset=utf-8"
        else:
            body, kind = json.dumps({"detail": message}).encode(), b"application/json"
        headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
