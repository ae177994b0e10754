"""Suppression comments in copy: same line, next line, regions; run through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_qa

SLIP = "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।"  # P002: a space before the comma


SAME_LINE = f"{SLIP} <!-- qa: disable-line P002 -->\n{SLIP}\n"
FILES = {
    # a trailing comment silences its own line only, in every format
    "same.txt": SAME_LINE,
    "same.md": SAME_LINE,
    "same.html": f"<p>{SLIP} <!-- qa: disable-line P002 --></p>\n<p>{SLIP}</p>\n",
    "same.cms.json": json.dumps(  # a JSON line: each field pretty-printed on its own
        {"headline": f"{SLIP} <!-- qa: disable-line P002 -->", "body": SLIP}, ensure_ascii=False, indent=1
    ),
    # a comment on the line before silences the next line
    "next.txt": f"<!-- qa: disable-next-line P002 -->\n{SLIP}\n{SLIP}\n",
    # a prefix silences the family, no code every rule
    "family.txt": f"{SLIP} <!-- qa: disable-line P -->\n",
    "all.txt": f"{SLIP} <!-- qa: disable-line -->\n",
    # a comment that silenced nothing is reported
    "unused.txt": f"{SLIP} <!-- qa: disable-line T002 -->\n",
}


def test_same_line_and_next_line_suppressions(tmp_path: Path) -> None:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_qa("check", "--no-cache", "--format", "json", *FILES, cwd=tmp_path)
    assert result.returncode == 1, result.stderr.decode()
    found: dict[str, list[tuple[str, int]]] = {name: [] for name in FILES}
    for d in json.loads(result.stdout)["diagnostics"]:
        found[d["path"]].append((d["code"], d["line"]))
    assert found == {
        "same.txt": [("P002", 2)],
        "same.md": [("P002", 2)],
        "same.html": [("P002", 2)],
        "same.cms.json": [("P002", 3)],
        "next.txt": [("P002", 3)],
        "family.txt": [],
        "all.txt": [],
        "unused.txt": [("P002", 1), ("S001", 1)],
    }


def test_the_comment_itself_is_never_linted_and_fix_keeps_it(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(f"{SLIP} <!-- qa: disable-line T002 -->\nक,ख\n", encoding="utf-8")
    result = run_qa("check", "--fix", "--no-cache", "story.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stdout.decode()  # only S001 (info) is left
    assert "S001" in result.stdout.decode()
    assert story.read_text(encoding="utf-8") == (
        "ज़्यादा राष्ट्रपति ने कहा, ठीक है। <!-- qa: disable-line T002 -->\nक, ख\n"
    )
