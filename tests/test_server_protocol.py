"""LanguageTool protocol details and server settings, without a server."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest

from qa import config
from qa.errors import ConfigError
from qa.server import ltcompat
from qa.server.settings import Settings, normalise_upstream


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
    assert not ltcompat.wants_hindi({"language": "auto", "text": "The president said राष्ट्रपति"})
    assert ltcompat.wants_hindi({"language": "HI_in", "text": "x"})
    for data in (
        '{"annotation": [{"text": "a", "markup": "b"}]}',
        "[1]",
        '{"annotation": [{"text": "a", "interpretAs": "b"}]}',
    ):
        with pytest.raises(ltcompat.ParamError):
            ltcompat.annotation_document(data)
    doc = ltcompat.annotation_document(
        '{"annotation": [{"markup": "<p>", "interpretAs": "\\n\\n"}, {"text": "क"}]}'
    )
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
    for bad in ("timeout = 0", "concurrency = true", "cors-origins = '*'", "port = 1"):
        path.write_text(f"[server]\n{bad}\n")
        with pytest.raises(ConfigError):
            Settings.from_config(config.load(path))
    assert normalise_upstream("") is None and normalise_upstream("http://h:1/") == "http://h:1"


def test_gate_bounds_time_and_queue() -> None:
    import time

    import anyio

    from qa.server.limits import Busy, Gate, TooSlow

    async def scenario() -> list[str]:
        gate = Gate(concurrency=1, queue=1, timeout=0.2)
        outcomes: list[str] = []

        async def call(seconds: float) -> None:
            try:
                await gate.run(time.sleep, seconds)
                outcomes.append("done")
            except TooSlow:
                outcomes.append("too slow")
            except Busy:
                outcomes.append("busy")

        async with anyio.create_task_group() as group:
            group.start_soon(call, 1.0)
            await anyio.sleep(0.05)
            group.start_soon(call, 0.0)  # the queue (of one) is taken by the slow call
        assert gate.pending == 0
        await call(0.0)  # the abandoned check still holds the only slot
        await anyio.sleep(1.0)
        await call(0.0)
        return outcomes

    assert anyio.run(scenario) == ["busy", "too slow", "too slow", "done"]


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
