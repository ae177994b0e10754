"""The README works when pasted: its two commands, its config in both files, its rule file,
its rule count and `make install`."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import ROOT, run_qa

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    start = README.index(heading)
    following = re.search(r"^#{1,3} ", README[start + len(heading) :], re.M)
    return README[start : start + len(heading) + (following.start() if following else len(README))]


def _block(section: str, language: str) -> str:
    found = re.search(rf"```{language}\n(.*?)```", section, re.S)
    assert found, f"no {language} block"
    return found.group(1)


def test_quick_start_keeps_exactly_two_commands() -> None:
    commands = [line.split("#")[0].strip() for line in _block(_section("## Quick start"), "sh").splitlines()]
    assert [c for c in commands if c] == ["make demo", "make test"]


def _resolved(folder: Path) -> list[str]:
    result = run_qa("config", "--show", cwd=folder)
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()[1:]  # the first names the config file
    return [line.split("  # ")[0].replace(str(folder), "FOLDER") for line in lines]


def test_the_config_example_works_in_qa_toml_and_in_pyproject(tmp_path: Path) -> None:
    section = _section("### Configuration")
    config, rules = _block(section, "toml"), _block(section, "yaml")
    assert config.startswith("[tool.qa]\n")
    story = "ज़्यादा लोग मोबाईल पर ख़बर पढ़ते हैं।\n"
    resolved = []
    for name in ("qa.toml", "pyproject.toml"):
        folder = tmp_path / name.replace(".", "-")
        folder.mkdir()
        (folder / name).write_text(config, encoding="utf-8")
        (folder / "house-rules.yaml").write_text(rules, encoding="utf-8")
        (folder / "story.txt").write_text(story, encoding="utf-8")
        resolved.append(_resolved(folder))
        result = run_qa("check", "--format", "json", "story.txt", cwd=folder)
        assert result.returncode == 1, result.stderr.decode()
        assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["T901"]  # the desk's rule
    assert resolved[0] == resolved[1]
    assert 'rule-files = ["' in "\n".join(resolved[0]) and 'per-file-ignores = {"wire/**"' in "\n".join(
        resolved[0]
    )


def test_the_stated_rule_count_is_qa_rules_count() -> None:
    stated = re.search(r"<!-- rule-count -->(\d+)<!-- /rule-count -->", README)
    assert stated, "README lost its rule count marker"
    listed = json.loads(run_qa("rules", "--format", "json").stdout)
    assert int(stated.group(1)) == len(listed), f"README: write {len(listed)} between the rule-count markers"


def test_every_setting_is_documented() -> None:
    from qa.config import DEFAULTS

    section = _section("### Configuration")
    ways = ("`{}`", "{} =", "[tool.qa.{}]")
    assert [key for key in DEFAULTS if not any(way.format(key) in section for way in ways)] == []


def _make_install(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    return subprocess.run(
        ["make", "-s", "-C", str(ROOT), "install", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_make_install_uses_pipx_when_it_is_there(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "pipx.log"
    (bin_dir / "pipx").write_text(f'#!/bin/sh\necho "$@" >> {log}\n', encoding="utf-8")
    (bin_dir / "pipx").chmod(0o755)
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    assert _make_install(tmp_path, env).returncode == 0
    assert _make_install(tmp_path, env, "EXTRAS=server,lsp").returncode == 0
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls == ["install --force .", "install --force .[server,lsp]"]


@pytest.mark.slow
@pytest.mark.xdist_group("builds-the-checkout")  # setuptools writes into the checkout
def test_make_install_without_pipx_puts_qa_in_the_user_bin(tmp_path: Path) -> None:
    """pip --user into a private user base; the dependencies are this test run's own (pip
    would fetch them otherwise), so the installed ``qa`` runs on them."""
    python = getattr(sys, "_base_executable", sys.executable)
    if Path(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED").exists():
        pytest.skip("this Python refuses pip --user (PEP 668); pipx is the way there")
    tools = tmp_path / "tools"  # make and sh, but no pipx
    tools.mkdir()
    for tool in ("make", "sh", "env", "rm", "mkdir", "cat", "uname", "sed", "tr"):
        if (found := shutil.which(tool)) is not None:
            (tools / tool).symlink_to(found)
    user = tmp_path / "user"
    env = {
        "PATH": str(tools),
        "PYTHONUSERBASE": str(user),
        "PIP_NO_DEPS": "1",
    }
    result = _make_install(tmp_path, env, f"PYTHON={python}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"qa installed in {user}/bin" in result.stdout
    site = next(Path(p) for p in sys.path if p.endswith("site-packages") and ".venv" in p)
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONUSERBASE": str(user)}
    run = subprocess.run(
        [str(user / "bin" / "qa"), "check", "-"],
        input="हालांकि,बातचीत\n",
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 1 and "P001" in run.stdout, run.stderr
    where = subprocess.run(
        [python, "-c", "import qa; print(qa.__file__)"], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert where.stdout.startswith(str(user)), where.stdout + where.stderr
