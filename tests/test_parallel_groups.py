"""``make test`` runs the suite on pytest-xdist workers with ``--dist loadgroup``: the tests of
one ``xdist_group`` (LanguageTool, the pre-commit environment, builds in the checkout) must
reach the scheduler as a group, or each worker starts its own Java and builds its own
environment, and two builds write into the checkout at once."""

from __future__ import annotations

import pytest
from languagetool_fixture import needs_languagetool


def _group(item: pytest.Item) -> str | None:
    names = sorted({str(mark.args[0]) for mark in item.iter_markers("xdist_group")})
    return "_".join(names) or None


@pytest.mark.xdist_group("suite-check")
def test_every_grouped_test_reaches_the_scheduler_as_its_group(request: pytest.FixtureRequest) -> None:
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("runs under pytest-xdist's --dist loadgroup (make test)")
    items = request.session.items
    assert all(_group(item) == "languagetool" for item in items if needs_languagetool(item))
    grouped = [(item.nodeid, group) for item in items if (group := _group(item))]
    assert [node for node, group in grouped if not node.endswith(f"@{group}")] == [], (
        "pytest-xdist no longer sees these xdist_group marks"
    )
