"""Each file gets its closest config; per-file-ignores; unknown keys are errors that suggest
the key meant. Real files and the CLI as a subprocess."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qa.config import ConfigResolver

from conftest import run_qa

SLIP = "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।\n"  # P002
BOTH = "ज़्यादा राष्ट्रपति ने कहा ,ठीक है। हालांकि,बातचीत जारी रही।\n"  # P002 and P001


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def findings(cwd: Path, *args: str) -> list[tuple[str, str]]:
    result = run_qa("check", "--format", "json", "--select", "P001,P002", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr.decode()
    return sorted((d["path"], d["code"]) for d in json.loads(result.stdout)["diagnostics"])


def test_the_closest_config_governs_each_file_whatever_the_order(tmp_path: Path) -> None:
    _write(tmp_path, {"a/x.txt": SLIP, "b/x.txt": SLIP, "b/qa.toml": 'ignore = ["P002"]\n'})
    expected = [("a/x.txt", "P002")]
    assert findings(tmp_path, "--no-cache", "a/x.txt", "b/x.txt") == expected
    assert findings(tmp_path, "--no-cache", "b/x.txt", "a/x.txt") == expected
    assert findings(tmp_path, "--no-cache", ".") == expected
    # a pyproject.toml's [tool.qa] counts the same way; command-line options override every file's
    _write(tmp_path, {"a/pyproject.toml": '[tool.qa]\nignore = ["P001"]\n', "a/y.txt": BOTH})
    assert findings(tmp_path, "--no-cache", ".") == [("a/x.txt", "P002"), ("a/y.txt", "P002")]
    everywhere = [("a/x.txt", "P002"), ("a/y.txt", "P002"), ("b/x.txt", "P002")]
    assert findings(tmp_path, "--no-cache", "--ignore", "P001", ".") == everywhere
    # --config names one file for every input
    _write(tmp_path, {"one.toml": 'ignore = ["P001"]\n'})
    assert findings(tmp_path, "--no-cache", "--config", "one.toml", "b/x.txt") == [("b/x.txt", "P002")]


def test_per_file_ignores_are_relative_to_their_config(tmp_path: Path) -> None:
    config = '[tool.qa.per-file-ignores]\n"archive/**" = ["P002"]\n"*.md" = ["P001", "S"]\n'
    files = {"desk/pyproject.toml": config, "desk/archive/old.txt": BOTH, "desk/new.md": BOTH}
    _write(tmp_path, {**files, "archive/other.txt": SLIP, "desk/new.txt": BOTH})
    expected = [
        ("archive/other.txt", "P002"),
        ("desk/archive/old.txt", "P001"),
        ("desk/new.md", "P002"),
        ("desk/new.txt", "P001"),
        ("desk/new.txt", "P002"),
    ]
    assert findings(tmp_path, "--no-cache", ".") == expected
    # the result cache keeps files apart whose text is the same and whose ignores are not
    assert findings(tmp_path, ".") == expected
    assert findings(tmp_path, ".") == expected
    # a suppression comment in a file whose ignores already silence the rule is not "unused"
    _write(tmp_path, {"desk/new.md": f"{SLIP.strip()} <!-- qa: disable-line T002 -->\n"})
    assert findings(tmp_path / "desk", "--no-cache", "--extend-select", "S001", "new.md") == [
        ("new.md", "P002")
    ]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('exlude = ["drafts"]\n', "unknown setting 'exlude' (did you mean 'exclude'?)"),
        ("[tool.qa]\nper-file-ignore = {}\n", "unknown setting 'per-file-ignore' in [tool.qa] (did you mean"),
        ('[lexicon]\naccpet = ["कोविड"]\n', "unknown key 'accpet' in [lexicon] (did you mean 'accept'?)"),
        ("[cms]\ndate-field = []\n", "unknown key 'date-field' in [cms] (did you mean 'date-fields'?)"),
        ('[house-style]\nnukt = "none"\n', "unknown key 'nukt' in [house-style] (did you mean 'nukta'?)"),
        ("[rules.T003]\nmin-log-odd = 2.0\n", "unknown key 'min-log-odd' in [rules.T003] (did you mean"),
        ("[rules.T9]\nonly = []\n", "unknown rule 'T9' in [rules]"),
        ('[per-file-ignores]\n"*.md" = ["P9"]\n', "per-file-ignores '*.md': unknown rule selector 'P9'"),
        ('[per-file-ignores]\n"*.md" = "P001"\n', "must map each glob to a list of rule codes"),
        ("[tool.black]\nline-length = 1\n", "[tool.black] is not qa's"),
    ],
)
def test_unknown_keys_are_one_line_errors(tmp_path: Path, config: str, message: str) -> None:
    _write(tmp_path, {"qa.toml": config, "story.txt": SLIP})
    result = run_qa("check", "story.txt", cwd=tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and message in stderr and stderr.count("\n") == 1, stderr
    # the same table under [tool.qa] of a pyproject.toml is judged the same way
    if not config.startswith("[tool."):
        nested = re.sub(r"^\[", "[tool.qa.", config, flags=re.M)
        _write(tmp_path, {"pyproject.toml": nested if config.startswith("[") else f"[tool.qa]\n{nested}"})
        (tmp_path / "qa.toml").unlink()
        result = run_qa("check", "story.txt", cwd=tmp_path)
        assert result.returncode == 2 and message.split(" in ")[0].split(" (")[0] in result.stderr.decode()


def test_the_resolver_caches_per_folder_and_reads_each_file_once(tmp_path: Path) -> None:
    _write(tmp_path, {"qa.toml": 'ignore = ["P001"]\n', "a/b/x.txt": SLIP, "c/qa.toml": "select = ['P']\n"})
    resolver = ConfigResolver(overrides=[("fail-level", "error", "--fail-level")])
    top = resolver.config_for(tmp_path / "a" / "b" / "x.txt")
    assert top is resolver.config_for(tmp_path / "a") is resolver.config_for(tmp_path)
    assert top.path == tmp_path / "qa.toml" and top["ignore"] == ["P001"]
    inner = resolver.config_for(tmp_path / "c" / "y.txt")
    assert inner.path == tmp_path / "c" / "qa.toml" and inner["ignore"] == []
    assert top.origins["fail-level"] == inner.origins["fail-level"] == "--fail-level"


def test_a_watching_resolver_notices_config_files_added_changed_and_removed(tmp_path: Path) -> None:
    _write(tmp_path, {"qa.toml": 'ignore = ["P001"]\n', "a/b/x.txt": SLIP})
    story = tmp_path / "a" / "b" / "x.txt"
    watching, once = ConfigResolver(watch=True), ConfigResolver()
    first = watching.config_for(story)
    assert first is watching.config_for(story)  # nothing changed: the same config object
    assert once.config_for(story)["ignore"] == ["P001"]

    (tmp_path / "qa.toml").write_text('ignore = ["P001", "P002"]\n', encoding="utf-8")
    assert watching.config_for(story)["ignore"] == ["P001", "P002"]
    assert once.config_for(story)["ignore"] == ["P001"]  # qa check reads each file once per run
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.qa]\nselect = ['P']\n", encoding="utf-8")
    assert watching.config_for(story).path == tmp_path / "a" / "pyproject.toml"
    assert watching.config_for(tmp_path / "y.txt").path == tmp_path / "qa.toml"  # above it: unchanged
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    assert watching.config_for(story).path == tmp_path / "qa.toml"  # no [tool.qa] table any more
    (tmp_path / "qa.toml").unlink()
    assert watching.config_for(story).path is None


def test_each_file_fails_at_its_own_configs_fail_level(tmp_path: Path) -> None:
    """P002 is a warning: it fails the run only where the file's config says warnings fail."""
    _write(tmp_path, {"qa.toml": 'fail-level = "error"\n', "a/x.txt": SLIP, "b/qa.toml": "", "b/y.txt": SLIP})

    def code(*args: str, cwd: Path = tmp_path) -> int:
        result = run_qa("check", "--no-cache", "--select", "P002", *args, cwd=cwd)
        assert result.returncode in (0, 1), result.stderr.decode()
        return result.returncode

    assert code("a/x.txt") == 0  # only errors fail under the top config
    assert code("b/y.txt") == 1  # b's own config keeps the default: warnings fail
    assert code("a/x.txt", "b/y.txt") == code("b/y.txt", "a/x.txt") == 1  # whichever comes first
    assert code("b/y.txt", "a/x.txt", "--fail-level", "error") == 0  # the command line wins everywhere
    assert code("y.txt", cwd=tmp_path / "b") == 1
    (tmp_path / "b" / "qa.toml").write_text('fail-level = "info"\n', encoding="utf-8")
    assert code("a/x.txt", "b/y.txt") == 1
    (tmp_path / "b" / "y.txt").write_text("ठीक है।\n", encoding="utf-8")
    assert code("b/y.txt", "a/x.txt") == 0  # the finding left is under the top config's level
