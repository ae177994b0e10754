"""A non-editable ``pip install .`` into a fresh virtualenv works outside the repo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED


@pytest.mark.slow
@pytest.mark.xdist_group("builds-the-checkout")  # setuptools writes into the checkout
def test_wheel_install_ships_rule_data_and_runs(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(ROOT)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    story = tmp_path / "story.txt"
    story.write_bytes(SEED.read_bytes())
    result = subprocess.run(
        [str(venv / "bin" / "qa"), "check", "--format", "json", "story.txt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert '"code": "P001"' in result.stdout
    installed = subprocess.run(
        [str(python), "-c", "import qa.engine.registry as r; print(r.rules_dir())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert "site-packages" in installed.stdout and str(ROOT) not in installed.stdout
