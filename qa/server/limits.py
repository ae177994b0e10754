"""ASGI middleware every request goes through: the Host allow-list and the body's size and deadline."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import anyio


async def refuse(scope: dict[str, Any], send: Any, status: int, message: str, *, close: bool = False) -> None:
    """Answer ``status`` with a one-line reason (plain text ``Error: …`` under /v2); ``close``: hang up."""
    if scope.get("path", "").startswith("/v2"):
        body, kind = f"Error: {message}".encode(), b"text/plain; charset=utf-8"
    else:
        body, kind = json.dumps({"detail": message}).encode(), b"application/json"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def host_name(header: bytes) -> str:
    """The name in a Host header, without port, brackets or a final dot, lower case."""
    host = header.decode("latin-1").strip().lower()
    if host.startswith("["):
        host = host[1 : host.find("]")] if "]" in host else host[1:]
    elif host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


class HostCheck:
    """ASGI middleware: a Host header not in ``allowed`` is answered 400 ("*" allows any).

    A web page can point its own domain name at 127.0.0.1 (DNS rebinding) and then
    read a local server's answers as same-origin; its requests still carry that
    domain in Host, so only the names this server is really known by are answered.
    """

    def __init__(self, app: Any, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(host_name(name.encode("latin-1", "replace")) for name in allowed)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and "*" not in self.allowed:
            header = next((value for name, value in scope.get("headers") or [] if name == b"host"), b"")
            if host_name(header) not in self.allowed:
                shown = header.decode("ascii", "backslashreplace")[:100]
                message = (
                    f"this server does not answer for host '{shown}' (see [tool.qa.server] allowed-hosts)"
                )
                await refuse(scope, send, 400, message)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """ASGI middleware: a body over ``limit`` bytes is answered 413, one not in within ``deadline`` s 408.

    The body is buffered here (it is small by definition), so nothing is read past the limit
    and a client dripping its body holds a connection for at most ``deadline`` seconds.
    """

    def __init__(self, app: Any, limit: int, deadline: float) -> None:
        self.app = app
        self.limit = limit
        self.deadline = deadline

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
            await self._too_large(scope, send)
            return
        chunks: list[bytes] = []
        size = 0
        with anyio.move_on_after(self.deadline) as waiting:
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > self.limit:
                    await self._too_large(scope, send)
                    return
                if not message.get("more_body"):
                    break
        if waiting.cancelled_caught:
            reason = f"the request body did not arrive within {self.deadline:g} seconds"
            await refuse(scope, send, 408, reason, close=True)
            return
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if replayed:
                return dict(await receive())
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, scope: dict[str, Any], send: Any) -> None:
        await refuse(scope, send, 413, f"Your request body exceeds the limit of {self.limit} bytes")
