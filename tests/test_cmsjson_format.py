"""The CMS JSON reader: configured fields, HTML bodies, offsets into the JSON source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa import api, config
from qa.errors import ConfigError, InputError
from tests.conftest import run_qa

PAYLOAD = json.dumps(
    {
        "id": 42,
        "story": {
            "headline": "ज़्यादा राष्ट्रपति ने कहा ,ठीक",
            "standfirst": "यह सही है।",
            "body": "<p>राष्ट्रपति ने <b>कहा</b>  ठीक।</p>",
            "captions": ["पहला ,चित्र", "दूसरा चित्र"],
            "slug": "के  के ,",
        },
    },
    ensure_ascii=False,
    indent=2,
)


def found(source: str, cfg: config.Config | None = None) -> list[tuple[str, str | None, str]]:
    return [
        (d.code, d.field, source[d.start : d.end]) for d in api.check(source, format="cms-json", config=cfg)
    ]


def test_each_default_field_is_linted_and_named() -> None:
    assert found(PAYLOAD) == [
        ("P002", "story.headline", " ,"),
        ("P004", "story.body", "  "),
        ("P002", "story.captions[0]", " ,"),
    ]  # "slug" is not copy


def test_fields_come_from_config(tmp_path: Path) -> None:
    (tmp_path / "qa.toml").write_text('[cms]\nfields = ["slug"]\n', encoding="utf-8")
    cfg = config.load(tmp_path / "qa.toml")
    assert {f[1] for f in found(PAYLOAD, cfg)} == {"story.slug"}
    (tmp_path / "qa.toml").write_text('[cms]\nfields = "slug"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        api.check(PAYLOAD, format="cms-json", config=config.load(tmp_path / "qa.toml"))


def test_escapes_map_back_and_are_never_rewritten() -> None:
    source = json.dumps({"headline": "राष्ट्रपति  ने कहा\u0020,ठीक"})  # ASCII-escaped Devanagari
    (repeated, before_comma) = api.check(source, format="cms-json")
    assert source[repeated.start : repeated.end] == "  " and repeated.fix is not None
    assert source[before_comma.start : before_comma.end].endswith(",")
    fixed = api.fix(source, format="cms-json").text
    assert json.loads(fixed)["headline"].startswith("राष्ट्रपति ने")


def test_fix_keeps_the_payload_valid_json() -> None:
    fixed = api.fix(PAYLOAD, format="cms-json").text
    story = json.loads(fixed)["story"]
    assert story["headline"].endswith("कहा, ठीक") and story["body"] == "<p>राष्ट्रपति ने <b>कहा</b> ठीक।</p>"
    assert story["slug"] == "के  के ,"


def test_invalid_json_is_an_input_error() -> None:
    with pytest.raises(InputError):
        api.check('{"headline": "क', format="cms-json")


def test_cli_reports_the_field_by_suffix_and_by_option(tmp_path: Path) -> None:
    payload = tmp_path / "story.cms.json"
    payload.write_text(PAYLOAD, encoding="utf-8")
    by_suffix = run_qa("check", str(payload), "--format", "json")
    by_option = run_qa("check", "-", "--input-format", "cms-json", "--format", "json", input=PAYLOAD.encode())
    for result in (by_suffix, by_option):
        assert result.returncode == 1, result.stderr
        records = json.loads(result.stdout)["diagnostics"]
        assert [r["field"] for r in records] == ["story.headline", "story.body", "story.captions[0]"]


@pytest.mark.parametrize(
    ("meta", "reported"),
    [({"date": "2025-08-15"}, ["80वां"]),
     ({"story": {"publishedAt": "2025-08-15T09:30:00+05:30"}}, ["80वां"]),
     ({"date": "2026-08-15"}, []),
     ({"date": "15/08/2025", "published": "2025-08-15"}, ["80वां"])],
)  # fmt: skip
def test_the_payload_date_is_the_article_date(meta: dict, reported: list[str]) -> None:
    source = json.dumps({**meta, "body": "देश आज 80वां स्वतंत्रता दिवस मना रहा है।"}, ensure_ascii=False)
    found = api.check(source, format="cms-json", select=["F030"])
    assert [source[d.start : d.end] for d in found] == reported


def test_date_fields_must_be_a_list(tmp_path: Path) -> None:
    (tmp_path / "qa.toml").write_text('[cms]\ndate-fields = "date"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="date-fields"):
        api.check(PAYLOAD, format="cms-json", config=config.load(tmp_path / "qa.toml"))
