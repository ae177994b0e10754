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
print(json.dumps({{"found": found, "new": regexcache._store[0] and regexcache._store[0].added}}))
"""


def _run(cache: str, script: str = SCRIPT) -> dict[str, object]:
    """What ``script`` prints, run in a fresh process with the start-up cache at ``cache``."""
    env = {**os.environ, "QA_DATA_CACHE": cache}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, cwd=ROOT, env=env, timeout=120, check=True
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_stored_patterns_match_like_fresh_ones(tmp_path: Path) -> None:
    fresh = _run("off")
    first, second = _run(str(tmp_path)), _run(str(tmp_path))
    assert fresh["new"] is None and first["new"] >= len(PATTERNS)  # type: ignore[operator]
    assert second["new"] == 0  # the second process rebuilt them all from the store
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
    once = regexcache.standard(pattern, flag) is compiled
    found[pattern] = [all(same), copy.pattern == pattern, once, matches]
print(json.dumps({{"found": found, "new": regexcache._store[0] and regexcache._store[0].added}}))
"""


def test_standard_patterns_from_the_store_match_like_re_compile(tmp_path: Path) -> None:
    fresh, first, second = (_run(cache, STANDARD_SCRIPT) for cache in ("off", str(tmp_path), str(tmp_path)))
    assert fresh["new"] is None and first["new"] == len(STANDARD) and second["new"] == 0
    assert fresh["found"] == first["found"] == second["found"]
    expected = {
        p: [
            True,
            True,
            True,  # compiled once per process, with or without the store
            [[list(m.span()), list(m.groups())] for m in re.compile(p, re.M if f else 0).finditer(TEXT)],
        ]
        for p, f in STANDARD
    }
    assert fresh["found"] == expected


DEFERRED_SCRIPT = f"""
import json, pickle, sys
from qa import regexcache
regexcache.defer()  # as the command line does, before anything imports regex
import regex
import qa.text  # compiles its patterns: from the store when it is warm
mine = regex.compile({PATTERNS[0]!r})
copy = pickle.loads(pickle.dumps(mine))
before = "regex._regex_core" in sys.modules
templated = regex.compile(r"(क)(ि)").sub(r"\\2\\1", "किताब")  # the C core imports regex._main
odd = [m.span() for m in regex.compile(r"ज़?रा", regex.I | regex.V1).finditer({TEXT!r})]
print(json.dumps({{
    "parser": [before, "regex._regex_core" in sys.modules],
    "stand_in": type(regex).__name__,
    "pickled": [m.span() for m in copy.finditer({TEXT!r})] == [m.span() for m in mine.finditer({TEXT!r})],
    "templated": templated,
    "found": [m.span() for m in mine.finditer({TEXT!r})],
    "escape": [regex.escape("a.b (क)\\t"), regex.escape("a b", literal_spaces=True)],
    "flagged": odd,
    "pattern": isinstance(mine, regex.Pattern),
}}))
"""


def test_the_stand_in_needs_no_parser_while_patterns_are_stored(tmp_path: Path) -> None:
    off, cold, warm = (_run(cache, DEFERRED_SCRIPT) for cache in ("off", str(tmp_path), str(tmp_path)))
    assert off["stand_in"] == "module" and warm["stand_in"] == "_Deferred"
    assert warm["parser"] == [False, True] and cold["parser"][0] is True  # type: ignore[index]
    for name in ("pickled", "templated", "found", "flagged", "escape", "pattern"):
        assert off[name] == cold[name] == warm[name], name
    assert warm["templated"] == "िकताब" and warm["escape"] == [r"a\.b\ \(क\)\	", "a b"]


def test_the_stand_in_flags_and_escape_are_regexs() -> None:
    import regex

    from qa import regexcache

    assert set(regexcache.FLAGS) == set(regex.RegexFlag.__members__)
    assert all(int(getattr(regex, name)) == value for name, value in regexcache.FLAGS.items())
    text = "".join(map(chr, range(0x80))) + "\u00a0\u2003क़ि।\u0964"
    for spaces in (False, True):
        assert regexcache._escape(text, literal_spaces=spaces) == regex.escape(text, literal_spaces=spaces)


def test_a_one_line_check_imports_no_regex_parser(tmp_path: Path) -> None:
    """The real command line, with the start-up cache warm: regex's Python parser is not imported."""
    line = tmp_path / "one.txt"
    line.write_text("ज़्यादा राष्ट्रपति ने कहा कि बातचीत जारी रहेगी।\n", encoding="utf-8")
    article = ROOT / "fixtures" / "articles" / "putin-xi-call.txt"
    env = {**os.environ, "QA_DATA_CACHE": str(tmp_path / "cache")}
    for path in (line, article):
        command = [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "qa.cli",
            "check",
            "--no-cache",
            "--exit-zero",
            str(path),
        ]
        cold = subprocess.run(command, capture_output=True, cwd=ROOT, env=env, timeout=300, check=True)
        warm = subprocess.run(command, capture_output=True, cwd=ROOT, env=env, timeout=300, check=True)
        assert b"regex._regex_core" in cold.stderr and b"regex._regex_core" not in warm.stderr
        assert cold.stdout == warm.stdout


BOUNDED_SCRIPT = """
import json, regex
import qa.text  # installs the store
from qa import regexcache
texts = [f"क{i}र" for i in range(regexcache.MAX_KEPT + 100)]
found = [regexcache.standard(t).search(t) and regex.compile(t).search(t) for t in texts]
kept = {"standard": len(regexcache._standard), "built": len(regexcache._built)}
print(json.dumps({"all": all(found), **kept, "limit": regexcache.MAX_KEPT}))
"""


def test_the_memos_stay_bounded_as_new_patterns_come(tmp_path: Path) -> None:
    """A server compiling ever new patterns (users' rule files) keeps at most MAX_KEPT of them."""
    found = _run(str(tmp_path), BOUNDED_SCRIPT)
    assert found["all"] is True
    assert 0 < found["standard"] <= found["limit"] and 0 < found["built"] <= found["limit"]  # type: ignore[operator]
