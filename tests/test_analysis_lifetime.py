"""A per-document analysis lives while the rules of one family run: the next family's
rules find none of the last one's (a big document never holds every family's at once),
and one that asks again gets it built again. Real CLI, a user's rule file of python rules.
The document's word pairs go once no rule that reads them is to run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa import api
from qa.config import Config
from qa.document import Document
from qa.engine.joint import JointFindings
from qa.engine.rule import Rule
from qa.engine.runner import PAIR_FAMILIES

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


def _examples() -> str:
    """Every rule's failing and passing examples, as one document."""
    metas = api.default_session().rules().values()
    return "\n\n".join(e.plain for meta in metas for e in (*meta.failing, *meta.passing)) + "\n"


def test_only_the_pair_families_read_the_word_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The document lets its word pairs go past the last rule of :data:`PAIR_FAMILIES`: no
    rule of another family may be the one that asks for them."""
    current, readers = [""], set()
    of, word_pairs = JointFindings.of, Document.word_pairs

    def checked(self: JointFindings, rule: Rule) -> object:
        current[0] = rule.meta.code
        return of(self, rule)

    def read(self: Document) -> list[tuple[str, int]]:
        readers.add(current[0][0])
        return word_pairs(self)

    monkeypatch.setattr(JointFindings, "of", checked)
    monkeypatch.setattr(Document, "word_pairs", read)
    api.linter(Config()).check(api.document(_examples()))
    assert readers == PAIR_FAMILIES


def test_the_word_pairs_go_when_no_rule_will_read_them() -> None:
    """Without G the pairs the words were read from are not held to the end of the check
    (38 MB of the 5 MB one-file corpus); with it G is handed the very pairs, and they go
    with G's analyses."""
    text = "ज़्यादा राष्ट्रपति ने कहा की बातचीत जारी रहेगी । उनकी बेटा आया।\n"
    for select in (["T", "P"], ["F", "G", "T"]):
        document = api.document(text)
        api.linter(Config(), select=select).check(document)
        assert "_words" in document.__dict__ and document._pairs is None


def test_g_is_handed_the_pairs_the_words_were_read_from(monkeypatch: pytest.MonkeyPatch) -> None:
    held = []
    word_pairs = Document.word_pairs

    def read(self: Document) -> list[tuple[str, int]]:
        held.append(self._pairs is not None)
        return word_pairs(self)

    monkeypatch.setattr(Document, "word_pairs", read)
    document = api.document("उनकी बेटा 21वी सदी में आया।\n")
    document.word_texts  # noqa: B018  (read before G, as F's ordinals read them)
    api.linter(Config(), select=["G"]).check(document)
    assert held == [True]
