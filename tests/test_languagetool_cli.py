"""``qa languagetool start`` and E001's messages, with real processes and sockets."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from languagetool_fixture import unavailable

from qa import languagetool as lt
from qa.resident.control import alive

from conftest import ROOT, ctrl_c_as_in_a_terminal, run_qa

MIXED = ROOT / "fixtures" / "articles" / "mixed-english.md"


def test_a_busy_port_is_one_line_and_exit_2() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = run_qa("languagetool", "start", "--no-install", "--port", str(port))
    assert done.returncode == 2
    assert done.stderr.decode() == f"qa: error: port {port} is in use (choose another with --port)\n"


def test_default_port_is_not_qa_serves() -> None:
    def help_text(*command: str) -> str:
        return " ".join(run_qa(*command, "--help").stdout.decode().split())

    assert f"[default: {lt.DEFAULT_PORT};" in help_text("languagetool", "start") and lt.DEFAULT_PORT != 8081
    assert "[default: 8081;" in help_text("serve")


def test_a_server_that_is_down_is_one_clear_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"http://127.0.0.1:{lt.free_port()}"
    monkeypatch.setenv(lt.ENV_URL, url)
    done = run_qa("check", "--exit-zero", str(MIXED))
    lines = done.stderr.decode().splitlines()
    assert lines == [
        f"qa: warning: LanguageTool at {url} is unreachable (connection refused); "
        "English passages are not checked in this run"
    ]


def test_statistics_and_explain_say_e001_needs_a_server() -> None:
    done = run_qa("check", "--statistics", "--exit-zero", str(MIXED))
    note = "qa: note: E001 needs a server: set [tool.qa.languagetool] url or QA_LANGUAGETOOL_URL"
    assert done.stderr.decode().startswith(note) and done.stderr.decode().count("\n") == 1
    assert done.stdout.decode().splitlines()[-1].startswith("All clear")  # stdout keeps its shape
    ignored = run_qa("check", "--statistics", "--exit-zero", "--ignore", "E001", str(MIXED))
    assert ignored.stderr == b""
    assert "E001 needs a server" in run_qa("explain", "E001").stdout.decode()


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _answers(port: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        if lt.unreachable(f"http://127.0.0.1:{port}", timeout=1) is None:
            return True
        time.sleep(0.2)
    return False


@pytest.mark.languagetool
@pytest.mark.parametrize(
    ("signum", "when"), [(signal.SIGTERM, "answering"), (signal.SIGINT, "starting")], ids=["term", "int"]
)
def test_a_signal_stops_java_too(signum: int, when: str) -> None:
    try:
        lt.install()
    except lt.LanguageToolError as exc:
        unavailable(f"no LanguageTool: {exc}")
    port = lt.free_port()
    env = {**os.environ, "NO_COLOR": "1"}
    # The console script users run, not ``python -m qa.cli``: under ``-m``, CPython 3.11 ends a run
    # with a signal death (-2) if a Ctrl-C ever landed inside a string ``exec`` (a dataclass or
    # namedtuple being built by a lazy import), even after click caught it and exited 1.
    qa = subprocess.Popen(
        [str(Path(sys.executable).with_name("qa")), "languagetool", "start", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=ctrl_c_as_in_a_terminal,
    )
    try:
        deadline = time.monotonic() + 120
        while not (java := _children(qa.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert java, "Java did not start"
        if when == "answering":
            assert lt.unreachable(f"http://127.0.0.1:{port}", timeout=1) is None or _answers(port, deadline)
        qa.send_signal(signum)
        code = qa.wait(timeout=60)
    finally:
        if qa.poll() is None:
            qa.kill()
            qa.wait()
    errors = qa.stderr.read().decode()  # type: ignore[union-attr]
    assert code == (128 + signum if signum == signal.SIGTERM else 1), errors  # Ctrl-C: click's "Aborted!"
    assert not any(map(alive, java)), "Java outlived qa"
    assert "Traceback" not in errors
