"""Every documented failure is one line and exit 2, no report is lost, no copy is lost.

All through the real CLI in a subprocess on real files with real permissions. The
tests run as root in CI, and root ignores permission bits: where a case needs a
folder root could write anyway, the CLI runs under ``setpriv`` without the
capabilities that override file permissions (the case is skipped, saying so, only
where ``setpriv`` cannot do that).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from qa.formats.cmsjson import MAX_DEPTH
from qa.sources import DATA_FILE_LIMIT

from conftest import ROOT, run_qa

COMMA = "राष्ट्रपति ने कहा ,ठीक है।"
FIXED = "राष्ट्रपति ने कहा, ठीक है।"
ANNIVERSARY = "ज़्यादातर शहरों में 80वां स्वतंत्रता दिवस धूमधाम से मनाया गया।"


def _error_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    """The ``qa: error:`` lines of a run that ended with exit 2 and no traceback."""
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, (result.returncode, err)
    assert "Traceback" not in err and "internal error" not in err, err
    lines = err.strip().splitlines()
    assert lines and all(line.startswith("qa: error: ") for line in lines), err
    return lines


def _one_error(result: subprocess.CompletedProcess[bytes], *needles: str) -> str:
    lines = _error_lines(result)
    assert len(lines) == 1, lines
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def _story(path: Path, text: str = COMMA + "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _no_temp_files(folder: Path) -> None:
    assert not [p for p in folder.rglob("*") if p.name.endswith(".qa-tmp")]


# Crashes that are now one line and exit 2 (or no error at all)


def test_an_ordinal_past_pythons_digit_limit_is_no_crash(tmp_path: Path) -> None:
    path = _story(tmp_path / "digits.txt", "2" * 4301 + "वां\n" + "२" * 5000 + "वीं\n")
    result = run_qa("check", str(path))
    assert result.returncode in (0, 1), result.stderr
    assert b"error" not in result.stderr


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "9999-08-15"])
def test_the_first_and_last_calendar_years_are_article_dates_like_any(tmp_path: Path, date: str) -> None:
    """Anniversary rules look a year either side of the date: none past the calendar."""
    path = _story(tmp_path / "story.txt", ANNIVERSARY + "\n")
    result = run_qa("check", "--date", date, str(path))
    assert result.returncode in (0, 1) and not result.stderr, result.stderr
    (tmp_path / "qa.toml").write_text(f"date = {date}\n", encoding="utf-8")  # a TOML date
    assert run_qa("check", str(path), cwd=tmp_path).stdout == result.stdout
    payload = json.dumps({"date": date, "body": ANNIVERSARY}, ensure_ascii=False)
    result = run_qa("check", str(_story(tmp_path / "story.cms.json", payload)))
    assert result.returncode in (0, 1) and not result.stderr, result.stderr
    if date == "9999-12-31":  # still checked: in 9999 this is the 8053rd
        assert b"F030" in result.stdout and b"8053" in result.stdout


def test_the_result_cache_keeps_runs_with_other_dates_apart(tmp_path: Path) -> None:
    path = _story(tmp_path / "story.txt", ANNIVERSARY + "\n")
    for date, count in (("2025-08-15", b"79th"), ("2024-08-15", b"78th"), ("1940-08-15", None)):
        result = run_qa("check", "--date", date, str(path), cwd=tmp_path)
        assert (count in result.stdout) if count else (result.returncode == 0), result.stdout
    assert (tmp_path / ".qa_cache").is_dir()  # the runs above did go through the cache


@pytest.mark.parametrize(
    "name, config, needle",
    [
        ("pyproject.toml", 'tool = "qa"\n', "'tool' must be a table"),
        ("pyproject.toml", "[tool]\nqa = 1\n", "[tool.qa] must be a table"),
        ("qa.toml", '[rules.P005]\nonly = [["के"]]\n', "rules.P005.only must be a list of plain values"),
        ("qa.toml", "[rules.P005]\nonly = [1, 2]\n", "each item a string"),
        ("qa.toml", "[[rules]]\ncode = 1\n", "'rules' must be a table"),
        ("qa.toml", "[server]\ntimeout = nan\n", "server.timeout must be a finite number"),
        ("qa.toml", "[rules.T003]\nmin-log-odds = inf\n", "rules.T003.min-log-odds must be a finite number"),
        (
            "pyproject.toml",
            "[tool.qa.server]\nqueue = -inf\n",
            "tool.qa.server.queue must be a finite number",
        ),
        ("qa.toml", "include = [1]\n", "list of strings"),
        ("qa.toml", '[rules.U029]\nseverity = "loud"\n', "[tool.qa.rules.U029] unknown severity 'loud'"),
    ],
)
def test_config_of_the_wrong_shape_is_one_line(tmp_path: Path, name: str, config: str, needle: str) -> None:
    (tmp_path / name).write_text(config, encoding="utf-8")
    path = _story(tmp_path / "a.txt")
    _one_error(run_qa("check", str(path), cwd=tmp_path), name, needle)


def test_rule_files_must_be_regular_files_under_the_size_cap(tmp_path: Path) -> None:
    path = _story(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "pipe.yaml")
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:  # sparse: over the cap without using the disk
        stream.truncate(DATA_FILE_LIMIT + 1)
    for rule_file, needle in (("/dev/zero", "not a regular file"), ("pipe.yaml", "not a regular file")):
        (tmp_path / "qa.toml").write_text(f'rule-files = ["{rule_file}"]\n', encoding="utf-8")
        _one_error(run_qa("check", str(path), cwd=tmp_path), rule_file, "rule file", needle)
    (tmp_path / "qa.toml").write_text('rule-files = ["huge.yaml"]\n', encoding="utf-8")
    _one_error(run_qa("check", str(path), cwd=tmp_path), "huge.yaml", "over the limit")
    _one_error(run_qa("check", "--config", "/dev/zero", str(path)), "/dev/zero", "config", "regular file")


@pytest.mark.parametrize(
    "selection",
    [("--select", "ALL", "--ignore", "ALL"), ("--select", "T004", "--ignore", "T"), ("--ignore", "ALL")],
)
def test_selecting_no_rule_is_an_error_not_all_clear(tmp_path: Path, selection: tuple[str, ...]) -> None:
    path = _story(tmp_path / "a.txt")
    result = run_qa("check", *selection, str(path))
    _one_error(result, "no rule selected")
    assert b"All clear" not in result.stdout
    _one_error(run_qa("check", "--select", "X999", str(path)), "unknown rule selector 'X999'")


def test_cms_json_nesting_limit_is_the_same_for_any_number_of_jobs(tmp_path: Path) -> None:
    for depth in (MAX_DEPTH, MAX_DEPTH + 1, 990, 20_000):
        nested = "[" * (depth - 1) + "1" + "]" * (depth - 1)
        body = f'{{"body": "{COMMA}", "x": {nested}}}'
        _story(tmp_path / f"d{depth:05}.cms.json", body)
    runs = [run_qa("check", "--no-cache", "-j", jobs, str(tmp_path)) for jobs in ("1", "2")]
    assert runs[0].stdout == runs[1].stdout and runs[0].stderr == runs[1].stderr
    errors = _error_lines(runs[0])
    assert len(errors) == 3 and all(f"nested deeper than {MAX_DEPTH}" in e for e in errors), errors
    assert b"P002" in runs[0].stdout  # the payload at the limit is still checked


# No report lost, no copy lost


def _without_permission_override() -> list[str]:
    """A command prefix under which permission bits bind (root ignores them otherwise)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: root writes into read-only folders")
    prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner"]
    if subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root where setpriv cannot drop capabilities: root writes anywhere")
    return prefix


def test_a_read_only_folder_is_an_error_for_its_files_and_the_rest_is_fixed_and_reported(
    tmp_path: Path,
) -> None:
    prefix = _without_permission_override()
    first = _story(tmp_path / "a" / "one.txt")
    locked = _story(tmp_path / "b" / "two.txt")
    last = _story(tmp_path / "c" / "three.txt")
    (tmp_path / "b").chmod(0o555)
    try:
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "qa.cli", "check", "--fix", "-j", "1", str(tmp_path)],
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=120,
        )
    finally:
        (tmp_path / "b").chmod(0o755)
    _one_error(result, "two.txt", "cannot write")
    assert first.read_text(encoding="utf-8") == last.read_text(encoding="utf-8") == FIXED + "\n"
    assert locked.read_text(encoding="utf-8") == COMMA + "\n"
    report = result.stdout.decode("utf-8")
    assert "two.txt:1:18: P002" in report and "in 3 files" in report, report
    _no_temp_files(tmp_path)


def test_a_read_only_file_is_skipped_unless_forced(tmp_path: Path) -> None:
    locked = _story(tmp_path / "locked.txt")
    other = _story(tmp_path / "other.txt")
    locked.chmod(0o444)
    result = run_qa("check", "--fix", str(locked), str(other))
    _one_error(result, "locked.txt", "read-only", "--force")
    assert locked.read_text(encoding="utf-8") == COMMA + "\n"
    assert other.read_text(encoding="utf-8") == FIXED + "\n"
    assert b"locked.txt:1:18: P002" in result.stdout
    result = run_qa("check", "--fix", "--force", str(locked))
    assert result.returncode == 0, result.stderr
    assert locked.read_text(encoding="utf-8") == FIXED + "\n"
    assert stat.S_IMODE(locked.stat().st_mode) == 0o444
    _no_temp_files(tmp_path)


def test_fix_keeps_hard_links(tmp_path: Path) -> None:
    story = _story(tmp_path / "story.txt")
    story.chmod(0o640)
    twin = tmp_path / "desk" / "story.txt"
    twin.parent.mkdir()
    os.link(story, twin)
    inode = story.stat().st_ino
    assert run_qa("check", "--fix", str(story)).returncode == 0
    assert twin.read_text(encoding="utf-8") == story.read_text(encoding="utf-8") == FIXED + "\n"
    assert story.stat().st_ino == twin.stat().st_ino == inode and story.stat().st_nlink == 2
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    _no_temp_files(tmp_path)


def test_the_report_never_replaces_an_input(tmp_path: Path) -> None:
    story = _story(tmp_path / "story.txt")
    (tmp_path / "alias.txt").symlink_to(story)
    for output in (str(story), str(tmp_path / "alias.txt"), str(tmp_path / "." / "story.txt")):
        for extra in ((), ("--fix",)):
            result = run_qa("check", *extra, "-o", output, str(tmp_path))
            _one_error(result, output, "is also an input")
            assert story.read_text(encoding="utf-8") == COMMA + "\n"
    result = run_qa("check", "-o", str(tmp_path / "report.txt"), str(story))
    assert result.returncode == 1 and "P002" in (tmp_path / "report.txt").read_text(encoding="utf-8")


def test_convert_keeps_the_output_mode_and_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    source = _story(tmp_path / "old.txt", 'jk"Vªifr\n')
    existing = _story(tmp_path / "existing.txt", "")
    existing.chmod(0o640)
    assert run_qa("convert", "--from", "krutidev", str(source), "-o", str(existing)).returncode == 0
    assert existing.read_text(encoding="utf-8") and stat.S_IMODE(existing.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.txt"
    umask = os.umask(0o022)
    os.umask(umask)
    assert run_qa("convert", "--from", "krutidev", str(source), "-o", str(fresh)).returncode == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    os.mkfifo(tmp_path / "pipe")
    _one_error(run_qa("convert", "--from", "krutidev", str(tmp_path / "pipe")), "pipe", "not a regular file")
    result = run_qa("convert", "--from", "krutidev", str(source), "-o", str(tmp_path / "pipe"))
    _one_error(result, "pipe", "not a regular file")
    assert stat.S_ISFIFO((tmp_path / "pipe").stat().st_mode)
    existing.chmod(0o444)
    result = run_qa("convert", "--from", "krutidev", str(source), "-o", str(existing))
    _one_error(result, "existing.txt", "read-only")
    _no_temp_files(tmp_path)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_terminated_fix_leaves_no_temp_files_and_no_half_written_story(tmp_path: Path, jobs: str) -> None:
    stories = [_story(tmp_path / f"s{i:03}.txt") for i in range(300)]
    # a long story last keeps the run busy, so the signal never comes after the end
    long_story = _story(tmp_path / "z-long.txt", (COMMA + "\n") * 40_000)
    process = subprocess.Popen(
        [sys.executable, "-m", "qa.cli", "check", "--fix", "-j", jobs, str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,  # its own process group: the signal reaches the workers too
    )
    try:
        while process.poll() is None and all(s.read_bytes() == (COMMA + "\n").encode() for s in stories):
            pass  # until the first story is rewritten
        os.killpg(process.pid, signal.SIGTERM)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err.decode("utf-8"), err
    _no_temp_files(tmp_path)
    texts = {s.read_text(encoding="utf-8") for s in stories}
    assert texts == {COMMA + "\n", FIXED + "\n"}  # some fixed, some not, none in between
    assert long_story.read_text(encoding="utf-8") in {(COMMA + "\n") * 40_000, (FIXED + "\n") * 40_000}


# --diff that patch and git apply accept

_LINE_ENDS = {
    "lf": (b"", "\n", True),
    "crlf": (b"", "\r\n", True),
    "cr": (b"", "\r", True),
    "cr-no-final": (b"", "\r", False),
    "bom-lf": (b"\xef\xbb\xbf", "\n", True),
    "bom-crlf-no-final": (b"\xef\xbb\xbf", "\r\n", False),
}


@pytest.mark.parametrize("tool", ["patch", "git"])
def test_diff_applies_with_patch_and_git_apply(tmp_path: Path, tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    work, expected = tmp_path / "work", tmp_path / "expected"
    for folder in (work, expected):
        folder.mkdir()
        for name, (bom, end, final) in _LINE_ENDS.items():
            text = end.join([COMMA, "ठीक है।", COMMA]) + (end if final else "")
            (folder / f"{name}.txt").write_bytes(bom + text.encode("utf-8"))
    assert run_qa("check", "--fix", str(expected)).returncode == 0
    diff = run_qa("check", "--diff", *sorted(p.name for p in work.iterdir()), cwd=work)
    assert diff.returncode == 1, diff.stderr
    command = ["patch", "-p1", "--quiet"] if tool == "patch" else ["git", "apply", "-p1", "-"]
    applied = subprocess.run(command, input=diff.stdout, cwd=work, capture_output=True, timeout=60)
    assert applied.returncode == 0, applied.stderr.decode("utf-8", "replace")
    for name in _LINE_ENDS:
        assert (work / f"{name}.txt").read_bytes() == (expected / f"{name}.txt").read_bytes(), name
    _no_temp_files(work)


# qa names


def test_names_reports_an_unreadable_file_and_goes_on(tmp_path: Path) -> None:
    _story(tmp_path / "a.txt", "शी जिनपिंग ने कहा।\n")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00bad")
    _story(tmp_path / "c.txt", "शी जिनपींग ने कहा।\n")
    result = run_qa("names", str(tmp_path))
    _one_error(result, "b.txt")
    assert "in 2 files." in result.stdout.decode("utf-8")
