"""The output formats beyond golden files: concise lines, GitLab Code Quality, JUnit XML,
--quiet, --color, grouping of house habits, and the [tool.qa.report] settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from qa.diagnostic import Diagnostic, Edit, Fix, Severity
from qa.report import FileResult
from qa.report.grouping import split
from qa.report.options import ReportOptions
from qa.report.text import render as full

from conftest import ROOT, run_qa

SLIP = "ज़्यादा राष्ट्रपति ने कहा कि हालांकि,बातचीत जारी है।\n"
#: A story whose every sentence ends " ।" (P002), with one comma slip (P001) on line 2.
HABIT = "".join(f"राष्ट्रपति ने ख़ुद बात {n} की ।\n" for n in range(11)).replace(
    "बात 1 की ।", "बात 1 की, हालांकि,फ़ैसला नहीं हुआ ।"
)


def _story(tmp_path: Path, text: str, name: str = "story.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _qa(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "qa.cli", "check", "--exit-zero", *args],
        capture_output=True,
        cwd=cwd or ROOT,
        env=env or {**os.environ, "NO_COLOR": "1"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def test_concise_is_one_exact_line_per_finding(tmp_path: Path) -> None:
    story = _story(tmp_path, "क,ख\n" + SLIP)
    out = _qa("--output-format", "concise", "--select", "P001", story.name, cwd=tmp_path)
    assert out.splitlines() == [
        "story.txt:1:2: P001 missing space after ','",
        "story.txt:2:37: P001 missing space after ','",
        "Found 2 problems (2 errors) in 1 file. 2 fixable with --fix.",
    ]
    quiet = _qa("--output-format", "concise", "--quiet", "--select", "P001", story.name, cwd=tmp_path)
    assert quiet.splitlines() == out.splitlines()[:2]


def test_quiet_full_report_has_findings_only(tmp_path: Path) -> None:
    story = _story(tmp_path, SLIP)
    loud, quiet = _qa(str(story)), _qa("-q", str(story))
    assert loud.startswith(quiet) and "Found 1 problem" in loud
    assert "Found" not in quiet and "family" not in quiet and "P001" in quiet
    assert _qa("-q", "--output-format", "github", str(story)).splitlines()[-1].startswith("::error ")


def test_color_always_never_and_the_environment(tmp_path: Path) -> None:
    story = str(_story(tmp_path, SLIP))
    plain_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    concise = _qa(
        "--color", "always", "--output-format", "concise", story, env={**plain_env, "NO_COLOR": "1"}
    )
    assert "\x1b[1;31mP001\x1b[0m" in concise  # the option beats the environment
    assert "\x1b[" not in _qa("--color", "never", story, env={**plain_env, "FORCE_COLOR": "1"})
    assert "\x1b[" not in _qa(story, env=plain_env)  # a pipe
    assert "\x1b[" in _qa(story, env={**plain_env, "FORCE_COLOR": "1"})
    assert "\x1b[" not in _qa(story, env={**plain_env, "FORCE_COLOR": "1", "NO_COLOR": "1"})


def test_gitlab_code_quality_fields(tmp_path: Path) -> None:
    story = _story(tmp_path, HABIT, "my story.txt")
    issues = json.loads(_qa("--output-format", "gitlab", story.name, cwd=tmp_path))
    assert len(issues) == 12  # machine formats keep every finding of a house habit
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= issue.keys()
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"] == "my story.txt"
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["description"].startswith(issue["check_name"] + " ")
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    comma = next(i for i in issues if i["check_name"] == "P001")
    assert (comma["severity"], comma["location"]["lines"]["begin"]) == ("major", 2)
    # a line added above moves every finding, and changes no fingerprint
    story.write_text("नई पंक्ति।\n" + HABIT, encoding="utf-8")
    moved = json.loads(_qa("--output-format", "gitlab", story.name, cwd=tmp_path))
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in issues]
    assert moved[0]["location"]["lines"]["begin"] == issues[0]["location"]["lines"]["begin"] + 1


def test_junit_parses_and_counts(tmp_path: Path) -> None:
    dirty = _story(tmp_path, "ज़्यादा\x08 ख़बर, हालांकि,बातचीत जारी है।\n", "a&b.txt")
    clean = _story(tmp_path, "ज़्यादा राष्ट्रपति ने कहा, सब ठीक है।\n", "clean.txt")
    found = json.loads(_qa("--output-format", "json", dirty.name, cwd=tmp_path))["diagnostics"]
    root = ET.fromstring(_qa("--output-format", "junit", dirty.name, clean.name, cwd=tmp_path))
    assert root.tag == "testsuites" and root.get("failures") == str(len(found)) and len(found) >= 2
    suites = {suite.get("name"): suite for suite in root}
    assert set(suites) == {"a&b.txt", "clean.txt"}
    cases = suites["a&b.txt"].findall("testcase")
    assert [c.find("failure").get("type") for c in cases] == [d["code"] for d in found]
    assert "U008" in [d["code"] for d in found]  # the control character, written as \x08
    assert any("\\x08" in (c.find("failure").text or "") for c in cases)
    assert cases[0].get("name") == f"{found[0]['code']} at {found[0]['line']}:{found[0]['column']}"
    passing = suites["clean.txt"].findall("testcase")
    assert len(passing) == 1 and passing[0].find("failure") is None
    assert root.get("tests") == str(len(found) + 1)


def test_a_house_habit_is_one_line_after_the_other_findings(tmp_path: Path) -> None:
    story = _story(tmp_path, HABIT)
    out = _qa("--select", "P001,P002", story.name, cwd=tmp_path)
    heads = [line for line in out.splitlines() if line.startswith("story.txt:")]
    assert heads == [
        "story.txt:2:37: P001 missing space after ','",
        "story.txt:1:28: 11 × P002 space-before-punctuation, all fixable with --fix (lines 1-11)",
    ]
    assert "    ' ।' → '।' ×11\n    each one: --no-group or --format concise" in out
    assert "Found 12 problems" in out  # the totals still count every finding
    everything = _qa("--select", "P001,P002", "--output-format", "concise", story.name, cwd=tmp_path)
    assert len(everything.splitlines()) == 13


def test_group_threshold_is_configurable(tmp_path: Path) -> None:
    story = _story(tmp_path, HABIT)
    (tmp_path / "qa.toml").write_text("[report]\ngroup-threshold = 0\n", encoding="utf-8")
    out = _qa("--select", "P002", story.name, cwd=tmp_path)
    assert out.count("story.txt:") == 11 and "×" not in out
    (tmp_path / "qa.toml").write_text("[report]\ngroup-thresold = 3\n", encoding="utf-8")
    bad = run_qa("check", "--select", "P002", story.name, cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.decode().splitlines() == [
        f"qa: error: {tmp_path / 'qa.toml'}: unknown setting 'report.group-thresold' "
        "(use group-threshold, rules-url)"
    ]


def _diagnostic(code: str, start: int, fix: str | None) -> Diagnostic:
    edits = None if fix is None else Fix((Edit(start, start + 1, ""),), fix)  # type: ignore[arg-type]
    return Diagnostic(code, f"name-{code}", Severity.WARNING, "m", start, start + 1, (), edits)


def test_only_safe_fixes_on_punctuation_and_spaces_fold() -> None:
    source = " " * 20 + "क" * 10
    spaces = [_diagnostic("P002", i, "safe") for i in range(10)]
    singles, groups = split([_diagnostic("T002", 25, None), *spaces], 10, source)
    assert singles == [0] and [members for _, members in groups] == [list(range(1, 11))]
    assert groups[0][0].title() == "10 × P002 name-P002, all fixable with --fix"
    assert groups[0][0].changes(source) == {(" ", ""): 10}
    assert split(spaces, 11, source) == (list(range(10)), [])
    assert split(spaces, 0, source) == (list(range(10)), [])
    unsafe = [_diagnostic("P002", i, "unsafe" if i < 5 else "safe") for i in range(10)]
    assert split(unsafe, 5, source)[0] == list(range(5))  # the unsafe ones stay single
    letters = [_diagnostic("T003", 20 + i, "safe") for i in range(10)]  # a fix on letters
    assert split(letters, 2, source) == (list(range(10)), [])
    page = full([FileResult("x.txt", source, spaces)], {}, ReportOptions(group_threshold=0))
    assert page.count("x.txt:1:") == 10


#: Twelve lines, every other one with the stray-letter slip केक for के (T003).
SLIPS = "".join(
    f"मजदूरों केक {n} रुपये मिले।\n" if n % 2 == 0 else f"राष्ट्रपति ने ख़ुद बात {n} की।\n" for n in range(24)
)


def test_word_level_findings_are_never_folded(tmp_path: Path) -> None:
    story = _story(tmp_path, SLIPS)
    out = _qa("--select", "T003", story.name, cwd=tmp_path)
    heads = [line for line in out.splitlines() if line.startswith("story.txt:")]
    assert heads == [f"story.txt:{n + 1}:9: T003 'केक' looks like a slip for 'के'" for n in range(0, 24, 2)]
    assert out.count("unsafe fix: केक → के") == 12 and "×" not in out
    quiet = _qa("-q", "--select", "T003", story.name, cwd=tmp_path)
    assert quiet.count("story.txt:") == 12


def test_a_group_shows_what_it_changes_every_line_and_how_to_unfold(tmp_path: Path) -> None:
    glued = "".join(f"राष्ट्रपति\u200bने {n} बात की।\n" for n in range(30) if n % 3)  # 20 lines
    story = _story(tmp_path, glued)
    out = _qa("--select", "U002", story.name, cwd=tmp_path)
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if " × U002 " in line)
    assert lines[head].endswith("(lines 1-20)")
    assert lines[head + 1] == "    '\\u200b' removed ×20"  # the invisible character, escaped
    assert lines[head + 2] == "    each one: --no-group or --format concise"
    each = _qa("--select", "U002", "--no-group", story.name, cwd=tmp_path)
    assert each.count("story.txt:") == 20 and "×" not in each


@pytest.mark.parametrize("fmt", ["full", "concise", "github"])
def test_no_readable_input_prints_no_all_clear(fmt: str, tmp_path: Path) -> None:
    done = run_qa("check", "--output-format", fmt, str(tmp_path / "missing.txt"))
    assert done.returncode == 2 and done.stdout == b""
