"""``qa serve`` with real LanguageTool clients over loopback: language_tool_python and pyLanguagetool."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import language_tool_python
import pytest

COPY = "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।\nदूसरी  पंक्ति है।"
FIXED = "ज़्यादा राष्ट्रपति ने कहा, ठीक है।\nदूसरी पंक्ति है।"


@pytest.fixture
def tool(qa_server: str):
    with language_tool_python.LanguageTool("hi-IN", remote_server=qa_server) as client:
        yield client


def test_check_reports_our_rules_at_exact_offsets(tool: language_tool_python.LanguageTool) -> None:
    matches = tool.check(COPY)
    assert [(m.rule_id, m.offset, m.error_length) for m in matches] == [
        ("P002", COPY.index(" ,"), 2),
        ("P004", COPY.index("  "), 2),
    ]
    first = matches[0]
    assert first.replacements == [","] and first.category == "TYPOGRAPHY"
    assert first.rule_issue_type == "whitespace" and first.sentence == "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।"
    assert first.matched_text == " ,"


def test_emoji_before_the_error_keeps_offsets_exact(tool: language_tool_python.LanguageTool) -> None:
    text = "🙂🇮🇳 " + COPY  # three astral characters: six UTF-16 code units
    (match, _) = tool.check(text)
    assert text[match.offset : match.offset + match.error_length] == " ,"


def test_correct_applies_the_replacements(tool: language_tool_python.LanguageTool) -> None:
    once = tool.correct(COPY)  # one pass: the comma is now glued to the next word
    assert once == "ज़्यादा राष्ट्रपति ने कहा,ठीक है।\nदूसरी पंक्ति है।"
    assert tool.correct(once) == FIXED
    assert tool.check(FIXED) == []


def test_rule_selection_through_the_client(qa_server: str) -> None:
    with language_tool_python.LanguageTool("hi", remote_server=qa_server) as tool:
        tool.disabled_rules.update({"P002"})
        assert [m.rule_id for m in tool.check(COPY)] == ["P004"]
        tool.disabled_rules.clear()
        tool.enabled_rules.update({"repeated-spaces"})
        tool.enabled_rules_only = True
        assert [m.rule_id for m in tool.check(COPY)] == ["P004"]


def test_pylanguagetool_cli(qa_server: str, tmp_path: Path) -> None:
    executable = shutil.which("pylanguagetool", path=os.path.dirname(sys.executable)) or shutil.which(
        "pylanguagetool"
    )
    if executable is None:
        pytest.skip("pylanguagetool is not installed (it is in the test extra)")
    story = tmp_path / "story.txt"
    story.write_text(COPY, encoding="utf-8")
    result = subprocess.run(
        [executable, "--no-color", "-r", "-a", f"{qa_server}/v2/", "-l", "hi-IN", str(story)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode != 0, result.stdout + result.stderr  # it exits non-zero when it finds matches
    out = result.stdout
    assert "space before ','" in out and "P002" in out and "P004" in out
    clean = tmp_path / "clean.txt"
    clean.write_text(FIXED, encoding="utf-8")
    result = subprocess.run(
        [executable, "--no-color", "-a", f"{qa_server}/v2/", "-l", "hi-IN", str(clean)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
