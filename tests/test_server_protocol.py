"""LanguageTool protocol details and server settings, without a server."""

from __future__ import annotations

import os
import time
from pathlib import Path
from urllib.parse import urlencode

import anyio
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa import config
from qa.errors import ConfigError, InputError
from qa.formats import annotation
from qa.server import ltcompat
from qa.server.settings import Settings, normalise_upstream
from qa.server.workers import GRACE, Busy, TooSlow, WorkerPool


def test_form_decoding_matches_the_standard_library() -> None:
    form = {"language": "hi-IN", "text": "राष्ट्रपति ने कहा, 50% ठीक + 😀 & a=b\n \\x41 \\"}
    assert ltcompat.parse_params(urlencode(form).encode(), []) == form
    raw = "text=क\\n%41%+%ZZ".encode()  # raw UTF-8, a backslash, a stray % : decoded as urllib does
    assert ltcompat.parse_params(raw, []) == {"text": "क\\nA% %ZZ"}
    assert ltcompat.parse_params(b"text=%E0%A4%95%E0%A4&language=hi", []) == {
        "text": "क\ufffd",
        "language": "hi",
    }
    assert ltcompat.parse_params(b'{"text": "\\u0915", "language": "hi"}', [("language", "auto")]) == {
        "text": "क",
        "language": "auto",
    }


def test_utf16_offsets_count_astral_characters_twice() -> None:
    text = "😀क🇮🇳ख"
    utf16 = ltcompat.Utf16(text)
    assert [utf16(i) for i in range(len(text) + 1)] == [0, 2, 3, 5, 7, 8]
    assert ltcompat.Utf16("कख")(2) == 2


def test_language_detection_and_annotation_errors() -> None:
    assert ltcompat.wants_hindi({"language": "auto", "text": "राष्ट्रपति ने कहा (PTI)"})
    assert ltcompat.wants_hindi({"language": "auto", "text": "The president said राष्ट्रपति"})  # mixed
    assert not ltcompat.wants_hindi({"language": "auto", "text": "The president said so."})
    assert ltcompat.wants_hindi({"language": "HI_in", "text": "x"})
    for data in (
        '{"annotation": [{"text": "a", "markup": "b"}]}',
        "[1]",
        '{"annotation": [{"text": "a", "interpretAs": "b"}]}',
    ):
        with pytest.raises(InputError):
            annotation.read(data)
    doc = annotation.read('{"annotation": [{"markup": "<p>", "interpretAs": "\\n\\n"}, {"text": "क"}]}')
    assert (doc.source, doc.view) == ("<p>क", "\n\nक")


def test_server_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "qa.toml"
    path.write_text(
        '[server]\ntimeout = 2.5\ncors-origins = ["https://cms.example"]\n[languagetool]\nurl = "http://lt:8010/v2/"\n'
    )
    monkeypatch.delenv("QA_LANGUAGETOOL_URL", raising=False)
    settings = Settings.from_config(config.load(path))
    assert (settings.timeout, settings.cors_origins, settings.upstream) == (
        2.5,
        ("https://cms.example",),
        "http://lt:8010",
    )
    monkeypatch.setenv("QA_LANGUAGETOOL_URL", "http://other:8081")
    assert Settings.from_config(config.load(path)).upstream == "http://other:8081"
    for bad in (
        "timeout = 0",
        "timeout = nan",
        "header-timeout = inf",
        "concurrency = true",
        "max-connections = 0",
        "cors-origins = '*'",
        "allowed-hosts = [1]",
        "port = 1",
    ):
        path.write_text(f"[server]\n{bad}\n")
        with pytest.raises(ConfigError):
            Settings.from_config(config.load(path))
    path.write_text('[server]\nallowed-hosts = ["qa.newsroom.lan"]\nbody-timeout = 5\n')
    settings = Settings.from_config(config.load(path))
    assert (settings.allowed_hosts, settings.body_timeout) == (("qa.newsroom.lan",), 5)
    assert normalise_upstream("") is None and normalise_upstream("http://h:1/") == "http://h:1"


@given(st.text(alphabet=st.sampled_from("क्षि \r\n\u200daॅ")))
def test_sentences_and_contexts_are_one_line(text: str) -> None:
    assert ltcompat._one_line(text) == text.translate(str.maketrans("\r\n", "  "))


def _sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def test_worker_pool_kills_what_runs_past_the_deadline() -> None:
    """Real worker processes: one slot, a queue of one, 0.5 s each."""
    pool = WorkerPool(_sleep, size=1, queue=1, timeout=0.5)
    first = pool.pids[0]

    async def call(seconds: float, outcomes: list[str]) -> None:
        try:
            outcomes.append(f"done {await pool.run(seconds)}")
        except TooSlow:
            outcomes.append("too slow")
        except Busy:
            outcomes.append("busy")

    async def scenario() -> list[str]:
        outcomes: list[str] = []
        async with anyio.create_task_group() as group:
            group.start_soon(call, 60.0, outcomes)  # would hold the slot for a minute
            await anyio.sleep(0.1)
            group.start_soon(call, 60.0, outcomes)  # waits for the slot, then runs past its deadline
            await anyio.sleep(0.1)
            group.start_soon(call, 0.0, outcomes)  # the queue (of one) is taken
        assert pool.waiting == 0
        await call(0.0, outcomes)  # the slot is free again at once: its worker was replaced
        return outcomes

    try:
        assert anyio.run(scenario) == ["busy", "too slow", "too slow", "done 0.0"]
        assert pool.pids != [first]
        with pytest.raises(ProcessLookupError):
            os.kill(first, 0)
    finally:
        pool.close()


def _span(seconds: float) -> tuple[float, float]:
    """When a worker began and ended sleeping ``seconds`` (the monotonic clock is the machine's)."""
    start = time.monotonic()
    time.sleep(seconds)
    return start, time.monotonic()


def test_worker_pool_runs_one_check_per_core_until_one_runs_long() -> None:
    """Two workers, one core: short checks take turns; a check past the grace period stops
    counting, so the next one runs beside it instead of waiting for its deadline."""
    pool = WorkerPool(_span, size=2, queue=4, timeout=10, cores=1)

    async def both(first: float, second: float) -> list[tuple[float, float]]:
        """Spans of a check of ``first`` seconds and one of ``second`` asked 20 ms later."""
        spans: list[tuple[float, float]] = []

        async def one(seconds: float, delay: float) -> None:
            await anyio.sleep(delay)
            spans.append(await pool.run(seconds))

        async with anyio.create_task_group() as group:
            group.start_soon(one, first, 0.0)
            group.start_soon(one, second, 0.02)
        return sorted(spans)

    async def scenario() -> None:
        short, after = await both(0.1, 0.0)
        assert short[1] <= after[0]  # one after the other
        long, beside = await both(GRACE + 1.0, 0.0)
        # after the grace (counted from the dispatch, a few ms before the worker's own clock
        # starts: half of it is a bound no scheduling delay crosses), and beside it
        assert long[0] + GRACE / 2 <= beside[0] and beside[1] < long[1]

    try:
        anyio.run(scenario)
    finally:
        pool.close()


_JOBS: list[str] = []


def _remember(job: str) -> list[str]:
    _JOBS.append(job)
    return list(_JOBS)


def test_a_new_worker_rehearses_before_its_first_job() -> None:
    pool = WorkerPool(_remember, size=1, queue=1, timeout=10, rehearsal=("sample", "other"))
    try:
        assert anyio.run(pool.run, "request") == ["sample", "other", "request"]
    finally:
        pool.close()


def test_qa_check_never_imports_the_web_stack() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from click.testing import CliRunner; from qa.cli import cli; "
        "CliRunner().invoke(cli, ['check', '-', '--input-format', 'html'], input='<p>क ,ख</p>'); "
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette', 'anyio') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
