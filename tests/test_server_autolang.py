"""``language=auto`` on mixed Hindi/English copy: qa's matches and upstream LanguageTool's, merged."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import server_fixture

from qa import languagetool as lt

#: An emoji (two UTF-16 units) before both findings; a Hindi comma slip, then English with a slip.
MIXED = "🙏 हालांकि,बातचीत हुई। He said: this is a example of the problem. फिर बात हुई।"


def _check(url: str, **form: str) -> dict[str, Any]:
    data = urllib.parse.urlencode(form).encode()
    with urllib.request.urlopen(f"{url}/v2/check", data=data, timeout=120) as response:
        result: dict[str, Any] = json.load(response)
        return result


def _utf16(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


@pytest.mark.languagetool
def test_auto_checks_hindi_here_and_english_upstream(languagetool_server: lt.Server, tmp_path: Path) -> None:
    process, url = server_fixture.start_server(tmp_path, env={lt.ENV_URL: languagetool_server.url})
    try:
        answer = _check(url, language="auto", text=MIXED)
    finally:
        server_fixture.stop_server(process)
    matches = answer["matches"]
    found = {(m["rule"]["id"], _utf16(MIXED, m["offset"], m["length"])) for m in matches}
    assert ("P001", ",") in found  # qa's
    assert ("EN_A_VS_AN", "a") in found  # LanguageTool's, at its place in the whole text
    assert [m["offset"] for m in matches] == sorted(m["offset"] for m in matches)
    assert answer["warnings"]["incompleteResults"] is False


def test_auto_with_upstream_down_is_incomplete_not_wrong(tmp_path: Path) -> None:
    down = f"http://127.0.0.1:{server_fixture.free_port()}"
    process, url = server_fixture.start_server(tmp_path, env={lt.ENV_URL: down})
    try:
        answer = _check(url, language="auto", text=MIXED)
        hindi_only = _check(url, language="auto", text="हालांकि,बातचीत हुई।")
    finally:
        server_fixture.stop_server(process)
    assert {m["rule"]["id"] for m in answer["matches"]} == {"P001"}
    assert answer["warnings"]["incompleteResults"] is True
    assert hindi_only["warnings"]["incompleteResults"] is False  # nothing was sent upstream


def test_auto_without_upstream_answers_for_the_hindi(qa_server: str) -> None:
    answer = _check(qa_server, language="auto", text=MIXED)
    assert {m["rule"]["id"] for m in answer["matches"]} == {"P001"}
    assert answer["warnings"]["incompleteResults"] is False
