"""``qa serve`` as a real subprocess on a free loopback port, for tests with real clients."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: Small limits so the tests can reach them; the rest of the settings are the defaults.
SERVER_CONFIG = "[server]\nmax-body-bytes = 200000\nmax-text-length = 50000\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(folder: Path, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``qa serve`` in ``folder`` (its qa.toml applies) and wait until it answers."""
    port = free_port()
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "qa.cli", "serve", "--port", str(port)],
        cwd=folder,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"qa serve exited: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            with urllib.request.urlopen(f"{url}/v2/healthcheck", timeout=1) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.1)
    stop_server(process)
    raise RuntimeError("qa serve did not start within 30 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def qa_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a running ``qa serve`` (no upstream LanguageTool server)."""
    folder = tmp_path_factory.mktemp("qa-serve")
    (folder / "qa.toml").write_text(SERVER_CONFIG, encoding="utf-8")
    process, url = start_server(folder, env={"QA_LANGUAGETOOL_URL": ""})
    try:
        yield url
    finally:
        stop_server(process)
