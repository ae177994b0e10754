"""Spans a rule claims (``masks: true``): text in a legacy font or mojibake is one finding,
not a heap of bracket, semicolon and spelling findings on its glyph codes; and the findings
a rule's finding stands for (``covers``, :func:`qa.engine.masks.covered`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.diagnostic import Diagnostic, Severity
from qa.engine import masks, registry
from qa.errors import RuleDataError

from conftest import run_qa

KRUTI = "नई दिल्ली। vkt dh [kcj ;g gS fd ljdkj us QSlyk fy;kA\n"
#: Unicode copy with the same slips, which must still be reported.
UNICODE = "सरकार ने कहा ;कि (बातचीत जारी है।\n"
MOJIBAKE = "ख़बर है कि\n\nà¤¹à¤¿à¤‚à¤¦à¥€ à¤–à¤¬à¤° (à¤†à¤œ ;à¤•à¥€\n"


def _codes(*args: str, text: str, cwd: Path | None = None) -> list[tuple[str, int]]:
    result = run_qa("check", "--format", "json", *args, "-", input=text.encode(), cwd=cwd)
    assert result.returncode in (0, 1), result.stderr.decode()
    return [(d["code"], d["line"]) for d in json.loads(result.stdout)["diagnostics"]]


def test_legacy_font_line_is_one_finding_and_unicode_slips_stay() -> None:
    found = _codes(text=KRUTI + UNICODE)
    assert [code for code, line in found if line == 1] == ["U033"]
    assert sorted(code for code, line in found if line == 2) == ["P002", "P009"]


def test_mojibake_paragraph_is_one_finding() -> None:
    assert _codes(text=MOJIBAKE) == [("U032", 3)]


def test_without_the_masking_rule_nothing_is_masked() -> None:
    """The mask is the finding's: ignore U033 and the other rules speak again."""
    found = {code for code, _ in _codes("--ignore", "U033", text=KRUTI)}
    assert {"P002", "P009"} <= found


def test_suppressing_the_masking_finding_keeps_the_span_masked() -> None:
    """A comment that silences U033 on the line does not bring the noise back."""
    assert _codes(text=KRUTI.replace("\n", " <!-- qa: disable-line U033 -->\n")) == []


def test_fix_does_not_apply_edits_inside_a_masked_span() -> None:
    result = run_qa("check", "--fix", "-", input=KRUTI.encode())
    fixed = result.stdout.decode()
    assert "[kcj ;g" in fixed and "fy;kA" in fixed, fixed  # P002/P001 would have edited these


USER_RULES = """\
rules:
  - code: S901
    name: quoted-code
    type: pattern
    severity: warning
    masks: true
    summary: Code between backticks.
    message: "code in copy"
    pattern: '`[^`]+`'
    examples:
      fail: ["ज़्यादा लोग ⟦`a ;b`⟧ लिखते हैं।"]
      pass: ["ज़्यादा लोग लिखते हैं।"]
"""


def test_any_rule_may_declare_a_mask(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(USER_RULES, encoding="utf-8")
    (tmp_path / "qa.toml").write_text('rule-files = ["mine.yaml"]\n', encoding="utf-8")
    text = "ज़्यादा लोग `a ;b` लिखते हैं ;और\n"
    found = _codes(text=text, cwd=tmp_path)
    assert [code for code, _ in found] == ["S901", "P002"]


def test_masks_must_be_a_boolean(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_RULES.replace("masks: true", "masks: yes please"), encoding="utf-8")
    with pytest.raises(RuleDataError, match="'masks' must be true or false"):
        registry.load_file(path)


def _finding(code: str, start: int, end: int) -> Diagnostic:
    return Diagnostic(code, "x", Severity.WARNING, "m", start, end)


@pytest.mark.parametrize(
    ("start", "end", "kept"),
    [
        (0, 10, False),  # the whole span
        (6, 7, False),  # inside
        (3, 4, True),  # before
        (8, 12, False),  # straddles the end
        (10, 10, False),  # zero-width, inside
        (20, 20, True),  # zero-width at the end: outside
        (20, 25, True),  # after
        (26, 31, False),  # inside the second span
        (31, 33, True),  # right after the second span
    ],
)
def test_overlap_is_by_code_point(start: int, end: int, kept: bool) -> None:
    claims = [_finding("U033", 10, 20), _finding("U032", 25, 31), _finding("U033", 5, 12)]
    other = _finding("P001", start, end)
    result = masks.apply([*claims, other], {"U033", "U032"})
    assert (other in result) is kept
    assert all(c in result for c in claims)  # masking findings never mask each other


@pytest.mark.parametrize(
    ("start", "end", "kept"),
    [
        (10, 20, False),  # the same span
        (12, 14, False),  # inside
        (8, 14, True),  # starts before: another slip
        (15, 22, True),  # ends after
        (30, 31, False),  # inside the second owner
        (40, 41, True),  # after both
    ],
)
def test_covered_only_inside_the_span(start: int, end: int, kept: bool) -> None:
    owners = [_finding("T003", 10, 20), _finding("T001", 25, 35)]
    other = _finding("U014", start, end)
    unrelated = _finding("P001", 12, 14)
    result = masks.covered([*owners, other, unrelated], {"T003": {"U014"}, "T001": {"U014"}})
    assert (other in result) is kept
    assert unrelated in result and all(o in result for o in owners)


def test_a_covered_owner_still_stands_for_its_own_codes() -> None:
    """T001 covers T003, T003 covers U014: the register's finding is the one left."""
    found = [_finding("T001", 0, 5), _finding("T003", 0, 5), _finding("U014", 2, 4)]
    result = masks.covered(found, {"T001": {"T003"}, "T003": {"U014"}})
    assert [d.code for d in result] == ["T001"]
