"""Connection limits uvicorn lacks: a deadline and a size limit for the request head, a cap on connections.

uvicorn waits for a request head as long as a client cares to drip it, so slow clients
could hold every file descriptor. Here a connection gets ``header_timeout`` seconds
(from its opening, or from its last answer when kept alive) to send a complete head of
at most ``max_head`` bytes, and at most ``max_connections`` are open: past the cap, the
connection that has waited longest for its request (a slow client, or an idle
keep-alive one) is closed to make room. A normal client sends its request at once, so
it is never the one that waited longest; the body has its own deadline
(:class:`~qa.server.limits.BodyLimit`).
"""

from __future__ import annotations

import asyncio
import contextlib
import resource
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from qa.server.settings import Settings

#: The largest request line and headers accepted (uvicorn's h11 default is 16 KB).
MAX_HEAD = 64 * 1024
#: Connections waiting to be accepted. asyncio accepts up to this many at once, before the
#: connections closed to make room free their descriptors, so the cap leaves room for them.
BACKLOG = 128


def guarded_protocol(
    *, header_timeout: float, max_connections: int, max_head: int = MAX_HEAD
) -> type[HttpToolsProtocol]:
    """uvicorn's httptools protocol with these limits (one set of waiting connections per server)."""
    waiting: dict[GuardedProtocol, None] = {}  # connections with no complete request yet, oldest first

    class GuardedProtocol(HttpToolsProtocol):
        _timer: asyncio.TimerHandle | None = None
        _head = 0  # bytes of an incomplete head so far
        _draining = False  # answered before its body was all in (413): the rest is not a head

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            if len(self.connections) > max_connections:
                oldest = next(iter(waiting), None)
                if oldest is None:  # every connection is being answered: refuse this one
                    self.transport.close()
                    return
                oldest.drop()
            self._wait_for_request()

        def _wait_for_request(self) -> None:
            self._settle()
            waiting[self] = None
            self._head = 0
            self._timer = self.loop.call_later(header_timeout, self.drop)

        def _settle(self) -> None:
            waiting.pop(self, None)
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def drop(self) -> None:
            self._settle()
            self.transport.close()

        def data_received(self, data: bytes) -> None:
            # Whether this read is (part of) a head is decided before it is parsed: the read
            # that ends a drained body re-arms the wait for a head, but it is body itself.
            head = self._timer is not None and not self._draining
            super().data_received(data)
            if head and self._timer is not None and not self.transport.is_closing():
                self._head += len(data)
                if self._head > max_head:
                    self._settle()
                    self.send_400_response("Request head too large.")

        def on_headers_complete(self) -> None:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            waiting.pop(self, None)
            super().on_message_complete()
            if self._draining:  # now the next request may come
                self._draining = False
                self._wait_for_request()

        def on_response_complete(self) -> None:
            pipelined, draining = bool(self.pipeline), self.cycle.more_body
            super().on_response_complete()
            if not pipelined and not self.transport.is_closing():
                self._wait_for_request()  # the rest of an unread body gets the same deadline
                self._draining = draining

        def connection_lost(self, exc: Exception | None) -> None:
            self._settle()
            super().connection_lost(exc)

    return GuardedProtocol


def connection_cap(wanted: int, reserve: int) -> int:
    """``wanted``, or fewer when the descriptor limit would not leave ``reserve`` for the rest.

    The soft limit is raised to the hard one first, as servers do.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
    return max(1, min(wanted, soft - reserve)) if soft != resource.RLIM_INFINITY else wanted


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """uvicorn.run's keyword arguments for these settings (the listening socket, the workers' and
    the forkserver's sockets, log files and the upstream forwards need descriptors too)."""
    cap = connection_cap(settings.max_connections, reserve=BACKLOG + 64 + 2 * settings.concurrency)
    return {
        "http": guarded_protocol(header_timeout=settings.header_timeout, max_connections=cap),
        "timeout_keep_alive": settings.keep_alive,
        "backlog": BACKLOG,
    }
