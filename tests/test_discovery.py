"""Which files a folder walk lints: .gitignore, .ignore, .git/info/exclude, default and
configured excludes, named files; in real git repositories, through the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_qa

SLIP = "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।\n"  # one P002 in every file


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "copy"
    root.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def _write(root: Path, *names: str, text: str = SLIP) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def linted(cwd: Path, *args: str) -> list[str]:
    """The files with findings (every file written here has one), as qa names them."""
    result = run_qa("check", "--no-cache", "--select", "P002", "--format", "json", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr.decode()
    return sorted({d["path"] for d in json.loads(result.stdout)["diagnostics"]})


def test_gitignore_and_default_excludes(repo: Path) -> None:
    _write(repo, "story.md", "drafts/a.md", "venv/b.txt", "node_modules/c.txt", "desk/build/d.txt")
    _write(repo, "desk/e.txt", "desk/notes.tmp.txt", "desk/keep.tmp.txt")
    _write(repo, ".gitignore", text="drafts/\n*.tmp.txt\n")
    _write(repo, "desk/.gitignore", text="!keep.tmp.txt\n")
    assert linted(repo, ".") == ["desk/e.txt", "desk/keep.tmp.txt", "story.md"]
    assert linted(repo, "--no-respect-gitignore", ".") == [
        "desk/e.txt", "desk/keep.tmp.txt", "desk/notes.tmp.txt", "drafts/a.md", "story.md",
    ]  # fmt: skip
    # a folder named on the command line is walked, its ignored files still skipped
    assert linted(repo, "drafts", "desk") == ["desk/e.txt", "desk/keep.tmp.txt"]


def test_ignore_file_and_info_exclude(repo: Path) -> None:
    _write(repo, "a.txt", "b.txt", "c.txt")
    _write(repo, ".ignore", text="a.txt\n")
    _write(repo, ".git/info/exclude", text="b.txt\n")
    assert linted(repo) == ["c.txt"]


def test_gitignore_counts_only_inside_a_git_repository(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "b.txt", "c.txt")
    _write(tmp_path, ".gitignore", text="a.txt\n")
    _write(tmp_path, ".ignore", text="b.txt\n")
    assert linted(tmp_path) == ["a.txt", "c.txt"]


def test_named_files_are_checked_unless_force_exclude(repo: Path) -> None:
    _write(repo, "drafts/a.md", "venv/b.txt", "c.txt")
    _write(repo, ".gitignore", text="drafts/\n")
    assert linted(repo, "drafts/a.md", "venv/b.txt", "c.txt") == ["c.txt", "drafts/a.md", "venv/b.txt"]
    assert linted(repo, "--force-exclude", "drafts/a.md", "venv/b.txt", "c.txt") == ["c.txt", "drafts/a.md"]
    assert linted(repo, "--force-exclude", "--extend-exclude", "drafts", "drafts/a.md", "c.txt") == ["c.txt"]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(repo: Path) -> None:
    _write(repo, "venv/a.txt", "archive/2019/b.txt", "archive/2020/c.txt", "d.txt")
    assert linted(repo, "--exclude", "archive/2019") == ["archive/2020/c.txt", "d.txt", "venv/a.txt"]
    assert linted(repo, "--extend-exclude", "archive/2019", "--extend-exclude", "*.txt") == []
    # a glob with a slash is relative to the cwd, as a path typed there would be
    assert linted(repo / "archive", "--extend-exclude", "2019/*.txt") == ["2020/c.txt"]


def test_config_excludes_are_relative_to_the_config_folder(repo: Path) -> None:
    _write(repo, "desk/archive/a.txt", "desk/b.txt", "archive/c.txt")
    _write(repo, "desk/qa.toml", text='extend-exclude = ["/archive"]\n')
    assert linted(repo) == ["archive/c.txt", "desk/b.txt"]
    assert linted(repo / "desk") == ["b.txt"]
    _write(repo, "desk/qa.toml", text="respect-gitignore = false\n")
    _write(repo, ".gitignore", text="*.txt\n")
    assert linted(repo, "desk") == ["desk/archive/a.txt", "desk/b.txt"]
