"""The article's date read from the article (front matter, CMS field, HTML tags) judges
date-dependent facts; ``--date`` still wins. Real files through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_qa

#: Right on 15 August 2024 (the 78th Independence Day), wrong by today's date.
CLAIM = "देश ने 78वां स्वतंत्रता दिवस मनाया।"
DAY = "2024-08-15"

ARTICLES = {
    "story.md": f"---\ntitle: स्वतंत्रता दिवस\ndate: {DAY}T09:30:00+05:30\n---\n\n{CLAIM}\n",
    "quoted.md": f'---\ndate: "{DAY}"\n---\n{CLAIM}\n',
    "og.html": (
        f'<html><head><meta content="{DAY}T08:00:00+05:30" property="article:published_time">'
        f'</head><body><time datetime="2019-01-01">पुराना</time><p>{CLAIM}</p></body></html>\n'
    ),
    "schema.html": f"<head><meta itemprop='datePublished' content='{DAY}'></head><p>{CLAIM}</p>\n",
    "time.html": f'<article><p>प्रकाशित <time datetime="{DAY}">15 अगस्त</time></p><p>{CLAIM}</p></article>\n',
    "story.cms.json": json.dumps({"publishedAt": f"{DAY}T06:00:00Z", "body": CLAIM}, ensure_ascii=False),
}


def _f030(tmp_path: Path, *args: str) -> list[str]:
    """The files F030 fires on."""
    result = run_qa("check", "--no-cache", "--select", "F030", "--format", "json", *args, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr.decode()
    return sorted(d["path"] for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "F030")


UNDATED = {
    "undated.md": f"---\ntitle: x\n---\n{CLAIM}\n",
    "undated.html": f'<meta property="og:updated_time" content="{DAY}"><p>{CLAIM}</p>\n',
    "body.txt": f"{CLAIM}\n",
}


def test_old_copy_is_judged_by_its_own_date(tmp_path: Path) -> None:
    for name, text in {**ARTICLES, **UNDATED}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    # without a date of its own (another meta, plain text) a story is judged by today
    assert _f030(tmp_path, ".") == sorted(UNDATED)
    assert _f030(tmp_path, "--date", "2026-09-01", ".") == sorted([*ARTICLES, *UNDATED])  # --date wins


def test_a_cms_date_field_is_configurable(tmp_path: Path) -> None:
    payload = {"meta": {"firstPublished": DAY, "updated": "2026-10-01"}, "body": CLAIM}
    (tmp_path / "story.cms.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    assert _f030(tmp_path, "story.cms.json") == ["story.cms.json"]  # no default date field matches
    (tmp_path / "qa.toml").write_text('[cms]\ndate-fields = ["meta.firstPublished"]\n', encoding="utf-8")
    assert _f030(tmp_path, "story.cms.json") == []
