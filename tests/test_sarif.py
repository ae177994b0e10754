"""SARIF for GitHub code scanning: the official 2.1.0 schema, fingerprints that survive
unrelated edits, percent-encoded base-relative URIs, rule help; and the composite Action."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from qa.engine import registry
from qa.links import anchor

from conftest import ROOT, SEED, run_qa

#: The SARIF 2.1.0 schema (rtm.5) from the npm package @microsoft/jest-sarif; see SOURCE.md.
SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
#: Every format the schema names, "uri" and "uri-reference" included (rfc3986-validator).
FORMATS = jsonschema.FormatChecker()
KEY = "qaContextHash/v1"
STORY = (
    "राष्ट्रपति ने कहा कि हालांकि,बातचीत जारी है ।\n"
    "ज़्यादा जानकारी बाद में दी जाएगी, हालांकि,कोई तारीख़ तय नहीं।\n"
    "प्रधानमंतरी ने बैठक बुलाई।\n"
)


def _sarif(*args: str, cwd: Path = ROOT, stdin: bytes | None = None) -> dict[str, Any]:
    done = run_qa("check", "--exit-zero", "--output-format", "sarif", *args, cwd=cwd, input=stdin)
    assert done.returncode == 0, done.stderr.decode()
    log: dict[str, Any] = json.loads(done.stdout)
    return log


def _validate(log: dict[str, Any]) -> None:
    errors = sorted(jsonschema.Draft4Validator(SCHEMA, format_checker=FORMATS).iter_errors(log), key=str)
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]]


def test_schema_rejects_what_it_should() -> None:
    """The validator is live: a raw space in a URI and a missing version both fail."""
    log = _sarif("--date", "2025-01-21", str(SEED.relative_to(ROOT)))
    _validate(log)
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a b#c"
    with pytest.raises(AssertionError):
        _validate(broken)
    del broken["version"]
    with pytest.raises(AssertionError):
        _validate(broken)


def test_uris_are_percent_encoded_and_relative_to_the_base(tmp_path: Path) -> None:
    project, elsewhere = tmp_path / "copy desk", tmp_path / "elsewhere"
    (project / "राज्य #1").mkdir(parents=True)
    elsewhere.mkdir()
    for path in (project / "राज्य #1" / "कहानी 50%.txt", elsewhere / "x y.txt"):
        path.write_text(STORY, encoding="utf-8")
    log = _sarif("राज्य #1", str(elsewhere / "x y.txt"), "-", cwd=project, stdin=STORY.encode())
    _validate(log)
    run = log["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": project.as_uri() + "/"}}
    locations = {
        json.dumps(r["locations"][0]["physicalLocation"]["artifactLocation"], ensure_ascii=False)
        for r in run["results"]
    }
    assert {json.loads(x)["uri"] for x in locations} == {
        "%E0%A4%B0%E0%A4%BE%E0%A4%9C%E0%A5%8D%E0%A4%AF%20%231/"
        "%E0%A4%95%E0%A4%B9%E0%A4%BE%E0%A4%A8%E0%A5%80%2050%25.txt",
        (elsewhere / "x y.txt").as_uri(),
        "stdin",
    }
    for x in map(json.loads, locations):
        assert ("uriBaseId" in x) == (not x["uri"].startswith("file:") and x["uri"] != "stdin")
    assert (elsewhere / "x y.txt").as_uri().endswith("/x%20y.txt")


def _fingerprints(log: dict[str, Any]) -> list[tuple[str, str, int]]:
    return [
        (
            r["ruleId"],
            r["partialFingerprints"][KEY],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in log["runs"][0]["results"]
    ]


def test_fingerprints_survive_unrelated_edits(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    before = _fingerprints(_sarif("story.txt", cwd=tmp_path))
    assert len(before) >= 4 and len({f for _, f, _ in before}) == len(before)
    assert all(f.endswith(":0") for _, f, _ in before)  # no two share rule, text and neighbours
    # a new paragraph above and an edit to another sentence move the findings, not their names
    story.write_text("नई सूचना आई।\n\n" + STORY.replace("बाद में", "शाम को"), encoding="utf-8")
    after = _fingerprints(_sarif("story.txt", cwd=tmp_path))
    assert [(code, f) for code, f, _ in after] == [(code, f) for code, f, _ in before]
    assert [line for *_, line in after] == [line + 2 for *_, line in before]
    # fixing one finding's own words changes that fingerprint only
    story.write_text(STORY.replace("प्रधानमंतरी", "प्रधानमंतरि"), encoding="utf-8")
    changed = _fingerprints(_sarif("story.txt", cwd=tmp_path))
    differs = [b[1] != c[1] for b, c in zip(before, changed, strict=True)]
    assert differs.count(True) == 1 and changed[differs.index(True)][0] == "T002"


def test_same_text_twice_is_told_apart_by_occurrence(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("कहा कि हालांकि,बातचीत हुई।\n" * 3, encoding="utf-8")
    marks = [f for code, f, _ in _fingerprints(_sarif("--select", "P001", "story.txt", cwd=tmp_path))]
    assert [m.rsplit(":", 1)[1] for m in marks] == ["0", "1", "2"]
    assert len({m.rsplit(":", 1)[0] for m in marks}) == 1


def test_every_rule_links_to_its_section_of_the_rule_reference(tmp_path: Path) -> None:
    headings = {
        anchor(line.removeprefix("### "))
        for line in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("### ")
    }
    specs = registry.load_specs(())
    assert {anchor(f"{s.meta.code} {s.meta.name}") for s in specs.values()} <= headings
    log = _sarif("--date", "2025-01-21", str(SEED.relative_to(ROOT)))
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        base, _, fragment = rule["helpUri"].partition("#")
        assert base.endswith("/docs/rules.md") and fragment in headings
        assert fragment == f"{rule['id'].lower()}-{rule['name']}"
        assert rule["help"]["markdown"].endswith(f"[Rule reference]({rule['helpUri']})")
        assert "- ✗ `" in rule["help"]["markdown"] and rule["help"]["text"]
    (tmp_path / "qa.toml").write_text('[report]\nrules-url = "https://news.example/qa/rules"\n', "utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    custom = _sarif("story.txt", cwd=tmp_path)["runs"][0]["tool"]["driver"]["rules"]
    assert all(r["helpUri"].startswith("https://news.example/qa/rules#") for r in custom)


def test_action_runs_qa_and_writes_valid_sarif(tmp_path: Path) -> None:
    """The Action's own "Run qa" script, run as GitHub would run it (bash, env, GITHUB_OUTPUT)."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif@") for s in steps)
    run = next(s for s in steps if s.get("id") == "check")
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "a.txt").write_text(STORY, encoding="utf-8")
    outputs = tmp_path / "github-output"
    inputs = {"paths": "stories", "args": "--select P,T", "sarif-file": "qa.sarif"}
    expression = re.compile(r"\$\{\{ inputs\.([\w-]+) \}\}")
    env = {
        **os.environ,
        **{k: expression.sub(lambda m: inputs[m[1]], v) for k, v in run["env"].items()},
        "GITHUB_OUTPUT": str(outputs),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    done = subprocess.run(["bash", "-e", "-c", run["run"]], cwd=tmp_path, env=env, timeout=120, check=False)
    assert done.returncode == 0
    assert outputs.read_text(encoding="utf-8") == "exit-code=1\n"
    log = json.loads((tmp_path / "qa.sarif").read_text(encoding="utf-8"))
    _validate(log)
    assert {r["ruleId"][0] for r in log["runs"][0]["results"]} == {"P", "T"}
