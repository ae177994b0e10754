"""The messages between the thin client and the daemon, over a Unix stream socket: a
kind byte, a four-byte length and a :mod:`marshal` payload (both ends are the same user
and the same copy of qa). Used by the client before anything else is imported, so it
needs nothing beyond ``marshal`` and ``_socket``.

Client to daemon: ``RUN`` (argv, folder, environment, umask, stream encodings, with the
client's descriptors 0, 1 and 2 attached), then ``GO`` once it knows the child's pid;
``STATUS``; ``STOP``. Daemon to client: ``STARTED`` (the child's pid), ``EXITED`` (its
exit status), ``REFUSED`` (why: the client runs the command itself), ``ANSWER``.
"""

from __future__ import annotations

import _socket
import marshal
import os
import sys

TYPE_CHECKING = False  # typing itself would cost the client an import
if TYPE_CHECKING:
    from socket import socket
    from typing import Any

RUN, GO, STATUS, STOP = b"R", b"G", b"Q", b"K"
STARTED, EXITED, REFUSED, ANSWER = b"P", b"X", b"N", b"A"
#: A request larger than this is refused (an environment is a few kilobytes).
MAX_MESSAGE = 4 << 20
_HEADER = 5


class WireError(Exception):
    """The other end closed the connection or sent something that is not a message."""


def send(sock: _socket.socket | socket, kind: bytes, value: Any = None, fds: list[int] | None = None) -> None:
    """One message; ``fds`` travel with its first byte (SCM_RIGHTS)."""
    payload = marshal.dumps(value)
    data = kind + len(payload).to_bytes(4, "big") + payload
    if fds:
        rights = b"".join(fd.to_bytes(4, sys.byteorder) for fd in fds)
        sent = sock.sendmsg([data], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, rights)])
        data = data[sent:]
    if data:
        sock.sendall(data)


def receive(sock: _socket.socket | socket, fds: int = 0) -> tuple[bytes, Any, list[int]]:
    """(kind, value, descriptors received) of the next message; :class:`WireError` at the
    end of the stream or on a malformed message."""
    if fds:
        data, ancillary, _, _ = sock.recvmsg(_HEADER, _socket.CMSG_SPACE(4 * fds))
        received = _descriptors(ancillary)
    else:
        data, received = sock.recv(_HEADER), []
    try:
        data += _exactly(sock, _HEADER - len(data))
        kind, size = data[:1], int.from_bytes(data[1:], "big")
        if size > MAX_MESSAGE:
            raise WireError(f"message of {size} bytes")
        return kind, marshal.loads(_exactly(sock, size)), received
    except (WireError, EOFError, ValueError, TypeError):
        for fd in received:
            os.close(fd)
        raise WireError("malformed message") from None


def _exactly(sock: _socket.socket | socket, size: int) -> bytes:
    chunks = []
    while size > 0:
        chunk = sock.recv(min(size, 1 << 16))
        if not chunk:
            raise WireError("connection closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _descriptors(ancillary: list[tuple[int, int, bytes]]) -> list[int]:
    fds = []
    for level, kind, data in ancillary:
        if level == _socket.SOL_SOCKET and kind == _socket.SCM_RIGHTS:
            usable = len(data) - len(data) % 4
            fds += [int.from_bytes(data[i : i + 4], sys.byteorder) for i in range(0, usable, 4)]
    return fds


def connect(path: str, timeout: float) -> _socket.socket:
    """A socket connected to the daemon listening at ``path``, a process of this user, with
    ``timeout``: OSError if none listens, :class:`WireError` if another user's process does
    (AttributeError where there are no Unix sockets or no SO_PEERCRED)."""
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(path)
        if peer(sock)[0] != os.getuid():
            raise WireError("another user's socket")
    except BaseException:
        sock.close()
        raise
    return sock


def peer(sock: _socket.socket | socket) -> tuple[int, int]:
    """(user id, effective group id) of the process at the other end of a Unix socket
    (Linux's SO_PEERCRED; AttributeError elsewhere)."""
    credentials = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_PEERCRED, 12)  # pid, uid, gid
    return int.from_bytes(credentials[4:8], sys.byteorder), int.from_bytes(credentials[8:12], sys.byteorder)
