"""``qa serve`` answers a text sent again without a worker, and only while nothing changed."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server_fixture import start_server, stop_server

COPY = "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।"
OTHER = "प्रधानमंत्री ने कहा ,बातचीत जारी है।"


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.fixture
def one_worker(tmp_path: Path) -> Iterator[tuple[httpx.Client, int]]:
    """A server with one check worker and a 2-second budget; the PID of its workers' forkserver."""
    (tmp_path / "qa.toml").write_text("[server]\nconcurrency = 1\ntimeout = 2\n", encoding="utf-8")
    process, url = start_server(tmp_path, env={"QA_LANGUAGETOOL_URL": ""})
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            (forkserver,) = _children(process.pid)
            yield client, forkserver
    finally:
        stop_server(process)


def test_a_repeat_is_answered_while_the_only_worker_is_stopped(one_worker) -> None:
    client, forkserver = one_worker
    first = client.post("/api/v1/check", json={"text": COPY})
    lt_first = client.post("/v2/check", data={"language": "hi-IN", "text": COPY})
    assert first.status_code == lt_first.status_code == 200
    # With the worker stopped, repeats are still answered; anything else (a new text, other
    # options, another endpoint) needs it and is cut at the time limit (the worker replaced).
    for path, body in (
        ("/api/v1/check", {"text": OTHER}),
        ("/api/v1/check", {"text": COPY, "select": ["P"]}),
        ("/api/v1/check", {"text": COPY, "date": "2024-08-15"}),
        ("/api/v1/fix", {"text": COPY}),
    ):
        (worker,) = _children(forkserver)
        os.kill(worker, signal.SIGSTOP)
        again = client.post("/api/v1/check", json={"text": COPY})
        lt_again = client.post("/v2/check", data={"language": "hi-IN", "text": COPY})
        assert (again.status_code, again.content) == (200, first.content)
        assert (lt_again.status_code, lt_again.content) == (200, lt_first.content)
        assert client.post(path, json=body).status_code == 503, body
    assert client.post("/api/v1/check", json={"text": OTHER}).status_code == 200
