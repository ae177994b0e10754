"""Forwarding to an upstream LanguageTool server, for languages other than Hindi.

Deliberately simple: the client's original request (method, query string, body and
Content-Type) is replayed to ``<upstream>/v2/<action>`` with the standard library,
and upstream's status, Content-Type and body are returned unchanged. Configure it
with ``[tool.qa.languagetool] url`` or the ``QA_LANGUAGETOOL_URL`` environment variable.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reply:
    """What the upstream server answered: status, content type and body."""

    status: int
    content_type: str
    body: bytes


def forward(
    base: str, action: str, *, method: str, query: str, body: bytes, content_type: str | None, timeout: float
) -> Reply:
    """Replay one request to ``base``/v2/``action``; an unreachable server is a 503."""
    url = f"{base}/v2/{action}" + (f"?{query}" if query else "")
    headers = {"Content-Type": content_type} if content_type else {}
    request = urllib.request.Request(
        url, data=body if method == "POST" else None, headers=headers, method=method
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Reply(response.status, response.headers.get("Content-Type", "text/plain"), response.read())
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, exc.headers.get("Content-Type", "text/plain"), exc.read())
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        message = f"Error: upstream LanguageTool server {base} is unreachable: {reason}"
        return Reply(503, "text/plain; charset=utf-8", message.encode())


def languages(base: str, *, timeout: float) -> list[dict[str, Any]]:
    """Upstream's ``/v2/languages``, or nothing when it cannot be read."""
    reply = forward(base, "languages", method="GET", query="", body=b"", content_type=None, timeout=timeout)
    if reply.status != 200:
        return []
    try:
        listed = json.loads(reply.body)
    except ValueError:
        return []
    return [entry for entry in listed if isinstance(entry, dict)] if isinstance(listed, list) else []
