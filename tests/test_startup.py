"""Start-up does only the work a run needs: a run answered from the result cache builds
no rule, a short text reads only part of the lexicon, and the rules that may ask a
server (the only ones that decide whether findings can be cached) are declared so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qa import api, datatables, lexicon
from qa.config import Config
from qa.document import Document
from qa.engine import registry
from qa.engine.rule import Rule
from qa.engine.runner import Linter
from qa.errors import RuleDataError

from conftest import ROOT

#: ``qa check ARGS one.txt`` in-process, then the names of the modules it imported, one a line.
_SCRIPT = """
import sys
sys.argv = ["qa", "check", *sys.argv[1:], "one.txt"]
from qa.cli import main  # not `python -m qa.cli`, which would end the process at once
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\n".join(sys.modules))
"""


def _imports(folder: Path, *args: str) -> tuple[str, set[str]]:
    """The report of ``qa check`` on ``one.txt`` in ``folder`` and the modules it imported."""
    env = {**os.environ, "QA_DATA_CACHE": str(folder / "data-cache"), "NO_COLOR": "1"}
    cmd = [sys.executable, "-c", _SCRIPT, *args]
    run = subprocess.run(cmd, capture_output=True, cwd=folder, env=env, timeout=120, text=True)
    return run.stdout, set(run.stderr.splitlines())


def test_a_result_cache_hit_imports_no_rule_code(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("राष्ट्रपति ने कहा कि बातचीत जारी रहेगी ।\n", encoding="utf-8")
    first, imported = _imports(tmp_path)
    assert "P002" in first and "qa.checks.names" in imported  # linted: the rules were built
    again, imported = _imports(tmp_path)
    assert again == first
    assert not {m for m in imported if m.startswith(("qa.checks.", "qa.engine.", "qa.text.tokenize"))}
    assert "hashlib" not in imported  # the key's SHA-256 without loading OpenSSL
    _, imported = _imports(tmp_path, "--no-cache")
    assert "qa.checks.names" in imported


def test_a_result_cache_hit_runs_no_code_of_inspect(tmp_path: Path) -> None:
    """``inspect`` (with ``ast``, ``dis`` and ``tokenize``) runs only when something asks it
    for an attribute: neither click's options nor qa's dataclasses do on a cache hit."""
    (tmp_path / "one.txt").write_text("राष्ट्रपति ने कहा कि बातचीत जारी रहेगी ।\n", encoding="utf-8")
    first, _ = _imports(tmp_path, "-o", "report.txt")
    again, imported = _imports(tmp_path, "-o", "report.txt")
    assert again == first and (tmp_path / "report.txt").is_file()
    assert "inspect" in imported and not {"ast", "dis", "tokenize"} & imported
    assert "difflib" not in imported  # -o is not first tried, and refused, as a long option


#: Imports qa, then inspect, and uses it: whether its code had run before, and what it is after.
_FIRST_USE = """
import sys, qa, dataclasses
import inspect
before = "dis" in sys.modules
from inspect import signature
same = inspect is sys.modules["inspect"] and inspect.cleandoc("  a\\n  b") == "a\\nb"
print(before, same, type(inspect).__name__, signature(dataclasses.replace))
"""


def test_inspect_runs_on_first_use_and_is_the_real_module() -> None:
    done = subprocess.run([sys.executable, "-c", _FIRST_USE], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "True", "module", "(obj,", "/,", "**changes)"]


#: Imports qa and pathlib (which imports ipaddress through urllib.parse), then uses both.
_IPADDRESS = """
import sys, qa, pathlib
waiting = type(sys.modules["ipaddress"]).__name__
from urllib.parse import urlsplit
print(waiting, urlsplit("http://[::1]:8080/").hostname, type(sys.modules["ipaddress"]).__name__)
"""


def test_ipaddress_runs_on_first_use() -> None:
    done = subprocess.run([sys.executable, "-c", _IPADDRESS], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["_OnFirstUse", "::1", "module"]


def test_linting_one_line_imports_no_reader_of_sources(tmp_path: Path) -> None:
    """With the start-up cache warm, what builds data from its sources (gzip, msgpack),
    what only a near word, an entity, a mistake or a server needs is not imported."""
    (tmp_path / "one.txt").write_text("राष्ट्रपति ने कहा कि बातचीत जारी रहेगी ।\n", encoding="utf-8")
    _imports(tmp_path, "--no-cache")
    report, imported = _imports(tmp_path, "--no-cache")
    assert "P002" in report
    unused = {"gzip", "msgpack", "rapidfuzz", "difflib", "html", "shutil", "subprocess", "yaml", "tomllib"}
    unused |= {"csv"}  # the word files come from the start-up cache
    unused |= {"qa.checks.mojibake"}  # U032 and U037 need characters the line does not have
    unused |= {"json"}  # the text report and the linters' keys need no JSON
    assert not unused & imported


def test_a_line_without_an_ordinal_reads_no_fact_base(tmp_path: Path) -> None:
    """F020-F024 check ordinals against the fact base: without an ordinal (and without a
    desk fact file to report on) the base is not read; the start-up cache shows it."""
    (tmp_path / "one.txt").write_text("राष्ट्रपति ने कहा कि बातचीत जारी रहेगी ।\n", encoding="utf-8")
    _imports(tmp_path, "--no-cache")
    assert not list((tmp_path / "data-cache").glob("facts-*"))
    (tmp_path / "one.txt").write_text("अमेरिका के 47वें राष्ट्रपति ने कहा कि बातचीत जारी रहेगी ।\n", "utf-8")
    _imports(tmp_path, "--no-cache")
    assert list((tmp_path / "data-cache").glob("facts-*"))


def test_only_declared_rules_may_ask_a_server() -> None:
    """``remote: true`` marks exactly the built-in rules whose class decides, per config,
    whether its findings can be cached."""
    for code, spec in registry.load_specs().items():
        rule = spec.build(spec.options)
        overrides = type(rule).repeatable is not Rule.repeatable
        assert spec.remote == overrides, code


def test_a_short_text_reads_part_of_the_lexicon(tmp_path: Path) -> None:
    script = (
        "from qa import api, lexicon\n"
        "api.Session().check('राष्ट्रपति ने कहा कि बातचीत जारी रहेगी।')\n"
        "table = lexicon.frequencies()\n"
        "print(sum(table._loaded), table._shards)\n"
    )
    env = {**os.environ, "QA_DATA_CACHE": str(tmp_path)}
    for _ in range(2):  # the first run stores the tables, the second reads them
        run = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, cwd=ROOT, env=env, timeout=120
        )
    read, shards = map(int, run.stdout.split())
    assert 0 < read < shards / 4


def test_loading_every_shard_keeps_the_findings() -> None:
    text = "राष्ट्रपति डोनाल्ड ट्रंप ने ज़्यादा बातचित की ।"
    before = api.Session().check(text).diagnostics
    datatables.load_all()
    assert isinstance(lexicon.frequencies(), dict)
    assert api.Session().check(text).diagnostics == before


def test_a_rule_is_built_and_run_only_where_what_it_needs_occurs() -> None:
    linter = Linter(Config())

    def built(text: str) -> set[str]:
        linter.check(Document(text, text))
        return {linter.codes[i] for i in linter._built}  # and no other

    plain = built("राष्ट्रपति ने कहा कि बातचीत जारी रहेगी ।")
    assert "N001" in plain and not {"F001", "F007", "U029", "U032", "U037", "E001"} & plain
    assert {"F001", "U029"} <= built("वह 21वी सदी की बात है।")
    assert linter.check(Document("वह 21वी सदी की बात है।", "वह 21वी सदी की बात है।"))  # F001 reports
    assert len(linter.rules) == len(linter.codes)  # and all of them on demand


def test_needs_are_the_characters_the_rules_look_for() -> None:
    from qa.checks import mojibake

    specs = registry.load_specs()

    def chars(code: str) -> set[str]:
        needs = specs[code].needs
        assert needs is not None
        (needle,) = needs
        return {c for c in map(chr, range(0x3000)) if needle.fullmatch(c)}

    assert chars("U032") == set(mojibake._LEADS)
    assert chars("U037") == set(mojibake.PunctuationMojibake.GUARD)


def test_needs_must_occur_in_each_failing_example(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    entry = (
        "rules:\n  - code: U900\n    name: test-rule\n    type: pattern\n    pattern: 'x'\n"
        "    severity: warning\n    summary: A test rule.\n    message: found\n"
        "    examples: {{fail: ['x', 'xy'], pass: ['z']}}\n    needs: {needs}\n"
    )
    path.write_text(entry.format(needs="'[xy]'"), encoding="utf-8")
    assert registry.load_file(path)[0].needs is not None
    path.write_text(entry.format(needs="'y'"), encoding="utf-8")
    with pytest.raises(RuleDataError, match="'needs' does not occur in the failing example 'x'"):
        registry.load_file(path)
    path.write_text(entry.format(needs="['y', 'x']"), encoding="utf-8")
    assert len(registry.load_file(path)[0].needs or ()) == 2  # one of several will do
    path.write_text(entry.format(needs="[]"), encoding="utf-8")
    with pytest.raises(RuleDataError, match="'needs' must be a pattern or a list of patterns"):
        registry.load_file(path)


def test_a_rule_that_needs_one_of_several_strings_runs_where_any_occurs() -> None:
    linter = Linter(Config(), select=["U024"])  # needs "।।" or "||"
    for text, runs in (
        ("ज़िले में बैठक हुई।। फिर", True),
        ("क़स्बे में बैठक हुई|| फिर", True),
        ("ज़िले में बैठक हुई। फिर।", False),
    ):
        linter._built.clear()
        assert bool(linter.check(Document(text, text))) is runs
        assert bool(linter._built) is runs
