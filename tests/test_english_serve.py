"""``qa serve`` in front of a real LanguageTool server: one URL for a bilingual newsroom."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import server_fixture

from qa import languagetool as lt


def _check(url: str, **form: str) -> dict[str, Any]:
    data = urllib.parse.urlencode(form).encode()
    with urllib.request.urlopen(f"{url}/v2/check", data=data, timeout=120) as response:
        result: dict[str, Any] = json.load(response)
        return result


@pytest.mark.languagetool
def test_serve_forwards_other_languages_upstream(languagetool_server: lt.Server, tmp_path: Path) -> None:
    process, url = server_fixture.start_server(tmp_path, env={lt.ENV_URL: languagetool_server.url})
    try:
        english = _check(url, language="en-US", text="This is a example of the problem.")
        direct = _check(languagetool_server.url, language="en-US", text="This is a example of the problem.")
        assert [m["rule"]["id"] for m in english["matches"]] == [m["rule"]["id"] for m in direct["matches"]]
        assert "EN_A_VS_AN" in {m["rule"]["id"] for m in english["matches"]}

        hindi = _check(url, language="hi-IN", text="ज़्यादा राष्ट्रपति ने कहा कि हालांकि,बातचीत जारी है।")
        assert any(m["offset"] == 36 for m in hindi["matches"]), hindi["matches"]  # qa's own rules

        with urllib.request.urlopen(f"{url}/v2/languages", timeout=30) as response:
            codes = {entry["longCode"] for entry in json.load(response)}
        assert {"en-US", "en-GB"} <= codes and any(code.startswith("hi") for code in codes)
    finally:
        server_fixture.stop_server(process)
