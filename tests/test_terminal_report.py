"""The terminal report: grouped by file, a table by family, --statistics, the progress bar."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from qa.text.width import display_width

from conftest import ROOT, run_qa

SLIP = "ज़्यादा राष्ट्रपति ने कहा कि हालांकि,बातचीत जारी है।\n"
CLEAN = "ज़्यादा राष्ट्रपति ने कहा, सब ठीक है।\n"


def _stories(folder: Path, count: int) -> list[str]:
    for i in range(count):
        (folder / f"story-{i:02}.txt").write_text(SLIP if i % 2 == 0 else CLEAN, encoding="utf-8")
    return sorted(str(p) for p in folder.glob("*.txt"))


def test_text_groups_by_file_and_ends_with_a_family_table(tmp_path: Path) -> None:
    files = _stories(tmp_path, 3)
    out = run_qa("check", "--exit-zero", *files).stdout.decode()
    headings = [line for line in out.splitlines() if line.startswith("── ")]
    assert headings == [f"── {files[0]} (1 problem)", f"── {files[2]} (1 problem)"]
    table = out.split("\n\n")[-2].splitlines()
    assert table[0].split() == ["family", "error", "warning", "info", "total"]
    assert table[1].split() == ["P", "Punctuation", "2", "0", "0", "2"]  # P001 is an error


def test_single_file_keeps_editor_clickable_lines() -> None:
    out = run_qa("check", "-", input=SLIP.encode()).stdout.decode()
    assert out.startswith("-:1:")
    assert "── " not in out


def test_statistics_count_per_rule_like_ruff(tmp_path: Path) -> None:
    files = _stories(tmp_path, 5)
    done = run_qa("check", "--statistics", *files)
    lines = done.stdout.decode().splitlines()
    assert done.returncode == 1
    assert lines[0].split("\t") == ["3", "P001", "[*] missing-space-after-comma"]
    assert lines[-1].startswith("Found 3 problems")


def test_no_progress_bar_in_pipes(tmp_path: Path) -> None:
    done = run_qa("check", "--exit-zero", *_stories(tmp_path, 25))
    assert done.stderr == b""


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    files = _stories(tmp_path, 25)
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    done = subprocess.run(
        [sys.executable, "-m", "qa.cli", "check", "--exit-zero", *files],
        stdout=subprocess.PIPE,
        stderr=follower,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert done.returncode == 0
    assert b"Checking" in seen and b"25/25" in seen
    assert b"Checking" not in done.stdout


def test_a_line_without_spaces_is_shown_in_a_window_around_each_finding(tmp_path: Path) -> None:
    glued = tmp_path / "glued.txt"  # words glued by zero-width spaces: a real paste-damage pattern
    glued.write_text("ज़्यादा राष्ट्र" + "कमल\u200b" * 3000 + "कमल\n", encoding="utf-8")
    (tmp_path / "qa.toml").write_text("[report]\ngroup-threshold = 0\n", encoding="utf-8")  # each one
    out = run_qa("check", "--exit-zero", "--select", "U002", str(glued)).stdout.decode()
    blocks = [b.splitlines() for b in out.split("\n\n") if b.startswith(str(glued))]
    assert len(blocks) == 3000
    assert max(len(line) for block in blocks for line in block) < 800  # the line: 12,000 code points
    _, snippet, caret, fix = blocks[1500]
    shown, pad = snippet[4:], caret.index("^") - 4
    under = [k for k in range(len(shown)) if display_width(shown[:k]) == pad]
    assert any(shown[k] == "\u200b" for k in under)  # the caret sits at the zero-width space
    assert fix.startswith("    fix: …") and fix.endswith("…")


def test_summary_counts_the_files_that_could_not_be_read(tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "slip.txt").write_text(SLIP, encoding="utf-8")
    (tmp_path / "wide.txt").write_bytes(CLEAN.encode("utf-16"))
    done = run_qa("check", str(tmp_path / "clean.txt"), str(tmp_path / "wide.txt"))
    assert done.returncode == 2
    assert done.stdout.decode() == "No problems in 1 file; 1 file could not be read.\n"
    assert done.stderr.decode().splitlines() == [
        f"qa: error: {tmp_path / 'wide.txt'}: file is UTF-16 or UTF-32; save it as UTF-8"
    ]
    found = run_qa("check", "--statistics", str(tmp_path / "slip.txt"), str(tmp_path / "wide.txt"))
    assert found.returncode == 2
    assert found.stdout.decode().splitlines()[-1] == (
        "Found 1 problem (1 error) in 1 file; 1 file could not be read. 1 fixable with --fix."
    )
    clean = run_qa("check", str(tmp_path / "clean.txt"))
    assert clean.returncode == 0 and clean.stdout.decode() == "All clear: no problems in 1 file.\n"
