"""Suppression comments in copy: same line, next line, regions; run through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_qa

SLIP = "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।"  # P002: a space before the comma


def _codes(tmp_path: Path, name: str, text: str) -> list[tuple[str, int]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_qa("check", "--no-cache", "--format", "json", name, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr.decode()
    return [(d["code"], d["line"]) for d in json.loads(result.stdout)["diagnostics"]]


@pytest.mark.parametrize("name", ["story.txt", "story.md", "story.html"])
def test_a_trailing_comment_silences_its_own_line_only(tmp_path: Path, name: str) -> None:
    text = f"{SLIP} <!-- qa: disable-line P002 -->\n{SLIP}\n"
    if name.endswith(".html"):
        text = f"<p>{SLIP} <!-- qa: disable-line P002 --></p>\n<p>{SLIP}</p>\n"
    assert _codes(tmp_path, name, text) == [("P002", 2)]


def test_a_comment_on_the_line_before_silences_the_next_line(tmp_path: Path) -> None:
    text = f"<!-- qa: disable-next-line P002 -->\n{SLIP}\n{SLIP}\n"
    assert _codes(tmp_path, "story.txt", text) == [("P002", 3)]


def test_a_prefix_or_no_code_silences_the_family_or_everything(tmp_path: Path) -> None:
    assert _codes(tmp_path, "a.txt", f"{SLIP} <!-- qa: disable-line P -->\n") == []
    assert _codes(tmp_path, "b.txt", f"{SLIP} <!-- qa: disable-line -->\n") == []


def test_an_unused_same_line_comment_is_reported(tmp_path: Path) -> None:
    found = _codes(tmp_path, "story.txt", f"{SLIP} <!-- qa: disable-line T002 -->\n")
    assert found == [("P002", 1), ("S001", 1)]


def test_the_comment_itself_is_never_linted_and_fix_keeps_it(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(f"{SLIP} <!-- qa: disable-line T002 -->\nक,ख\n", encoding="utf-8")
    result = run_qa("check", "--fix", "--no-cache", "story.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stdout.decode()  # only S001 (info) is left
    assert "S001" in result.stdout.decode()
    assert story.read_text(encoding="utf-8") == (
        "ज़्यादा राष्ट्रपति ने कहा, ठीक है। <!-- qa: disable-line T002 -->\nक, ख\n"
    )
