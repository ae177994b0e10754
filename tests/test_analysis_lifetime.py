"""A per-document analysis lives while the rules of one family run: the next family's
rules find none of the last one's (a big document never holds every family's at once),
and one that asks again gets it built again. Real CLI, a user's rule file of python rules."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import probe_rules, run_qa

PROBES = '''
from qa.engine.rule import Rule


class Probe(Rule):
    """Reports which analyses it finds before and after asking for "probe" (built once per ask)."""

    def check(self, ctx):
        found = sorted(ctx.analyses)
        built = ctx.shared("probe", lambda c: object())
        again = ctx.shared("probe", lambda c: object())
        yield self.diagnostic(0, 1, f"{','.join(found) or '-'} {built is again}")
'''


def test_analyses_are_let_go_between_families(tmp_path: Path) -> None:
    codes = ("S901", "S902", "U901", "U902")
    probe_rules(tmp_path, PROBES, dict.fromkeys(codes, "Probe"))
    (tmp_path / "a.txt").write_text("कल बारिश हुई।\n", encoding="utf-8")
    done = run_qa(
        "check", "--no-cache", "--exit-zero", "--select", ",".join(codes), "--format", "json", "a.txt",
        cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    messages = {d["code"]: d["message"] for d in json.loads(done.stdout)["diagnostics"]}
    # S902 finds S901's; U901 finds none (S's were let go), U902 finds U901's
    assert messages == {"S901": "- True", "S902": "probe True", "U901": "- True", "U902": "probe True"}
