"""``qa serve``: qa over HTTP, for CMSes and every LanguageTool client.

FastAPI and uvicorn are imported only here (the ``server`` extra), never by ``qa check``.
"""

from __future__ import annotations

from qa.server.app import create_app

__all__ = ["create_app"]
