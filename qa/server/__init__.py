"""``qa serve``: qa over HTTP, for CMSes and every LanguageTool client.

FastAPI and uvicorn are imported only here (the ``server`` extra), never by ``qa check``.
"""

from __future__ import annotations

import dataclasses
import sys

from qa.config import Config
from qa.server.app import create_app
from qa.server.connections import uvicorn_options
from qa.server.settings import LOCAL_HOSTS, Settings

__all__ = ["create_app", "run"]

#: Bind addresses that name no single host (every interface).
_ANY = ("", "0.0.0.0", "::")


def run(config: Config, *, host: str, port: int, log_level: str) -> None:
    """Serve until interrupted; the address bound is an allowed Host name too (unless it is "any")."""
    import uvicorn

    settings = Settings.from_config(config)
    if host not in _ANY:
        settings = dataclasses.replace(settings, allowed_hosts=(*settings.allowed_hosts, host))
    elif settings.allowed_hosts == LOCAL_HOSTS:
        print(
            "qa serve: only requests for localhost are answered; list the names clients use "
            "in [tool.qa.server] allowed-hosts",
            file=sys.stderr,
        )
    app = create_app(config, settings)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False, **uvicorn_options(settings))
