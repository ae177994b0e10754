"""Every face of qa gives the same findings for the same input, byte for byte.

The library session is the reference; the CLI and the pre-commit hook's entry run as
subprocesses, ``qa serve`` (native and LanguageTool ``/v2``) on a real loopback port.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml

from qa.api import Session
from qa.diagnostic import FileResult
from qa.report import formatter
from qa.report.json import records
from qa.server.service import json_bytes
from tests.conftest import ROOT, SEED

#: Findings of several families, with matras, nukta and conjuncts before each error.
LINES = (
    "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।\n"
    "प्रधानमंत्री नरेंद्र मोदी ने  कहा कि 21वी सदी भारत की है ।\n"
    "राष्ट्रपति डोनाल्ड ट्रंप अमेरिका के 47वें राष्ट्रपति हैं, हालांकि,बातचीत जारी रही।\n"
    "क्रिकेटर सुरेश रैना और सुरेश रेना ने अख़बार पढ़ा।\n"
)
TEXTS = {"story.txt": SEED.read_text(encoding="utf-8"), "lines.txt": LINES}


@pytest.fixture(scope="module")
def session() -> Session:
    return Session()


def _post(url: str, body: bytes, content_type: str) -> bytes:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=120) as response:
        return bytes(response.read())


def _hook_entry() -> list[str]:
    """The command pre-commit runs for the ``qa-check`` hook (before the file names)."""
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = shlex.split(next(h["entry"] for h in hooks if h["id"] == "qa-check"))
    assert entry[0] == "qa"
    return [sys.executable, "-m", "qa.cli", *entry[1:]]


def _run(args: list[str], cwd: Path) -> bytes:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_cli_and_hook_entry_match_the_session(name: str, session: Session, tmp_path: Path) -> None:
    text = TEXTS[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    expected = session.check(text, path=name)
    assert expected.diagnostics, "the input must have findings to compare"
    rules = session.rules()
    cli = _run([sys.executable, "-m", "qa.cli", "check", "--format", "json", name], tmp_path)
    assert cli == formatter("json")([expected], rules).encode()
    hook = _run([*_hook_entry(), name], tmp_path)
    assert hook == formatter("text")([expected], rules).encode()


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_serve_native_and_v2_match_the_session(name: str, session: Session, qa_server: str) -> None:
    text = TEXTS[name]
    expected = session.check(text)
    native = _post(f"{qa_server}/api/v1/check", json.dumps({"text": text}).encode(), "application/json")
    assert native == json_bytes({"version": 1, "diagnostics": records([expected])})
    body = urllib.parse.urlencode({"language": "hi-IN", "text": text}).encode()
    matches = json.loads(_post(f"{qa_server}/v2/check", body, "application/x-www-form-urlencoded"))["matches"]
    found = [(m["rule"]["id"], m["offset"], m["length"], m["message"]) for m in matches]
    assert found == [(d.code, d.start, d.end - d.start, d.message) for d in expected.diagnostics]


def test_session_fix_matches_cli_fix(session: Session, tmp_path: Path) -> None:
    fixed = session.fix(LINES, path="lines.txt")
    assert fixed.applied and fixed.text != LINES
    (tmp_path / "lines.txt").write_text(LINES, encoding="utf-8")
    _run([sys.executable, "-m", "qa.cli", "check", "--fix", "--exit-zero", "lines.txt"], tmp_path)
    assert (tmp_path / "lines.txt").read_text(encoding="utf-8") == fixed.text
    assert (
        FileResult("lines.txt", fixed.text, fixed.remaining).diagnostics
        == session.check(fixed.text).diagnostics
    )
