"""``qa serve``: qa over HTTP, for CMSes and every LanguageTool client.

FastAPI and uvicorn are imported only here (the ``server`` extra), never by ``qa check``.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI

from qa import config
from qa.server.app import create_app

#: How ``qa serve --workers N`` tells each worker process which config file to load.
CONFIG_ENV = "QA_SERVE_CONFIG"


def from_environment() -> FastAPI:
    """The app for a worker process: the config file named by ``QA_SERVE_CONFIG`` (or the defaults)."""
    path = os.environ.get(CONFIG_ENV)
    return create_app(config.load(Path(path)) if path else config.Config())


__all__ = ["CONFIG_ENV", "create_app", "from_environment"]
