"""The command line as users and hooks call it: exit codes, stdin, --fix, --diff, config."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import SEED, run_qa

SEED_BYTES = SEED.read_bytes()


def test_stdin_comma_slip_is_one_finding_and_exit_1() -> None:
    result = run_qa("check", "-", input="क,ख".encode())
    assert result.returncode == 1
    assert result.stdout.decode().startswith("-:1:2: P001 ")
    assert result.stdout.decode().count(": P001 ") == 1


def test_clean_sentence_exits_0() -> None:
    result = run_qa("check", "-", input="ज़्यादा राष्ट्रपति ने कहा, सब ठीक है।\n".encode())
    assert result.returncode == 0, result.stdout.decode()
    assert "All clear" in result.stdout.decode()


def test_seed_reports_the_comma_finding() -> None:
    result = run_qa("check", "--format", "json", str(SEED))
    records = json.loads(result.stdout)["diagnostics"]
    comma = [r for r in records if r["code"] == "P001"]
    assert [r["text"] for r in comma] == [","]
    source = SEED.read_text(encoding="utf-8")
    assert source[comma[0]["start"] - 7 : comma[0]["end"] + 6] == "हालांकि,बातचीत"


def test_missing_file_is_exit_2_with_one_line() -> None:
    result = run_qa("check", "no-such-story.txt")
    assert result.returncode == 2
    assert result.stderr.decode().strip().count("\n") == 0
    assert "no-such-story.txt" in result.stderr.decode()


def test_invalid_utf8_names_file_and_byte_offset(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes("राष्ट्रपति".encode() + b"\xff\xfe rest")
    result = run_qa("check", str(story))
    assert result.returncode == 2
    message = result.stderr.decode().strip()
    assert "story.txt" in message and "byte offset 30" in message
    assert "Traceback" not in message and "\n" not in message


def test_fix_changes_only_the_comma(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(SEED_BYTES)
    result = run_qa("check", "--fix", "--select", "P001", str(story))
    assert result.returncode == 0, result.stdout.decode()
    fixed = story.read_bytes()
    assert fixed == SEED_BYTES.replace("हालांकि,बातचीत".encode(), "हालांकि, बातचीत".encode())


def test_fix_keeps_crlf_and_bom(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    original = b"\xef\xbb\xbf" + "पहली पंक्ति।\r\nज़्यादा राष्ट्रपति,बातचीत\r\n".encode()
    story.write_bytes(original)
    run_qa("check", "--fix", str(story))
    assert story.read_bytes() == original.replace(b",", b", ")


def test_diff_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes("ज़्यादा राष्ट्रपति,बातचीत\n".encode())
    result = run_qa("check", "--diff", str(story))
    assert result.returncode == 1
    assert "+ज़्यादा राष्ट्रपति, बातचीत" in result.stdout.decode()
    assert story.read_bytes() == "ज़्यादा राष्ट्रपति,बातचीत\n".encode()


def test_stdin_fix_prints_fixed_text() -> None:
    result = run_qa("check", "--fix", "-", input="क,ख".encode())
    assert result.stdout.decode() == "क, ख"


def test_exit_zero_and_fail_level() -> None:
    slip = "ज़्यादा राष्ट्रपति ने कहा  सब ठीक है।".encode()  # P004 is a warning
    assert run_qa("check", "-", input=slip).returncode == 1
    assert run_qa("check", "--fail-level", "error", "-", input=slip).returncode == 0
    assert run_qa("check", "--exit-zero", "-", input="क,ख".encode()).returncode == 0


def test_select_ignore_and_unknown_selector() -> None:
    text = "ज़्यादा राष्ट्रपति,बातचीत  हुई।".encode()
    ignored = run_qa("check", "--ignore", "P001", "--format", "json", "-", input=text)
    assert {r["code"] for r in json.loads(ignored.stdout)["diagnostics"]} == {"P004"}
    selected = run_qa("check", "--select", "P001", "--format", "json", "-", input=text)
    assert {r["code"] for r in json.loads(selected.stdout)["diagnostics"]} == {"P001"}
    bad = run_qa("check", "--select", "Z999", "-", input=text)
    assert bad.returncode == 2 and "unknown rule selector" in bad.stderr.decode()


def test_config_file_is_found_and_shown(tmp_path: Path) -> None:
    (tmp_path / "qa.toml").write_text('ignore = ["P001"]\nfail-level = "error"\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("ज़्यादा राष्ट्रपति,बातचीत\n", encoding="utf-8")
    assert run_qa("check", str(story)).returncode == 0
    shown = run_qa("config", "--show", str(story)).stdout.decode()
    assert 'ignore = ["P001"]' in shown and "qa.toml" in shown


def test_malformed_config_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "qa.toml").write_text("select = [unclosed\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("क\n", encoding="utf-8")
    result = run_qa("check", str(story))
    assert result.returncode == 2
    assert "invalid TOML" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_directories_are_walked_with_include(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("क,ख\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("क,ख\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("x = 'क,ख'\n", encoding="utf-8")
    result = run_qa("check", "--format", "json", str(tmp_path))
    paths = {Path(r["path"]).name for r in json.loads(result.stdout)["diagnostics"]}
    assert paths == {"a.txt", "b.md"}


def test_rules_and_explain() -> None:
    listing = run_qa("rules").stdout.decode()
    assert "P001  missing-space-after-comma" in listing
    explained = run_qa("explain", "P001").stdout.decode()
    assert "हालांकि" in explained and "Not flagged" in explained
    assert run_qa("explain", "Z123").returncode == 2


def test_rule_reference_is_generated_from_the_registry() -> None:
    generated = run_qa("rules", "--format", "markdown").stdout.decode()
    on_disk = (SEED.parent.parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert generated == on_disk, "regenerate: qa rules --format markdown > docs/rules.md"


@pytest.mark.parametrize("fmt", ["json", "sarif", "concise"])
def test_a_report_file_keeps_a_file_name_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    """A file name's bytes that are not UTF-8 go into the report written with -o as they
    were read (percent-encoded in SARIF's URI), not a crash."""
    name = b"\xff\xfe" + "ख़बर.txt".encode()
    (tmp_path / os.fsdecode(name)).write_text("ज़्यादा कीमतें बढती हैं।\n", encoding="utf-8")
    result = run_qa("check", "--exit-zero", "--format", fmt, "-o", "report", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = (tmp_path / "report").read_bytes()
    assert b"T006" in report
    assert (b"%FF%FE" if fmt == "sarif" else name) in report
