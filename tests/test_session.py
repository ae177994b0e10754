"""The session: per-file config, a bounded linter cache, the article date, reading."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from qa import api
from qa.api import Session
from qa.config import Config, load
from tests.conftest import ROOT, run_qa

TEXT = "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।\n"


def test_linter_cache_is_bounded_and_keyed_by_value() -> None:
    session = Session(linters=4)
    first = session.linter(Config())
    assert session.linter(Config()) is first  # an equal config shares the linter
    for code in ("P001", "P002", "U", "T", "N"):
        session.linter(Config(), select=[code])
    assert len(session._linters) == 4
    assert session.linter(Config()) is not first  # the oldest was dropped


def test_module_functions_do_not_grow_with_new_configs() -> None:
    for _ in range(50):
        api.check(TEXT, config=Config())
    assert len(api.default_session()._linters) <= api.LINTERS


def test_each_file_gets_its_closest_config(tmp_path: Path) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "qa.toml").write_text('ignore = ["P"]\n', encoding="utf-8")
    for folder in (tmp_path, tmp_path / "desk"):
        (folder / "story.txt").write_text(TEXT, encoding="utf-8")
    session = Session(discover=True)
    assert session.config_for(tmp_path / "desk" / "story.txt")["ignore"] == ["P"]
    assert session.config_for(tmp_path / "story.txt") is session.config_for(tmp_path / "other.txt")
    done = run_qa("check", "--format", "json", ".", cwd=tmp_path)
    codes = {(r["path"], r["code"][0]) for r in json.loads(done.stdout)["diagnostics"]}
    assert ("story.txt", "P") in codes
    assert not any(path.startswith("desk") and family == "P" for path, family in codes)


def test_command_line_settings_apply_over_every_config(tmp_path: Path) -> None:
    (tmp_path / "qa.toml").write_text('ignore = ["U"]\n', encoding="utf-8")
    session = Session(discover=True, overrides=[("select", ["P"], "--select")])
    config = session.config_for(tmp_path / "story.txt")
    assert (config["select"], config["ignore"]) == (["P"], ["U"])
    assert {d.code[0] for d in session.check(TEXT, path=str(tmp_path / "story.txt")).diagnostics} == {"P"}


def test_article_date_precedence() -> None:
    """Given, else the document's own, else the config's, else today."""
    front = "---\ndate: 2023-01-02\n---\nपाठ\n"
    dated = Config()
    dated.override("date", "2022-03-04", "test")
    cases = [
        (Session(date="2024-05-01"), front, (dt.date(2024, 5, 1), "given")),
        (Session(dated), front, (dt.date(2023, 1, 2), "document")),
        (Session(dated), "पाठ\n", (dt.date(2022, 3, 4), "config")),
        (Session(), "पाठ\n", (dt.date.today(), "today")),
    ]
    for session, text, expected in cases:
        document = session.read(text, format="markdown")
        assert session.date_for(document) == expected


def test_a_session_sees_edited_house_and_name_files(tmp_path: Path) -> None:
    """The house lists and the name registry are read again once their files change."""
    (tmp_path / "qa.toml").write_text(
        '[lexicon]\naccept-files = ["words.txt"]\n[names]\nfiles = ["names.yaml"]\n', encoding="utf-8"
    )
    (tmp_path / "words.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "names.yaml").write_text("people: []\n", encoding="utf-8")
    session = Session(load(tmp_path / "qa.toml"))
    text = "उसने वायस की बात कही। अभिनेता राजेश खना आए।\n"

    def codes() -> list[str]:
        return [d.code for d in session.check(text).diagnostics]

    assert codes() == ["T002"]
    (tmp_path / "words.txt").write_text("x\nवायस\n", encoding="utf-8")
    (tmp_path / "names.yaml").write_text(
        "people:\n  - {id: Rajesh Khanna, name: राजेश खन्ना, forbidden: [राजेश खना]}\n", encoding="utf-8"
    )
    assert codes() == ["N004"]


def test_fix_result_is_public_and_loaded_on_first_use() -> None:
    script = (
        "import sys, qa.api\n"
        "before = 'qa.engine.fixes' in sys.modules\n"
        "from qa.api import *\n"
        "from qa.engine.fixes import FixResult as Engine\n"
        "fixed = qa.api.fix('ज़्यादा राष्ट्रपति ने कहा ,ठीक है।')\n"
        "try:\n"
        "    qa.api.Nothing\n"
        "except AttributeError:\n"
        "    missing = True\n"
        "print(before, FixResult is Engine, isinstance(fixed, FixResult), missing)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, cwd=ROOT, timeout=120, check=True
    )
    assert result.stdout.split() == [b"False", b"True", b"True", b"True"]


HOUSE_RULE = """\
rules:
  - code: S901
    name: house-word
    type: pattern
    severity: warning
    summary: A word the desk has banned.
    message: "banned"
    pattern: '{word}'
    examples:
      fail: ["⟦{word}⟧"]
      pass: ["ग"]
"""


def test_a_session_sees_an_edited_rule_file(tmp_path: Path) -> None:
    (tmp_path / "qa.toml").write_text('rule-files = ["house.yaml"]\n', encoding="utf-8")
    (tmp_path / "house.yaml").write_text(HOUSE_RULE.format(word="किताब"), encoding="utf-8")
    session = Session(load(tmp_path / "qa.toml"))
    text = "राम की किताब और कलम।\n"

    def found() -> list[str]:
        return [text[d.start : d.end] for d in session.check(text, select=["S901"]).diagnostics]

    assert found() == ["किताब"]
    (tmp_path / "house.yaml").write_text(HOUSE_RULE.format(word="कलम"), encoding="utf-8")
    assert found() == ["कलम"]
