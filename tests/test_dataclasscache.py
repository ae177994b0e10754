"""qa's dataclasses built from the stored code behave as when their methods are compiled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SCRIPT = """
import dataclasses, json, pickle
from qa import dataclasscache
from qa.diagnostic import Diagnostic, Edit, Fix, Severity
from qa.meta import Example

fix = Fix((Edit(0, 2, "कि"),), "safe")
same = Fix((Edit(0, 2, "कि"),), "safe")
found = Diagnostic("T001", "name", Severity.ERROR, "message", 0, 2, ("कि",), fix)
moved = dataclasses.replace(found, start=1)
try:
    found.start = 5
    frozen = "assigned"
except dataclasses.FrozenInstanceError as exc:
    frozen = type(exc).__name__
print(json.dumps({
    "repr": [repr(found), repr(moved), repr(Example("क़लम"))],
    "eq": [found == pickle.loads(pickle.dumps(found)), found == moved, hash(fix) == hash(same)],
    "frozen": frozen,
    "fields": [f.name for f in dataclasses.fields(Diagnostic)],
    "init": str(Diagnostic.__init__.__annotations__),
    "new": dataclasscache._store[0].added,
}))
"""


def _run(cache: str) -> dict[str, object]:
    env = {**os.environ, "QA_DATA_CACHE": cache}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, cwd=ROOT, env=env, timeout=120, check=True
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _behaviour(run: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in run.items() if k != "new"}


def test_stored_methods_behave_like_compiled_ones(tmp_path: Path) -> None:
    fresh, first, second = _run("off"), _run(str(tmp_path)), _run(str(tmp_path))
    assert fresh["new"] == first["new"] and first["new"]
    assert second["new"] == 0  # all from the store
    assert _behaviour(fresh) == _behaviour(first) == _behaviour(second)
    assert fresh["frozen"] == "FrozenInstanceError" and fresh["eq"] == [True, False, True]


def test_a_damaged_store_is_compiled_again(tmp_path: Path) -> None:
    first = _run(str(tmp_path))
    (stored,) = tmp_path.glob("dataclasses-*.marshal")
    stored.write_bytes(stored.read_bytes()[:100])
    again = _run(str(tmp_path))
    assert again["new"] == first["new"] and _behaviour(again) == _behaviour(first)


def test_check_reports_the_same_with_the_store(tmp_path: Path) -> None:
    article = ROOT / "fixtures" / "articles" / "putin-xi-call.txt"
    command = [sys.executable, "-m", "qa.cli", "check", "--no-cache", "--exit-zero", "--format", "json"]

    def report(cache: str) -> bytes:
        env = {**os.environ, "QA_DATA_CACHE": cache}
        return subprocess.run(
            [*command, str(article)], capture_output=True, cwd=ROOT, env=env, timeout=300, check=True
        ).stdout

    off = report("off")
    assert report(str(tmp_path)) == report(str(tmp_path)) == off
    assert list(tmp_path.glob("dataclasses-*.marshal"))


def test_every_dataclass_of_qa_has_a_docstring() -> None:
    """``@dataclass`` writes a missing docstring from ``inspect.signature`` each time the
    class is created (about 0.15 ms at every start), so each of qa's has its own."""
    import dataclasses
    import importlib
    import pkgutil

    import qa

    docless = set()
    for info in pkgutil.walk_packages(qa.__path__, "qa."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            ours = dataclasses.is_dataclass(value) and getattr(value, "__module__", "") == info.name
            if ours and isinstance(value, type) and (value.__doc__ or "").startswith(f"{value.__name__}("):
                docless.add(f"{info.name}.{value.__qualname__}")
    assert not docless
