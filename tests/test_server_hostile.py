"""``qa serve`` against hostile clients, over real loopback sockets.

Checks past the deadline free their slot, slow clients are cut off and cannot crowd out
normal ones, forwards to a slow upstream do not hold up other endpoints, the Host header
is checked, and every malformed request is a 4xx with a one-line reason. Every loop and
wait here is bounded in count and time.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.server_fixture import start_server, stop_server
from tests.test_bad_input import CATASTROPHIC

COPY = "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।"
JSON = {"Content-Type": "application/json"}
#: Seconds any single wait may take before the test fails (a bound, not a speed claim).
BOUND = 30


def _server(
    folder: Path, config: str, env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    (folder / "qa.toml").write_text(config, encoding="utf-8")
    return start_server(folder, env={"QA_LANGUAGETOOL_URL": "", **(env or {})})


@pytest.fixture
def http(qa_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=qa_server, timeout=BOUND) as client:
        yield client


def test_a_check_past_its_deadline_frees_its_slot(tmp_path: Path) -> None:
    """A user rule that backtracks for minutes: every hostile request is cut at the 2 s limit,
    and its worker is replaced before the answer leaves, so normal copy is checked at once."""
    (tmp_path / "slow.yaml").write_text(
        CATASTROPHIC.replace("timeout: 0.5", "timeout: 600"), encoding="utf-8"
    )
    config = 'rule-files = ["slow.yaml"]\n[server]\ntimeout = 2\nconcurrency = 2\nqueue = 8\n'
    process, url = _server(tmp_path, config)
    hostile = {"text": "क" * 40 + "ग"}
    try:
        with httpx.Client(base_url=url, timeout=BOUND) as client, ThreadPoolExecutor(4) as pool:
            for _ in range(2):  # two waves: the replacements are killable too
                answers = list(pool.map(lambda _: client.post("/api/v1/check", json=hostile), range(4)))
                assert [a.status_code for a in answers] == [503] * 4
                assert all("longer than 2 seconds" in a.json()["detail"] for a in answers)
                normal = list(pool.map(lambda _: client.post("/api/v1/check", json={"text": COPY}), range(2)))
                assert [a.status_code for a in normal] == [200, 200]
                assert [d["code"] for d in normal[0].json()["diagnostics"]] == ["P002"]
    finally:
        stop_server(process)


def _closed_by_server(sock: socket.socket) -> bool:
    """True when the server closes the connection (within the socket's timeout)."""
    try:
        while sock.recv(65536):
            pass
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
    return True


def _until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (within the socket's timeout)."""
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


def test_slow_clients_are_cut_off_and_cannot_crowd_out_normal_ones(tmp_path: Path) -> None:
    """60 connections that never finish their request head, against a cap of 20 connections."""
    config = "[server]\nheader-timeout = 2\nbody-timeout = 2\nmax-connections = 20\n"
    process, url = _server(tmp_path, config)
    address = urlsplit(url).hostname, urlsplit(url).port
    slow: list[socket.socket] = []
    try:
        for _ in range(60):
            sock = socket.create_connection(address, timeout=BOUND)
            sock.sendall(b"POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and nothing more
            slow.append(sock)
        with httpx.Client(base_url=url, timeout=BOUND) as client:
            for _ in range(5):  # each new connection makes room by closing the longest-waiting one
                assert client.post("/api/v1/check", json={"text": COPY}).status_code == 200
        assert all(_closed_by_server(sock) for sock in slow)  # cut at the cap or at the head deadline

        with socket.create_connection(address, timeout=BOUND) as dripper:
            head = b"POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n"
            dripper.sendall(head + b'{"text": "')  # then the body stalls
            answer = _until_closed(dripper)
            assert answer.startswith(b"HTTP/1.1 408") and b"did not arrive within 2 seconds" in answer

        with socket.create_connection(address, timeout=BOUND) as big:
            big.sendall(b"GET /v2/languages HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"a" * 100_000)
            assert _until_closed(big).startswith(b"HTTP/1.1 400")
    finally:
        for sock in slow:
            sock.close()
        stop_server(process)


class _SlowUpstream(BaseHTTPRequestHandler):
    """A LanguageTool server whose checks hang until the test releases them."""

    release = threading.Event()
    checks = threading.Semaphore(0)

    def do_GET(self) -> None:
        if self.path.startswith("/v2/languages"):
            self._answer(json.dumps([{"name": "German", "code": "de", "longCode": "de-DE"}]).encode())
        else:
            self.checks.release()
            self.release.wait(BOUND)
            self._answer(b'{"matches": []}')

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_languages_answers_while_forwards_wait_on_a_slow_upstream(tmp_path: Path) -> None:
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), _SlowUpstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    _SlowUpstream.release.clear()
    process, url = _server(
        tmp_path, "", env={"QA_LANGUAGETOOL_URL": f"http://127.0.0.1:{upstream.server_port}"}
    )
    try:
        with httpx.Client(base_url=url, timeout=BOUND) as client, ThreadPoolExecutor(50) as pool:
            german = {"language": "de-DE", "text": "Hallo Welt"}
            forwards = [pool.submit(client.get, "/v2/check", params=german) for _ in range(50)]
            for _ in range(16):  # the forwards' own threads are all taken
                assert _SlowUpstream.checks.acquire(timeout=BOUND)
            languages = client.get("/v2/languages")
            assert not any(f.done() for f in forwards)  # they still wait on the upstream
            assert [entry["code"] for entry in languages.json()] == ["hi", "de"]
            _SlowUpstream.release.set()
            assert [f.result(BOUND).status_code for f in forwards] == [200] * 50
    finally:
        _SlowUpstream.release.set()
        stop_server(process)
        upstream.shutdown()
        upstream.server_close()


@pytest.mark.parametrize(
    "host",
    [b"evil.example", b"evil.example:8081", b"127.0.0.1.nip.io", b""],
)
def test_other_host_names_are_refused(qa_server: str, host: bytes) -> None:
    """DNS rebinding: a page on another name pointed at 127.0.0.1 gets nothing."""
    address = urlsplit(qa_server).hostname, urlsplit(qa_server).port
    with socket.create_connection(address, timeout=BOUND) as sock:
        header = b"Host: " + host + b"\r\n" if host else b""
        sock.sendall(b"GET /v2/languages HTTP/1.0\r\n" + header + b"\r\n")
        answer = _until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 400") and b"does not answer for host" in answer


def test_local_host_names_are_answered(qa_server: str) -> None:
    port = urlsplit(qa_server).port
    for host in ("localhost", f"localhost:{port}", f"127.0.0.1:{port}", "LOCALHOST.", f"[::1]:{port}"):
        response = httpx.get(f"{qa_server}/v2/languages", headers={"Host": host}, timeout=BOUND)
        assert response.status_code == 200, host


CMS_SURROGATE = '{"headline": "राष्ट्रपति ने\\u00a0\\ud800कहा"}'  # a lone surrogate escaped in CMS JSON


@pytest.mark.parametrize(
    ("body", "status", "needle"),
    [
        (b'{"text": "\\ud800"}', 422, "lone surrogate U+D800"),
        (b'{"text": NaN}', 422, "text: Input should be a valid string"),
        (b'{"text": "x", "date": NaN}', 422, "date:"),
        (b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", 400, "error parsing the body"),
        (b'{"text": "\xff"}', 400, "error parsing the body"),
        (json.dumps({"text": "[" * 5000, "format": "cms-json"}).encode(), 400, "nested deeper than 100"),
        (json.dumps({"text": "क", "select": ["Q999"]}).encode(), 400, "Q999"),
    ],
)
def test_malformed_native_requests_are_4xx_in_one_line(
    http: httpx.Client, body: bytes, status: int, needle: str
) -> None:
    response = http.post("/api/v1/check", content=body, headers=JSON)
    assert response.status_code == status
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and needle in detail


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"language": "auto", "data": '{"annotation": [{"text": null}]}'}, "'text' must be a string"),
        ({"language": "hi", "data": '{"annotation": [{"markup": "<b>", "text": null}]}'}, "'text' must be"),
        ({"language": "hi", "data": '{"annotation": [{"text": "a", "interpretAs": 5}]}'}, "'interpretAs'"),
        ({"language": "hi", "data": "[" * 50_000}, "nested too deeply"),
        ({"language": "auto", "data": "[" * 50_000}, "nested too deeply"),
    ],
)
def test_malformed_languagetool_requests_are_4xx_in_one_line(
    http: httpx.Client, params: dict[str, str], needle: str
) -> None:
    response = http.post("/v2/check", data=params)
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/plain")
    assert response.text.startswith("Error: ") and "\n" not in response.text and needle in response.text


def test_a_lone_surrogate_in_a_languagetool_json_body_is_answered(http: httpx.Client) -> None:
    bad_language = http.post("/v2/check", content=b'{"language": "\\ud800", "text": "x"}', headers=JSON)
    assert bad_language.status_code == 400 and "'\\ud800'" in bad_language.text
    checked = http.post(
        "/v2/check", content='{"language": "hi", "text": "क ,\\ud800"}'.encode(), headers=JSON
    )
    assert checked.status_code == 200 and [m["rule"]["id"] for m in checked.json()["matches"]] == ["P002"]


@pytest.mark.parametrize(
    "payload",
    [
        {"text": "2" * 4301 + "वां"},  # past int()'s digit limit (F001, F030)
        {"text": "ज़्यादातर शहरों में 80वां स्वतंत्रता दिवस मनाया गया।", "date": "9999-12-31"},  # F030
        {"text": "ज़्यादातर शहरों में 80वां स्वतंत्रता दिवस मनाया गया।", "date": "0001-01-01"},
        {"text": CMS_SURROGATE, "format": "cms-json"},  # U009 quotes the surrogate
    ],
)
def test_inputs_that_crashed_rules_are_checked(http: httpx.Client, payload: dict[str, str]) -> None:
    response = http.post("/api/v1/check", json=payload)
    assert response.status_code == 200, response.text
    assert response.json()["version"] == 1


def test_the_surrogate_quoted_by_u009_stays_escaped(http: httpx.Client) -> None:
    response = http.post("/api/v1/check", json={"text": CMS_SURROGATE, "format": "cms-json"})
    (record,) = [r for r in response.json()["diagnostics"] if r["code"] == "U009"]
    assert "\ud800" in record["message"] and b"\\ud800" in response.content


def test_a_413_keeps_the_connection_for_the_next_request(qa_server: str) -> None:
    """The unread rest of a body over the limit is drained, not taken for the next request's head."""
    address = urlsplit(qa_server).hostname, urlsplit(qa_server).port
    body = b"language=hi&text=" + b"k" * 300_000
    head = f"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n\r\n"
    with socket.create_connection(address, timeout=BOUND) as sock:
        sock.sendall(head.encode() + body)
        sock.sendall(b"GET /v2/healthcheck HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        answers = b""
        while not answers.endswith(b"\r\n\r\nOK") and (chunk := sock.recv(65536)):
            answers += chunk
    assert answers.startswith(b"HTTP/1.1 413") and b"HTTP/1.1 200" in answers and answers.endswith(b"OK")


def test_a_413_body_rest_read_at_once_is_still_drained(tmp_path: Path) -> None:
    """The rest of a refused body, read in one piece larger than any head may be (the server
    is stopped while it arrives), ends the draining: it is body, not the next request's head."""
    (tmp_path / "qa.toml").write_text("[server]\nmax-body-bytes = 20000\n", encoding="utf-8")
    process, url = start_server(tmp_path, env={"QA_LANGUAGETOOL_URL": ""})
    try:
        address = urlsplit(url).hostname, urlsplit(url).port
        body = b"language=hi&text=" + b"k" * 100_000
        head = f"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n\r\n"
        with socket.create_connection(address, timeout=BOUND) as sock:
            sock.sendall(head.encode() + body[:1000])
            answers = b""
            while b"\r\n\r\n" not in answers and (chunk := sock.recv(65536)):
                answers += chunk
            assert answers.startswith(b"HTTP/1.1 413")
            process.send_signal(signal.SIGSTOP)
            rest = body[1000:] + b"GET /v2/healthcheck HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            sending = threading.Thread(target=sock.sendall, args=(rest,))
            sending.start()
            sending.join(timeout=1)
            process.send_signal(signal.SIGCONT)
            sending.join()
            while not answers.endswith(b"\r\n\r\nOK") and (chunk := sock.recv(65536)):
                answers += chunk
    finally:
        process.send_signal(signal.SIGCONT)
        stop_server(process)
    assert b"HTTP/1.1 400" not in answers and b"HTTP/1.1 200" in answers and answers.endswith(b"OK")
