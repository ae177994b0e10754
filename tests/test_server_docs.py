"""``/docs`` works offline: Swagger UI comes from this server, nothing from outside loopback."""

from __future__ import annotations

import ipaddress
import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import regex
from test_html_report import chromium


def test_docs_page_names_only_local_assets(qa_server: str) -> None:
    with urllib.request.urlopen(f"{qa_server}/docs", timeout=10) as response:
        page = response.read().decode()
    assert "/docs/assets/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    with urllib.request.urlopen(f"{qa_server}/docs/assets/swagger-ui-bundle.js", timeout=10) as response:
        assert response.status == 200 and len(response.read()) > 100_000
    with urllib.request.urlopen(f"{qa_server}/openapi.json", timeout=10) as response:
        assert "/v2/check" in json.loads(response.read())["paths"]


@pytest.mark.chromium
def test_docs_render_in_chromium_with_only_loopback_reachable(qa_server: str, tmp_path: Path) -> None:
    dom = chromium(
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",  # no name outside resolves
        "--virtual-time-budget=10000",
        "--dump-dom",
        f"{qa_server}/docs",
        tmp_path=tmp_path,
    ).stdout
    assert 'id="large-arrow"' in dom  # Swagger UI's script, served by qa, ran and drew its page
    outside = [u for u in _URL.findall(dom) if not _loopback(urllib.parse.urlsplit(u).hostname or "")]
    assert outside == []


_URL = regex.compile(r'\bsrc="(https?://[^"]+)"')  # what the page loads (links are not loads)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
