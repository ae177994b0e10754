"""Compiled patterns from the start-up cache match exactly as freshly compiled ones."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PATTERNS = [
    r"(?<![\p{L}\p{M}])क(?P<sign>[ा-ौ])?र",
    r"(?i)abc|d+e",
    r"[\p{Devanagari}]+?\d{2,}",
    r"(?r)\w+",
    r"(?V1)[[:alpha:]--[a-c]]+",
    r"(\p{Nd}+)\s*(?:वां|वें|वीं)(?!\p{L})",
]
TEXT = "कौन ABC ddde कि 12 करना किताब 123 47वें कार Abc१२वीं\n"
SCRIPT = f"""
import json, regex
import qa.text  # installs the store
from qa import regexcache
found = {{p: [(m.span(), m.groups()) for m in regex.compile(p).finditer({TEXT!r})] for p in {PATTERNS!r}}}
stored = sorted(p for p, *_ in regexcache._stored if p in found)
print(json.dumps({{"found": found, "stored": stored}}))
"""


def _run(cache: str) -> dict[str, object]:
    env = {**os.environ, "QA_DATA_CACHE": cache}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, cwd=ROOT, env=env, timeout=120, check=True
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_stored_patterns_match_like_fresh_ones(tmp_path: Path) -> None:
    fresh = _run("off")
    first, second = _run(str(tmp_path)), _run(str(tmp_path))
    assert fresh["stored"] == first["stored"] == []
    assert second["stored"] == sorted(PATTERNS)  # the second process rebuilt them from the store
    assert fresh["found"] == first["found"] == second["found"]
    assert any(fresh["found"].values())  # type: ignore[union-attr]


def test_a_damaged_store_is_ignored(tmp_path: Path) -> None:
    _run(str(tmp_path))
    for stored in tmp_path.glob("regex-*.marshal"):
        stored.write_bytes(b"\x00garbage")
    assert _run(str(tmp_path))["found"] == _run("off")["found"]


def test_patterns_still_pickle() -> None:
    import pickle

    import regex

    import qa.text  # noqa: F401  (installs the store)

    pattern = regex.compile(r"(?<!\p{L})क(?P<x>[ा-ौ])?र")
    copy = pickle.loads(pickle.dumps(pattern))
    assert copy.pattern == pattern.pattern
    assert [m.span() for m in copy.finditer(TEXT)] == [m.span() for m in pattern.finditer(TEXT)]


STANDARD = [
    (r"^(?P<stem>[क-ह]+)(ा|े|ी)$", "M"),
    (r"(?i)abc|(d+)(e)?", ""),
    (r"[^ \u0900-\u097f]+", ""),
    (r"\b\w+\b", "M"),
]
STANDARD_SCRIPT = f"""
import json, pickle, re
from qa import regexcache
found = {{}}
for pattern, flags in {STANDARD!r}:
    flag = re.M if flags else 0
    compiled = regexcache.standard(pattern, flag)
    fresh = re.compile(pattern, flag)
    same = [getattr(compiled, a) == getattr(fresh, a) for a in ("flags", "groups", "groupindex")]
    copy = pickle.loads(pickle.dumps(compiled))
    matches = [(m.span(), m.groups()) for m in compiled.finditer({TEXT!r})]
    found[pattern] = [all(same), copy.pattern == pattern, matches]
print(json.dumps({{"found": found, "stored": len(regexcache._standard) - len(regexcache._new_standard)}}))
"""


def test_standard_patterns_from_the_store_match_like_re_compile(tmp_path: Path) -> None:
    def run(cache: str) -> dict[str, object]:
        env = {**os.environ, "QA_DATA_CACHE": cache}
        done = subprocess.run(
            [sys.executable, "-c", STANDARD_SCRIPT],
            capture_output=True,
            cwd=ROOT,
            env=env,
            timeout=120,
            check=True,
        )
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    fresh, first, second = run("off"), run(str(tmp_path)), run(str(tmp_path))
    assert fresh["stored"] == first["stored"] == 0 and second["stored"] >= len(STANDARD)  # type: ignore[operator]
    assert fresh["found"] == first["found"] == second["found"]
    expected = {
        p: [
            True,
            True,
            [[list(m.span()), list(m.groups())] for m in re.compile(p, re.M if f else 0).finditer(TEXT)],
        ]
        for p, f in STANDARD
    }
    assert fresh["found"] == expected
