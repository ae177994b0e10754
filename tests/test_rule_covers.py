"""One slip, one finding: a rule declares the codes it ``covers``, and their findings
inside its finding's span step aside (T003's "कीी" -> की, not also U014's doubled sign)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.engine import registry
from qa.errors import RuleDataError

from conftest import run_qa


def _codes(*args: str, text: str) -> list[str]:
    result = run_qa("check", "--format", "json", "--no-group", *args, "-", input=text.encode())
    assert result.returncode in (0, 1), result.stderr.decode()
    return sorted(d["code"] for d in json.loads(result.stdout)["diagnostics"])


def test_doubled_sign_on_a_function_word_is_one_finding() -> None:
    assert _codes(text="ख़बर है कि यह सरकार कीी योजना है।\n") == ["T003"]


def test_without_the_covering_rule_the_covered_one_speaks() -> None:
    assert _codes("--ignore", "T003", text="ख़बर है कि यह सरकार कीी योजना है।\n") == ["U014"]


def test_a_name_spelled_two_ways_is_n003s_not_also_t002s() -> None:
    text = "मंत्री सुनील कुमार भी आए। सुनील ने कहा कि अस्पताल तैयार हैं। सुनिल ने बताया कि दवा पहुंची।\n"
    assert _codes(text=text) == ["N003"]
    assert _codes("--ignore", "N003", text=text) == ["T002"]


def test_a_cheap_slip_of_a_common_word_is_t002s_not_a_stray_letter() -> None:
    """भीढ़ is भीड़ with the wrong flap, not भी with a stray ढ़."""
    assert _codes(text="मेले में अगल बगल के गांवों से बहुत भीढ़ लगती है।\n") == ["T002"]


USER_RULES = """\
rules:
  - code: S901
    name: doubled-word
    type: pattern
    severity: warning
    covers: [P001]
    summary: A word typed twice.
    message: "doubled word"
    pattern: '(\\S+) \\1'
    examples:
      fail: ["ज़्यादा लोग ⟦आए आए⟧ हैं।"]
      pass: ["ज़्यादा लोग आए हैं।"]
"""


def test_covers_must_be_a_list_of_codes(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_RULES, encoding="utf-8")
    (spec,) = registry.load_file(path)
    assert spec.meta.covers == ("P001",)
    path.write_text(USER_RULES.replace("[P001]", "P001"), encoding="utf-8")
    with pytest.raises(RuleDataError, match="'covers' must be a list of rule codes"):
        registry.load_file(path)
