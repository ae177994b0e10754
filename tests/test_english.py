"""Family E against a real LanguageTool server (see languagetool_fixture.py)."""

from __future__ import annotations

import http.server
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from languagetool_fixture import report

from qa import api
from qa import languagetool as lt
from qa.checks.english import english_runs
from qa.config import Config
from qa.document import OBJECT
from qa.text.tokenize import DEVANAGARI

ROOT = Path(__file__).resolve().parent.parent
MIXED = ROOT / "fixtures" / "articles" / "mixed-english.md"


def _config(url: str, **languagetool: str) -> Config:
    config = Config()
    config.values["languagetool"] = {"url": url, **languagetool}
    return config


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("मंत्री ने कहा: This is a test of the system. फिर", ["This is a test of the system."]),
        ("ख़बर Reserve Bank of India और NITI Aayog की है।", []),
        ("NATO, UN और WHO के प्रतिनिधि", []),
        ("Apple iPhone 15 Pro Max बाज़ार में", []),
        ("शीर्षक: corona kab tak khatam hoga, जानिए", []),  # romanised Hindi is not English
        (f"देखें {OBJECT} पर ख़बर", []),
        (
            "the first paragraph is here.\n\nThe second one is here too.",
            ["the first paragraph is here.", "The second one is here too."],
        ),
        (
            "a wrapped line of English\ncontinues on the next line.",
            ["a wrapped line of English\ncontinues on the next line."],
        ),
    ],
)
def test_only_latin_prose_is_a_run(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in english_runs(text)] == expected


def test_runs_never_contain_devanagari() -> None:
    text = MIXED.read_text(encoding="utf-8")
    runs = english_runs(text)
    assert len(runs) == 3
    assert not any(DEVANAGARI.search(text[s:e]) for s, e in runs)


def test_inert_without_a_server() -> None:
    text = MIXED.read_text(encoding="utf-8")
    assert [d for d in api.check(text, path=MIXED.name, config=Config()) if d.code == "E001"] == []


@pytest.mark.languagetool
def test_mixed_article_findings(languagetool_server: lt.Server, pytestconfig: pytest.Config) -> None:
    text = MIXED.read_text(encoding="utf-8")
    config = _config(languagetool_server.url)
    began = time.perf_counter()
    found = [d for d in api.check(text, path=MIXED.name, config=config) if d.code == "E001"]
    seconds = time.perf_counter() - began
    report(pytestconfig, f"E001 on {MIXED.name} ({len(text)} characters): {seconds * 1000:.0f} ms")
    for d in found:
        report(pytestconfig, f"  {text[d.start : d.end]!r:14} {d.severity} {d.message}")
    runs = english_runs(api.document(text, path=MIXED.name).view)
    assert all(any(s <= d.start and d.end <= e for s, e in runs) for d in found)
    flagged = {text[d.start : d.end].strip() for d in found}
    assert {"it's", "expects", "a"} <= flagged  # three of the planted errors
    assert all("(LanguageTool " in d.message for d in found)
    assert not any(DEVANAGARI.search(text[d.start : d.end]) for d in found)


@pytest.mark.languagetool
def test_check_latency(languagetool_server: lt.Server, pytestconfig: pytest.Config) -> None:
    config = _config(languagetool_server.url)
    text = "ज़्यादा राष्ट्रपति ने कहा: This is a example of the problem that we has seen."
    times = []
    for _ in range(5):
        began = time.perf_counter()
        found = api.check(text, config=config)
        times.append(time.perf_counter() - began)
    median = sorted(times)[2] * 1000
    report(pytestconfig, f"LanguageTool check latency (warm, one sentence): median {median:.0f} ms")
    assert {text[d.start : d.end] for d in found if d.code == "E001"} >= {"a"}


@pytest.mark.languagetool
def test_unsafe_fix_takes_the_first_suggestion(languagetool_server: lt.Server) -> None:
    text = "ज़्यादा राष्ट्रपति ने कहा: This is a example of the problem."
    config = _config(languagetool_server.url)
    assert api.fix(text, config=config, select=["E001"]).text == text  # never a safe fix
    fixed = api.fix(text, config=config, select=["E001"], unsafe=True).text
    assert fixed == text.replace("a example", "an example")


@pytest.mark.languagetool
def test_british_english_is_configurable(languagetool_server: lt.Server) -> None:
    us = "ख़बर में लिखा था: the colour of the flag was changed by the new committee."
    gb = us.replace("colour", "color")
    url = languagetool_server.url
    assert [d.code for d in api.check(us, config=_config(url))] == ["E001"]
    assert api.check(us, config=_config(url, language="en-GB")) == []
    assert [d.code for d in api.check(gb, config=_config(url, language="en-GB"))] == ["E001"]


@pytest.fixture
def recording_proxy(languagetool_server: lt.Server) -> Iterator[tuple[str, list[dict[str, list[str]]]]]:
    """A pass-through HTTP proxy in front of the real server that keeps every form it forwards."""
    seen: list[dict[str, list[str]]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _forward(self, body: bytes | None) -> None:
            if body:
                seen.append(urllib.parse.parse_qs(body.decode()))
            with urllib.request.urlopen(languagetool_server.url + self.path, data=body) as upstream:
                payload = upstream.read()
                self.send_response(upstream.status)
                self.send_header("Content-Type", upstream.headers["Content-Type"])
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            self._forward(None)

        def do_POST(self) -> None:
            self._forward(self.rfile.read(int(self.headers["Content-Length"])))

        def log_message(self, *args: object) -> None:
            pass

    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{proxy.server_address[1]}", seen
    proxy.shutdown()
    proxy.server_close()


@pytest.mark.languagetool
def test_devanagari_is_never_sent(recording_proxy: tuple[str, list[dict[str, list[str]]]]) -> None:
    url, seen = recording_proxy
    text = MIXED.read_text(encoding="utf-8")
    found = [d for d in api.check(text, path=MIXED.name, config=_config(url)) if d.code == "E001"]
    sent = [form["text"][0] for form in seen if "text" in form]
    assert found and len(sent) == 1  # one request per document
    assert not DEVANAGARI.search(sent[0])
    assert "India have always kept" in sent[0] and "Reserve Bank" not in sent[0]


def test_unreachable_server_warns_once_and_lints_on(qa_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(lt.ENV_URL, f"http://127.0.0.1:{lt.free_port()}")
    seed = ROOT / "fixtures" / "articles" / "putin-xi-call.txt"
    done = qa_cli("check", "--exit-zero", "--format", "json", str(MIXED), str(seed), str(MIXED))
    stderr = done.stderr.decode()
    assert done.returncode == 0, stderr
    assert stderr.count("LanguageTool at http://127.0.0.1:") == 1, stderr
    assert "English passages are not checked" in stderr
    assert b'"code"' in done.stdout  # the other rules still reported


def test_install_without_maven_says_what_is_missing(
    qa_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(lt.ENV_HOME, str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))  # no Maven, no Java
    done = qa_cli("languagetool", "install")
    assert done.returncode == 2
    assert b"needs 'mvn' on PATH" in done.stderr
    assert lt.home().parent == tmp_path


def test_bad_languagetool_settings_are_a_config_error(qa_cli, tmp_path: Path) -> None:
    config = tmp_path / "qa.toml"
    config.write_text('[languagetool]\nurl = "http://127.0.0.1:9"\nmin-words = "four"\n', encoding="utf-8")
    done = qa_cli("check", "--config", str(config), str(MIXED))
    assert done.returncode == 2
    expected = "qa: error: [tool.qa.languagetool]: 'min-words' must be a whole number"
    assert done.stderr.decode().strip() == expected
