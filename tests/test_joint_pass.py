"""Rules that share a pass (``Rule.joint``) are checked together, once per family and
document, and find what each finds alone: the runner through the real CLI with a user's
rule file, and G's clause rules, which read each sentence once for all of them."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from test_clause_facts import _texts

from qa import api
from qa.checks import clauses
from qa.config import Config

from conftest import probe_rules, run_qa

PROBES = '''
from qa.engine.rule import Rule


class Together:
    """A pass that says which rules it was given, and how many passes ran before."""

    def __init__(self):
        self.passes = 0

    def __call__(self, ctx, rules):
        self.passes += 1
        codes = ",".join(rule.meta.code for rule in rules)
        return [[rule.diagnostic(0, 1, f"pass {self.passes}: {codes}")] for rule in rules]


class Joint(Rule):
    joint = Together()

    def check(self, ctx):
        return self.joint(ctx, [self])[0]


class Alone(Rule):
    def check(self, ctx):
        yield self.diagnostic(0, 1, "alone")
'''


def test_rules_of_a_family_with_one_joint_are_checked_in_one_pass(tmp_path: Path) -> None:
    impls = {"S901": "Joint", "S902": "Alone", "S903": "Joint", "U901": "Joint"}
    probe_rules(tmp_path, PROBES, impls)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("कल बारिश हुई।\n", encoding="utf-8")
    done = run_qa(
        "check", "--no-cache", "--exit-zero", "-j", "1", "--select", ",".join(impls), "--format", "json",
        "a.txt", "b.txt", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    found = [(d["path"], d["code"], d["message"]) for d in json.loads(done.stdout)["diagnostics"]]
    # one pass for S901 and S903 around S902, another for U901 (another family), per file
    assert found == [
        ("a.txt", "S901", "pass 1: S901,S903"),
        ("a.txt", "S902", "alone"),
        ("a.txt", "S903", "pass 1: S901,S903"),
        ("a.txt", "U901", "pass 2: U901"),
        ("b.txt", "S901", "pass 3: S901,S903"),
        ("b.txt", "S902", "alone"),
        ("b.txt", "S903", "pass 3: S901,S903"),
        ("b.txt", "U901", "pass 4: U901"),
    ]


CLAUSE_RULES = ("G020", "G022", "G023", "G026", "G027")


def _findings(text: str, codes: tuple[str, ...]) -> list[tuple[object, ...]]:
    config = Config()
    config.values["select"] = list(codes)
    return [(d.code, d.start, d.end, d.message, d.fix) for d in api.check(text, config=config)]


def test_the_clause_rules_together_find_what_each_finds_alone() -> None:
    """G022 and G023 share their clause readings, a sentence at a time; each rule keeps
    its own record of the fixes it reported."""
    for text in _texts():
        together = _findings(text, CLAUSE_RULES)
        alone = sorted(
            (found for code in CLAUSE_RULES for found in _findings(text, (code,))), key=lambda f: f[1:3]
        )
        assert sorted(together, key=lambda f: f[1:3]) == alone
    assert {found[0] for found in _findings(_texts()[0], CLAUSE_RULES)} >= {"G020", "G022", "G023"}


class _Counting:
    """A view's reader (``clauses._reader``) that lists the sentences it cuts into tokens
    (``cut``) and those whose records it makes (``made``)."""

    def __init__(self, cut: list[tuple[int, int]], made: list[tuple[int, int]], view: str) -> None:
        self.reader, self.cut, self.made = _READER(view), cut, made

    def tokenise(self, start: int, end: int) -> _Counting:
        self.cut.append((start, end))
        self.sentence, self.span = self.reader.tokenise(start, end), (start, end)
        return self

    def records(self) -> object:
        self.made.append(self.span)
        return self.sentence.records()

    def __getattr__(self, name: str) -> object:
        return getattr(self.sentence, name)


_READER = clauses._reader


def test_the_clause_pass_cuts_each_sentence_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """G020 reads in the clause rules' pass: together they cut each sentence they read into
    tokens once and make its records at most once (G020's compiled reading only where a
    clause reaches a verb)."""
    config = Config()
    config.values["select"] = list(CLAUSE_RULES)
    assert all(type(rule).joint is clauses.ClauseRule.joint for rule in api.linter(config).rules)
    codes: set[str] = set()
    for text in _texts():
        cut: list[tuple[int, int]] = []
        made: list[tuple[int, int]] = []
        monkeypatch.setattr(clauses, "_reader", partial(_Counting, cut, made))
        codes |= {str(found[0]) for found in _findings(text, CLAUSE_RULES)}
        assert len(set(cut)) == len(cut) and len(set(made)) == len(made)
        assert set(made) <= set(cut)
    assert codes >= {"G020", "G022", "G023"}
