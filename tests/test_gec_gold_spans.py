"""The IndicGEC gold spans of bench/eval_spelling.py: at the source's real offsets."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from eval_spelling import gec_pairs  # noqa: E402


def _spans(tmp_path: Path, src: str, tgt: str) -> list[str]:
    path = tmp_path / "pairs.csv"
    path.write_text(f"Input sentence,Output sentence\n{src},{tgt}\n", encoding="utf-8")
    ((text, spans),) = list(gec_pairs(path))
    return [text[s:e] for s, e in spans]


def test_a_span_after_a_double_space_covers_its_own_token(tmp_path: Path) -> None:
    assert _spans(tmp_path, "ज़्यादा  लोग प्रदुषण से परेशान", "ज़्यादा लोग प्रदूषण से परेशान") == ["  ", "प्रदुषण"]


def test_a_space_before_the_danda_is_part_of_the_rewritten_tokens(tmp_path: Path) -> None:
    assert _spans(tmp_path, "ख़बर सही है ।", "ख़बर सही है।") == ["है ।"]


def test_spacing_the_correction_keeps_is_no_gold_edit(tmp_path: Path) -> None:
    assert _spans(tmp_path, "फ़िलहाल  पानी कि कमी", "फ़िलहाल  पानी की कमी") == ["कि"]
