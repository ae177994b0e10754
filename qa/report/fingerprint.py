"""Fingerprints that follow a finding across unrelated edits (SARIF, GitLab Code Quality).

A finding is named by its rule, the text it covers and the word on each side of it, all
normalised (NFC, one space for any run of whitespace), plus how many earlier findings in
the file share all of that. Line and column numbers are left out on purpose: a paragraph
added above a finding moves it, and must not make it a new alert.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter

from qa.diagnostic import Diagnostic

#: SARIF ``partialFingerprints`` key (versioned: a change of recipe is a new key).
KEY = "qaContextHash/v1"
#: How far to look on each side for the neighbouring word, in code points.
REACH = 64


def _normal(text: str) -> str:
    """NFC, each run of whitespace one space; a finding on whitespace alone stays one space."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split()) or (" " if text else "")


def _neighbours(source: str, start: int, end: int) -> tuple[str, str]:
    before = source[max(0, start - REACH) : start].split()
    after = source[end : end + REACH].split()
    return (before[-1] if before else "", after[0] if after else "")


def fingerprints(source: str, diagnostics: list[Diagnostic]) -> list[str]:
    """One ``hash:occurrence`` per finding, in the order given."""
    seen: Counter[str] = Counter()
    out = []
    for d in diagnostics:
        before, after = _neighbours(source, d.start, d.end)
        parts = (d.code, _normal(source[d.start : d.end]), _normal(before), _normal(after))
        digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
        out.append(f"{digest}:{seen[digest]}")
        seen[digest] += 1
    return out
