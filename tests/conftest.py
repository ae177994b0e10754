"""Shared helpers: run the real CLI, find the shared data, build configs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from languagetool_fixture import _languagetool_env, languagetool_server, needs_languagetool  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "articles" / "putin-xi-call.txt"
#: Third-party corpora for evaluation live beside the project, never inside it.
SHARED_DATA = Path(os.environ.get("QA_SHARED_DATA", ROOT.parent / "shared" / "data"))


def run_qa(
    *args: str, input: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``qa`` as a user would, in a subprocess."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "qa.cli", *args],
        input=input,
        capture_output=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=120,
    )


@pytest.fixture
def qa_cli():
    return run_qa


def ctrl_c_as_in_a_terminal() -> None:
    """In a child about to be sent SIGINT: Ctrl-C's default action, as a terminal gives it.
    A test run in the background (``cmd &`` without job control, as CI runners do) ignores
    SIGINT, and an ignored signal stays ignored across exec, so the child would never see it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def spans_of(text: str, select: str) -> list[tuple[str, str]]:
    """The findings of the rules ``select`` names (a code or a family) in ``text``: (code,
    the text it covers)."""
    from qa import api
    from qa.config import Config

    config = Config()
    config.values["select"] = [select]
    return [(d.code, text[d.start : d.end]) for d in api.check(text, config=config)]


def findings_of(text: str, code: str) -> list[tuple[int, int, str]]:
    """The findings of rule ``code`` alone in ``text``: (start, end, message)."""
    from qa import api
    from qa.config import Config

    config = Config()
    config.values["select"] = [code]
    return [(d.start, d.end, d.message) for d in api.check(text, config=config)]


_PROBE_RULE = """\
  - code: {code}
    name: probe-{number}
    type: python
    impl: probes:{impl}
    severity: info
    summary: Probe.
    message: probe
    examples:
      fail: ["⟦क⟧"]
      pass: ["ग"]
"""


def probe_rules(folder: Path, module: str, impls: dict[str, str]) -> None:
    """A user's python rules in ``folder``: ``module`` as ``probes.py``, a rule file with
    each code of ``impls`` implemented by the class it names there, and a ``qa.toml`` that
    loads the file."""
    (folder / "probes.py").write_text(module, encoding="utf-8")
    rules = (
        _PROBE_RULE.format(code=code, number=n, impl=impl) for n, (code, impl) in enumerate(impls.items())
    )
    (folder / "probes.yaml").write_text("rules:\n" + "".join(rules), encoding="utf-8")
    (folder / "qa.toml").write_text('rule-files = ["probes.yaml"]\n', encoding="utf-8")


def shared(*parts: str) -> Path:
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under ``make test``'s parallel workers (``--dist loadgroup``), the tests that need
    LanguageTool share one worker, so one Java server is started and one install runs."""
    for item in items:
        if needs_languagetool(item):
            item.add_marker(pytest.mark.xdist_group("languagetool"))


pytest_plugins = ["tests.server_fixture"]
