"""``qa check -j N``, the ``.qa_cache`` result cache and the start-up data cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qa import datacache
from qa.cache import Cache
from qa.config import Config
from qa.diagnostic import Diagnostic, Edit, Fix, Severity

from conftest import ROOT, run_qa

COMMA = "ज़्यादा राष्ट्रपति ने कहा,बातचीत जारी है।\n"
CLEAN = "ज़्यादा राष्ट्रपति ने कहा कि बातचीत जारी है।\n"


def _qa(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "qa.cli", *args],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1", **env},
        timeout=120,
    )


def _folder(tmp_path: Path, count: int = 12) -> Path:
    copy = tmp_path / "copy"
    copy.mkdir()
    for i in range(count):
        (copy / f"{i:02d}.txt").write_text(f"खंड {i}।\n" + (COMMA if i % 3 else CLEAN), encoding="utf-8")
    (copy / "bad.txt").write_bytes(b"caf\xe9")
    return copy


def test_jobs_give_the_same_report_in_the_same_order(tmp_path: Path) -> None:
    copy = _folder(tmp_path)
    one = run_qa("check", "--no-cache", "-j", "1", "--format", "json", str(copy))
    many = run_qa("check", "--no-cache", "-j", "3", "--format", "json", str(copy))
    assert one.returncode == many.returncode == 2  # bad.txt is an input error; the rest is reported
    assert one.stdout == many.stdout and one.stderr == many.stderr
    paths = [d["path"] for d in json.loads(many.stdout)["diagnostics"]]
    assert paths == sorted(paths) and len(set(paths)) == 8


def test_cache_reuses_unchanged_files_and_notices_edits(tmp_path: Path) -> None:
    copy = _folder(tmp_path, count=3)
    (copy / "bad.txt").unlink()
    cache = tmp_path / "cache"
    env = {"QA_CACHE_DIR": str(cache)}
    first = _qa("check", "--format", "json", str(copy), env=env)
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 3 and (cache / "CACHEDIR.TAG").exists()
    second = _qa("check", "--format", "json", str(copy), env=env)
    assert second.stdout == first.stdout and sorted(cache.rglob("*.json")) == entries
    (copy / "00.txt").write_text(COMMA, encoding="utf-8")  # was clean
    third = _qa("check", "--format", "json", str(copy), env=env)
    assert len(sorted(cache.rglob("*.json"))) == 4
    assert third.stdout.count(b'"P001"') == first.stdout.count(b'"P001"') + 1
    _qa("check", "--no-cache", "--select", "P", str(copy), env=env)
    assert len(sorted(cache.rglob("*.json"))) == 4  # --no-cache neither reads nor writes


def test_cache_key_follows_settings_and_entries_round_trip(tmp_path: Path) -> None:
    plain, strict = Config(), Config()
    strict.override("fail-level", "info", "--fail-level")
    selected = Config()
    selected.override("select", ["P001"], "--select")
    a, b = Cache(tmp_path, plain), Cache(tmp_path, strict)
    assert a.key("x.txt", COMMA, bom=False) != b.key("x.txt", COMMA, bom=False)
    assert a.key("x.txt", COMMA, bom=False) != a.key("x.md", COMMA, bom=False)
    assert a.key("x.txt", COMMA, bom=False) != Cache(tmp_path, selected).key("x.txt", COMMA, bom=False)
    found = [
        Diagnostic("P001", "comma", Severity.ERROR, "m", 1, 2, (", ",), Fix((Edit(1, 2, ", "),), "safe")),
        Diagnostic("N001", "name", Severity.INFO, "n", 3, 5, (), None, "title"),
    ]
    key = a.key("x.txt", COMMA, bom=False)
    assert a.get(key) is None
    a.put(key, found)
    assert a.get(key) == found and a.get(key)[1].field == "title"
    (tmp_path / key[:2] / f"{key}.json").write_text("{not json", encoding="utf-8")
    assert a.get(key) is None  # a damaged entry is a miss, not a crash


def test_cache_key_follows_the_qa_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A LanguageTool server named in the environment makes E001 ask it: findings cached
    without one must not answer then (a hit builds no rule to tell)."""
    before = Cache(tmp_path, Config()).key("x.txt", COMMA, bom=False)
    monkeypatch.setenv("QA_LANGUAGETOOL_URL", "http://127.0.0.1:9/")
    assert Cache(tmp_path, Config()).key("x.txt", COMMA, bom=False) != before


def test_data_cache_rebuilds_when_a_source_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path / "data"))
    source = tmp_path / "words.txt"
    source.write_text("एक\n", encoding="utf-8")
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {w: 1 for w in source.read_text(encoding="utf-8").split()}

    assert datacache.cached("words", [source], build) == {"एक": 1}
    assert datacache.cached("words", [source], build) == {"एक": 1} and len(builds) == 1
    source.write_text("एक दो\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))
    assert datacache.cached("words", [source], build) == {"एक": 1, "दो": 1} and len(builds) == 2
    assert len(list((tmp_path / "data").glob("words-*"))) == 1  # the stale entry is gone
    monkeypatch.setenv("QA_DATA_CACHE", "off")
    datacache.cached("words", [source], build)
    assert len(builds) == 3


def test_a_users_rule_file_is_cached_and_its_edits_count(tmp_path: Path) -> None:
    """With rule files of one's own (whose rules are built to tell whether findings may be
    stored), findings are cached as with qa's own rules, and an edit to a rule file is a miss."""
    rules = tmp_path / "desk.yaml"
    rule = """rules:
  - code: U951
    name: desk-doubled-aa
    type: word-pattern
    severity: warning
    summary: A doubled aa sign.
    message: "found {word}"
    pattern: "%s"
    examples: {fail: ["राजाा"], pass: ["राजा"]}
"""
    rules.write_text(rule % "ाा", encoding="utf-8")
    (tmp_path / "qa.toml").write_text(f'rule-files = ["{rules.name}"]\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("ज़्यादा राजाा ने कहा कि बातचीत जारी है।\n", encoding="utf-8")
    env = {"QA_CACHE_DIR": str(tmp_path / "cache")}
    first = _qa("check", "--format", "json", "--config", str(tmp_path / "qa.toml"), str(story), env=env)
    assert b'"U951"' in first.stdout
    again = _qa("check", "--format", "json", "--config", str(tmp_path / "qa.toml"), str(story), env=env)
    assert again.stdout == first.stdout and len(list((tmp_path / "cache").rglob("*.json"))) == 1
    rules.write_text(rule % "ाा", encoding="utf-8")  # touched: its mtime is in the key
    os.utime(rules, ns=(rules.stat().st_atime_ns, rules.stat().st_mtime_ns + 10**9))
    _qa("check", "--format", "json", "--config", str(tmp_path / "qa.toml"), str(story), env=env)
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 2


def test_cache_notices_an_edited_house_word_list(tmp_path: Path) -> None:
    """The cache key holds the state of the files the settings name, not just their names."""
    (tmp_path / "qa.toml").write_text('[lexicon]\naccept-files = ["words.txt"]\n', encoding="utf-8")
    (tmp_path / "words.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("उसने वायस की बात कही।\n", encoding="utf-8")
    env = {"QA_CACHE_DIR": str(tmp_path / "cache")}

    def codes() -> list[str]:
        result = subprocess.run(
            [sys.executable, "-m", "qa.cli", "check", "--format", "json", "a.txt"],
            capture_output=True,
            cwd=tmp_path,
            env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), **env},
            timeout=120,
        )
        return [d["code"] for d in json.loads(result.stdout)["diagnostics"]]

    assert codes() == ["T002"]
    assert codes() == ["T002"] and len(list((tmp_path / "cache").rglob("*.json"))) == 1
    (tmp_path / "words.txt").write_text("x\nवायस\n", encoding="utf-8")
    assert codes() == []


def test_cache_key_follows_the_compiled_cores_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebuilt extension (another size or mtime) or the core turned off is another key."""
    from types import ModuleType

    from qa.text import native

    built = tmp_path / "qa_core.so"
    built.write_bytes(b"one build")
    package, extension = ModuleType("qa_core"), ModuleType("qa_core.qa_core")
    extension.__file__ = str(built)
    package.qa_core = extension  # type: ignore[attr-defined]
    monkeypatch.setattr(native, "core", package)

    def key() -> str:
        return Cache(tmp_path, Config()).key("x.txt", COMMA, bom=False)

    first = key()
    assert key() == first
    built.write_bytes(b"another build")
    second = key()
    assert second != first
    monkeypatch.setattr(native, "core", None)
    assert key() not in (first, second)
