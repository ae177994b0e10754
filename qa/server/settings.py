"""``qa serve`` settings: ``[tool.qa.server]`` and the upstream LanguageTool server."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from qa.config import Config
from qa.errors import ConfigError

#: Environment variable naming an upstream LanguageTool server (overrides the config).
UPSTREAM_ENV = "QA_LANGUAGETOOL_URL"


@dataclass(frozen=True)
class Settings:
    """Limits of one server. Every default is safe for a server on a newsroom's LAN."""

    max_body_bytes: int = 1_000_000
    max_text_length: int = 100_000
    timeout: float = 10.0
    concurrency: int = 4
    queue: int = 64
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
        ):
            if key in table:
                value = table.pop(key)
                if not isinstance(value, kind) or isinstance(value, bool) or value <= 0:
                    raise ConfigError(f"[tool.qa.server] {key} must be a positive number")
                values[key.replace("-", "_")] = value
        origins = table.pop("cors-origins", [])
        if not isinstance(origins, list) or not all(isinstance(o, str) for o in origins):
            raise ConfigError("[tool.qa.server] cors-origins must be a list of origins")
        if table:
            raise ConfigError(f"[tool.qa.server] unknown setting {sorted(table)[0]!r}")
        url = os.environ.get(UPSTREAM_ENV) or config.section("languagetool").get("url")
        if url is not None and not isinstance(url, str):
            raise ConfigError("[tool.qa.languagetool] url must be a string")
        return cls(**values, cors_origins=tuple(origins), upstream=normalise_upstream(url))


def normalise_upstream(url: str | None) -> str | None:
    """``http://host:8081``, ``…/`` and ``…/v2`` all name the same server: return its base URL."""
    if not url:
        return None
    url = url.rstrip("/")
    return url[: -len("/v2")] if url.endswith("/v2") else url
