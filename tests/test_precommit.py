"""The pre-commit hooks, run for real by pre-commit against a temporary repository of copy."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: One worker for the module under xdist: the hook environment is built once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("pre-commit")]

BAD = "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।\n"
GOOD = "ज़्यादा राष्ट्रपति ने कहा, ठीक है।\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed copy of this project: pre-commit installs the hook from a git repository's commit."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, repo / name)
    for folder in ("qa", "rules", "data"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("__pycache__"))
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "hooks")
    return repo


def _copy_repo(tmp_path: Path, files: dict[str, str]) -> Path:
    repo = tmp_path / "copy"
    repo.mkdir(parents=True)
    _git(repo, "init", "-q")
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", ".")
    return repo


def _run_hook(hook_repo: Path, repo: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``pre-commit run`` with the copy repository's config naming one hook of ``hook_repo``
    at its HEAD: pre-commit builds the hook's environment once per commit, in ``home``,
    and the module's tests share it (``try-repo`` would build one per call)."""
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hook_repo, check=True, capture_output=True, text=True
    ).stdout.strip()
    config = f"repos:\n  - repo: {hook_repo}\n    rev: {commit}\n    hooks:\n      - id: {hook}\n"
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    return _pre_commit_run(repo, home)


def _pre_commit_run(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def test_bad_copy_fails_and_clean_copy_passes(hook_repo: Path, home: Path, tmp_path: Path) -> None:
    bad = _copy_repo(tmp_path / "bad", {"story.md": BAD, "page.html": f"<p>{GOOD}</p>"})
    result = _run_hook(hook_repo, bad, "qa-check", home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "story.md" in result.stdout and "P002" in result.stdout and "page.html" not in result.stdout
    good = _copy_repo(tmp_path / "good", {"story.md": GOOD, "notes.txt": GOOD, "hooks.yaml": "a: [b,c]\n"})
    result = _run_hook(hook_repo, good, "qa-check", home)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_copy_repository_config_is_honoured(hook_repo: Path, home: Path, tmp_path: Path) -> None:
    repo = _copy_repo(tmp_path, {"story.md": BAD, "qa.toml": 'ignore = ["P002"]\n'})
    result = _run_hook(hook_repo, repo, "qa-check", home)
    assert result.returncode == 0, result.stdout + result.stderr


def test_fix_hook_rewrites_the_file(hook_repo: Path, home: Path, tmp_path: Path) -> None:
    repo = _copy_repo(tmp_path, {"story.md": BAD})
    result = _run_hook(hook_repo, repo, "qa-fix", home)
    assert result.returncode == 1  # pre-commit fails a hook that changed files
    assert (repo / "story.md").read_text(encoding="utf-8") == GOOD


def test_excluded_files_are_skipped_though_pre_commit_names_them(
    hook_repo: Path, home: Path, tmp_path: Path
) -> None:
    repo = _copy_repo(tmp_path, {"story.md": GOOD, "qa.toml": 'extend-exclude = ["wire/"]\n'})
    (repo / "wire").mkdir()
    (repo / "wire" / "agency.md").write_text(BAD, encoding="utf-8")
    _git(repo, "add", ".")
    result = _run_hook(hook_repo, repo, "qa-check", home)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_snippet_works_once_the_release_is_tagged(
    hook_repo: Path, home: Path, tmp_path: Path
) -> None:
    """README's .pre-commit-config.yaml as printed, its placeholder URL replaced; the tag is
    then written as the commit it names, which the other tests' hook environment is built
    for (one environment for the module instead of two)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### In a copy repository (pre-commit)") :]
    snippet = section[section.index("```yaml\n") + 8 : section.index("```", section.index("```yaml\n") + 8)]
    placeholder = re.search(r"repo: (\S+)", snippet)
    assert placeholder and "YOUR-ORG" in placeholder.group(1)
    assert "rev: v0.1.0" in snippet
    _git(hook_repo, "tag", "-f", "v0.1.0")
    commit = subprocess.run(
        ["git", "rev-parse", "v0.1.0^{commit}"], cwd=hook_repo, check=True, capture_output=True, text=True
    ).stdout.strip()
    repo = _copy_repo(tmp_path, {"story.md": BAD, "notes.txt": GOOD})
    config = snippet.replace(placeholder.group(1), str(hook_repo)).replace("rev: v0.1.0", f"rev: {commit}")
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    result = _pre_commit_run(repo, home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "story.md" in result.stdout and "P002" in result.stdout and "notes.txt" not in result.stdout
