"""``qa serve`` settings: ``[tool.qa.server]`` and the upstream LanguageTool server."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any

from qa.config import Config
from qa.errors import ConfigError

#: Environment variable naming an upstream LanguageTool server (overrides the config).
UPSTREAM_ENV = "QA_LANGUAGETOOL_URL"


#: Host names a browser may use to reach a server on this machine (DNS rebinding defence).
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class Settings:
    """Limits of one server. Every default is safe for a server on a newsroom's LAN.

    ``timeout`` is the per-request budget: from arrival to answer, waiting for a worker
    included; a check still running then is killed. So one request costs at most
    ``timeout`` seconds of one core, and the server at most ``concurrency`` cores.
    """

    max_body_bytes: int = 1_000_000
    max_text_length: int = 100_000
    timeout: float = 10.0
    concurrency: int = 4
    queue: int = 64
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    keep_alive: float = 5.0
    max_connections: int = 512
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS
    cors_origins: tuple[str, ...] = ()
    upstream: str | None = None

    @classmethod
    def from_config(cls, config: Config) -> Settings:
        table: dict[str, Any] = dict(config.section("server"))
        values: dict[str, Any] = {}
        for key, kind in (
            ("max-body-bytes", int),
            ("max-text-length", int),
            ("timeout", (int, float)),
            ("concurrency", int),
            ("queue", int),
            ("header-timeout", (int, float)),
            ("body-timeout", (int, float)),
            ("keep-alive", (int, float)),
            ("max-connections", int),
        ):
            if key in table:
                value = table.pop(key)
                if not isinstance(value, kind) or isinstance(value, bool) or not 0 < value < math.inf:
                    raise ConfigError(f"[tool.qa.server] {key} must be a positive number")
                values[key.replace("-", "_")] = value
        for key in ("cors-origins", "allowed-hosts"):
            if key in table:
                listed = table.pop(key)
                if not isinstance(listed, list) or not all(isinstance(item, str) for item in listed):
                    raise ConfigError(f"[tool.qa.server] {key} must be a list of strings")
                values[key.replace("-", "_")] = tuple(listed)
        if table:
            raise ConfigError(f"[tool.qa.server] unknown setting {sorted(table)[0]!r}")
        url = os.environ.get(UPSTREAM_ENV) or config.section("languagetool").get("url")
        if url is not None and not isinstance(url, str):
            raise ConfigError("[tool.qa.languagetool] url must be a string")
        return cls(**values, upstream=normalise_upstream(url))


def normalise_upstream(url: str | None) -> str | None:
    """``http://host:8081``, ``…/`` and ``…/v2`` all name the same server: return its base URL."""
    if not url:
        return None
    url = url.rstrip("/")
    return url[: -len("/v2")] if url.endswith("/v2") else url
