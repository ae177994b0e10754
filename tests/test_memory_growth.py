"""Memory grows linearly with the input: ``qa check`` (read, lint, JSON report) on an
article repeated into documents of three sizes; the growth exponent of the peak above the
smallest's. Not timed; a generous bound (quadratic structures would show about 2)."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED

#: ``qa`` with its peak resident memory (the kernel's high-water mark) on stderr at exit.
_MEASURED = """
import atexit, sys
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write(f"peak-kb {line.split()[1]}\\n")
atexit.register(peak)
from qa.cli import main
sys.argv = ["qa", *sys.argv[1:]]
main()
"""


def _peak_kb(path: Path) -> int:
    report = path.with_suffix(".json")
    command = [
        "check",
        "--no-cache",
        "--exit-zero",
        "-j",
        "1",
        "--format",
        "json",
        "-o",
        str(report),
        str(path),
    ]
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, *command],
        capture_output=True,
        cwd=path.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()
    return int(result.stderr.decode().rsplit("peak-kb ", 1)[1].split()[0])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the kernel's memory figures")
def test_peak_memory_grows_linearly_with_the_input(tmp_path: Path) -> None:
    article = SEED.read_text(encoding="utf-8")
    copies = {"base": 8, "small": 40, "large": 160}  # the smallest already loads every table the others do
    peaks = {}
    for name, count in copies.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(article * count, encoding="utf-8")
        peaks[name] = _peak_kb(path)
    small, large = peaks["small"] - peaks["base"], peaks["large"] - peaks["base"]
    assert 0 < small < large, peaks
    growth = (copies["large"] - copies["base"]) / (copies["small"] - copies["base"])
    exponent = math.log(large / small) / math.log(growth)
    assert exponent < 1.5, (exponent, peaks)
