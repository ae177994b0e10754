"""``qa lsp`` end to end: a real LSP client talks to the server process over stdio."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed")

from lsp_client import editor, run
from lsprotocol import types as lsp

from qa import api
from qa.links import rule_url
from qa.lsp.positions import Positions
from qa.text.lines import LineIndex

from conftest import SEED

EMOJI = "🙏"  # outside the BMP: two UTF-16 units, one code point


def _seed(tmp_path: Path, prefix: str = "", name: str = "story.txt") -> Path:
    story = tmp_path / name
    story.write_text(prefix + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return story


def _expected(path: Path) -> list[tuple[str, int, int, int, int]]:
    """(code, line, column, end line, end column), 0-based, columns in code points."""
    text = path.read_text(encoding="utf-8")
    lines = LineIndex(text)
    listed = []
    for d in api.check(text, path=path.name):
        (line, column), (end_line, end_column) = lines.position(d.start), lines.position(d.end)
        listed.append((d.code, line - 1, column - 1, end_line - 1, end_column - 1))
    return sorted(listed)


def _at(d: lsp.Diagnostic) -> tuple[str, int, int, int, int]:
    r = d.range
    return (str(d.code), r.start.line, r.start.character, r.end.line, r.end.character)


def test_seed_diagnostics_at_exact_utf16_positions(tmp_path: Path) -> None:
    story = _seed(tmp_path)
    emoji = _seed(tmp_path, prefix=f"{EMOJI}{EMOJI} ", name="emoji.txt")
    expected = _expected(story)
    assert {e[0] for e in expected} >= {"P001", "T003", "N005"}
    # two astral characters before every finding: two more UTF-16 units than code points
    shifted = [
        (c, line, col + 2, end_line, end_col + 2) for c, line, col, end_line, end_col in _expected(emoji)
    ]

    async def scenario() -> None:
        async with editor(tmp_path) as session:
            uri = session.open(story)
            found = await session.diagnostics(uri, version=1)
            assert sorted(map(_at, found)) == expected  # the seed is all BMP: units == code points
            comma = next(d for d in found if d.code == "P001")
            assert comma.severity == lsp.DiagnosticSeverity.Error
            assert comma.source == "qa"
            assert comma.code_description is not None
            assert comma.code_description.href == rule_url("P001", "missing-space-after-comma")

            uri = session.open(emoji)
            found = await session.diagnostics(uri, version=1)
            assert sorted(map(_at, found)) == shifted
            comma = next(d for d in found if d.code == "P001")
            line = session.texts[uri].split("\n")[0].encode("utf-16-le")  # the client's own arithmetic
            start, end = comma.range.start.character, comma.range.end.character
            assert line[2 * start : 2 * end].decode("utf-16-le") == ","

    run(scenario)


def test_fixes_and_ignore_actions_make_their_diagnostics_go(tmp_path: Path) -> None:
    story = _seed(tmp_path)

    async def scenario() -> None:
        async with editor(tmp_path) as session:
            uri = session.open(story)
            found = await session.diagnostics(uri, version=1)
            codes = {d.code for d in found}
            comma = next(d for d in found if d.code == "P001")
            offered = await session.actions(uri, comma.range)
            fix = next(a for a in offered if a.title.startswith("Fix P001"))
            assert fix.is_preferred and fix.kind == lsp.CodeActionKind.QuickFix
            assert "(unsafe)" not in fix.title
            assert any(a.title.startswith("Ignore P001") for a in offered)
            version = session.edit(uri, _edits(fix))
            assert "हालांकि, बातचीत" in session.texts[uri]
            after = await session.diagnostics(uri, version=version)
            assert {d.code for d in after} == codes - {"P001"}

            slip = next(d for d in after if d.code == "T003")
            offered = await session.actions(uri, slip.range)
            unsafe = next(a for a in offered if a.title.startswith("Fix T003"))
            assert unsafe.title.endswith("(unsafe)") and not unsafe.is_preferred and "के" in unsafe.title
            ignore = next(a for a in offered if a.title.startswith("Ignore T003"))
            version = session.edit(uri, _edits(ignore))
            same_line = session.texts[uri].split("\n")[0].endswith(" <!-- qa: disable-line T003 -->")
            assert same_line or session.texts[uri].startswith("<!-- qa: disable-next-line T003 -->\n")
            after = await session.diagnostics(uri, version=version)
            assert {d.code for d in after} == codes - {"P001", "T003"}  # the comment itself is not linted

    run(scenario)


def _edits(action: lsp.CodeAction) -> list[lsp.TextEdit]:
    assert action.edit is not None and action.edit.document_changes
    change = action.edit.document_changes[0]
    assert isinstance(change, lsp.TextDocumentEdit)
    return [e for e in change.edits if isinstance(e, lsp.TextEdit)]


def test_workspace_config_markdown_and_rapid_edits(tmp_path: Path) -> None:
    (tmp_path / "qa.toml").write_text('ignore = ["N005"]\n', encoding="utf-8")
    shutil.copy(SEED, tmp_path / "story.md")
    markdown = "# शीर्षक\n\nहालांकि,बातचीत का समय तय था। [लिंक](https://example.com/a,b)\n"

    async def scenario() -> None:
        async with editor(tmp_path) as session:
            uri = session.open(tmp_path / "story.md", language_id="markdown")
            codes = {d.code for d in await session.diagnostics(uri, version=1)}
            assert "N005" not in codes and "P001" in codes
            version = session.replace_all(uri, markdown)
            found = await session.diagnostics(uri, version=version)
            assert [(d.code, d.range.start.line, d.range.start.character) for d in found] == [("P001", 2, 7)]

            for typed in ("क,", "क,ख", "क,ख ग,", "क,ख ग,घ"):  # typed faster than the debounce
                version = session.replace_all(uri, typed)
            found = await session.diagnostics(uri, version=version)
            assert [(d.code, d.range.start.character) for d in found] == [("P001", 1), ("P001", 5)]
            assert session.published[uri][-1].version == version  # no older check published after it

    run(scenario)


def test_config_files_added_changed_and_removed_on_disk_apply_to_the_next_check(tmp_path: Path) -> None:
    """No save in the editor: the files change behind its back (a checkout, another tool)."""
    desk = tmp_path / "desk"
    desk.mkdir()
    story = _seed(desk)

    async def scenario() -> None:
        async with editor(tmp_path) as session:
            uri = session.open(story)

            async def codes_after_an_edit() -> set[str]:
                version = session.replace_all(uri, session.texts[uri] + " ")
                return {str(d.code) for d in await session.diagnostics(uri, version=version)}

            assert {"P001", "N005"} <= {str(d.code) for d in await session.diagnostics(uri, version=1)}
            top = tmp_path / "qa.toml"
            top.write_text('ignore = ["N005"]\n', encoding="utf-8")  # added above the file
            codes = await codes_after_an_edit()
            assert "N005" not in codes and "P001" in codes
            top.write_text('ignore = ["N005", "P001"]\n', encoding="utf-8")  # changed
            codes = await codes_after_an_edit()
            assert not codes & {"N005", "P001"}
            (desk / "pyproject.toml").write_text("[tool.qa]\nignore = []\n", encoding="utf-8")  # closer
            assert {"N005", "P001"} <= await codes_after_an_edit()
            (desk / "pyproject.toml").unlink()  # removed: the one above applies again
            assert not (await codes_after_an_edit()) & {"N005", "P001"}
            top.unlink()
            assert {"N005", "P001"} <= await codes_after_an_edit()

    run(scenario)


def test_a_bad_config_is_one_message_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "qa.toml").write_text("no-such-setting = 1\n", encoding="utf-8")
    story = _seed(tmp_path)

    async def scenario() -> None:
        async with editor(tmp_path) as session:
            uri = session.open(story)
            assert await session.diagnostics(uri, version=1) == []
            session.replace_all(uri, "क,ख")
            assert await session.diagnostics(uri, version=2) == []
            assert len(session.messages) == 1 and "no-such-setting" in session.messages[0]

    run(scenario)


@pytest.mark.parametrize(("encoding", "units"), [("utf-16", 2), ("utf-32", 1), ("utf-8", 4)])
def test_positions_per_encoding(encoding: str, units: int) -> None:
    text = f"क\n{EMOJI}क,ख\r\nग"
    positions = Positions(text, encoding)
    comma = text.index(",")
    devanagari = 3 if encoding == "utf-8" else 1
    assert positions.position(comma) == (1, units + devanagari)
    assert positions.offset(1, units + devanagari) == comma
    assert positions.position(len(text)) == (2, devanagari)
    assert positions.offset(1, 999) == text.index("\r")  # past the end of a line: its end
    assert positions.offset(9, 0) == len(text)
