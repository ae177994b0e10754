"""A real LanguageTool server for the test session (fetched once, cached, stopped after).

Without Java or Maven (or without Maven Central) the tests that need it skip with
the reason — unless ``QA_REQUIRE_REAL=1`` (set by CI), which makes that a failure.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest

from qa import languagetool as lt


def require_real() -> bool:
    return os.environ.get("QA_REQUIRE_REAL") == "1"


def unavailable(reason: str) -> None:
    if require_real():
        pytest.fail(f"QA_REQUIRE_REAL=1 but {reason}")
    pytest.skip(reason)


def report(config: pytest.Config, line: str) -> None:
    """A measurement for the test log, shown even when output is captured. Standard error,
    not the terminal reporter: an xdist worker's reporter writes nowhere, its stderr is the run's."""
    capture = config.pluginmanager.get_plugin("capturemanager")
    if capture is not None:
        with capture.global_and_fixture_disabled():
            sys.stderr.write(f"\n[measured] {line}\n")


@pytest.fixture(scope="session")
def languagetool_server(pytestconfig: pytest.Config) -> Iterator[lt.Server]:
    """Install (once per cache) and start LanguageTool on a free loopback port."""
    try:
        lt.install()
        server = lt.start()
    except lt.LanguageToolError as exc:
        unavailable(f"no LanguageTool server: {exc}")
    report(
        pytestconfig,
        f"LanguageTool {lt.VERSION} start-up: health check after {server.ready_seconds:.1f} s, "
        f"first check answered after {server.warm_seconds:.1f} s",
    )
    yield server
    server.stop()


def is_family_e_example(item: pytest.Item) -> bool:
    """A rule example of family E (English), which needs the session server."""
    callspec = getattr(item, "callspec", None)
    meta = callspec.params.get("meta") if callspec else None
    return getattr(meta, "family", None) == "E"


def needs_languagetool(item: pytest.Item) -> bool:
    """Starts or installs LanguageTool: the session server, or its own Java."""
    return (
        "languagetool_server" in getattr(item, "fixturenames", ())
        or item.get_closest_marker("languagetool") is not None
        or is_family_e_example(item)
    )


@pytest.fixture(autouse=True)
def _languagetool_env(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Family E's rule examples talk to the session server; every other test runs without one."""
    monkeypatch.delenv(lt.ENV_URL, raising=False)
    if is_family_e_example(request.node):
        server = request.getfixturevalue("languagetool_server")
        monkeypatch.setenv(lt.ENV_URL, server.url)
