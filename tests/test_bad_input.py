"""The bad-input matrix: every hostile input gets one clear line and the right exit code.

All through the real CLI in a subprocess, except the file that changes during
``--fix`` (a race the writer must detect; driven directly on the writer).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from qa.errors import InputError
from qa.sources import read_file
from qa.writer import write_fixed

from conftest import run_qa

SENTENCE = "ज़्यादा राष्ट्रपति ने कहा कि बातचीत जारी रहेगी।"
COMMA = "हालांकि,बातचीत जारी है।"


def _one_error_line(result, *needles: str) -> str:
    """The run ended with exit 2 and exactly one ``qa: error:`` line naming ``needles``."""
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("qa: error: "), err
    for needle in needles:
        assert needle in lines[0], err
    return lines[0]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_empty_file_is_clean(tmp_path: Path) -> None:
    result = run_qa("check", str(_write(tmp_path / "empty.txt", b"")))
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr


def test_binary_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _one_error_line(run_qa("check", str(path)), "photo.txt", "binary")


def test_invalid_utf8_names_the_byte(tmp_path: Path) -> None:
    path = _write(tmp_path / "latin1.txt", "नमस्ते ".encode() + b"caf\xe9")
    _one_error_line(run_qa("check", str(path)), "latin1.txt", "byte offset 22")


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = _write(tmp_path / "wide.txt", SENTENCE.encode("utf-16"))
    _one_error_line(run_qa("check", str(path)), "wide.txt", "UTF-16")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_lines_are_counted_and_kept_by_fix(tmp_path: Path, newline: str) -> None:
    text = newline.join([SENTENCE, SENTENCE, COMMA, ""])
    path = _write(tmp_path / "lines.txt", text.encode())
    result = run_qa("check", "--format", "json", "--select", "P001", str(path))
    assert result.returncode == 1
    (finding,) = json.loads(result.stdout)["diagnostics"]
    assert (finding["line"], finding["column"], finding["text"]) == (3, 8, ",")
    assert run_qa("check", "--fix", str(path)).returncode == 0
    assert path.read_bytes() == text.replace(",", ", ").encode()


def test_file_over_max_size_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 100 MB on paper, nothing on disk
        handle.seek(100 * 1024 * 1024 - 1)
        handle.write(b"\n")
    line = _one_error_line(run_qa("check", str(path)), "huge.txt", "max-file-size")
    assert "104,857,600 bytes" in line


@pytest.mark.slow
def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    unit = (SENTENCE.rstrip("।") + ", ").encode()
    path = _write(tmp_path / "one-line.txt", unit * (10_000_000 // len(unit)) + COMMA.encode())
    result = run_qa("check", "--format", "json", "--select", "P", str(path))
    assert result.returncode == 1, result.stderr
    assert b'"code": "P001"' in result.stdout


NESTED = [
    ("quotes.md", "> " * 5_000 + COMMA),
    ("lists.md", "".join("  " * i + "- item\n" for i in range(2_000)) + COMMA),
    ("brackets.md", "[" * 20_000 + COMMA + "]" * 20_000),
    ("emphasis.md", "*_" * 20_000 + COMMA),
    ("comments.md", "<!--" * 20_000 + COMMA),
    ("html.md", "<div>" * 20_000 + COMMA + "</div>" * 20_000),
    ("code.md", "`" * 20_001 + COMMA),
]


# Named by file: a test id holding the text itself (4 MB for lists.md) goes into the
# environment as PYTEST_CURRENT_TEST, where Linux refuses a variable over 128 KiB.
@pytest.mark.parametrize("name, text", NESTED, ids=[name for name, _ in NESTED])
def test_deeply_nested_markup(tmp_path: Path, name: str, text: str) -> None:
    result = run_qa("check", str(_write(tmp_path / name, text.encode())))
    assert result.returncode in (0, 1), result.stderr
    assert b"Traceback" not in result.stderr and not result.stderr.strip()


def test_deeply_nested_html(tmp_path: Path) -> None:
    from qa.formats import READERS

    if "html" not in READERS:
        pytest.skip("no HTML reader in this build")
    text = "<div>" * 20_000 + f"<p>{COMMA}</p>" + "</div>" * 20_000
    result = run_qa("check", "--input-format", "html", str(_write(tmp_path / "page.html", text.encode())))
    assert result.returncode == 1, result.stderr


@pytest.mark.parametrize(
    "config, needle",
    [
        ("fail-level = [", "invalid TOML"),
        ('fail-level = "loud"', "loud"),
        ("bogus = 1", "bogus"),
        ("max-file-size = 'big'", "max-file-size"),
    ],
)
def test_malformed_config(tmp_path: Path, config: str, needle: str) -> None:
    (tmp_path / "qa.toml").write_text(config, encoding="utf-8")
    path = _write(tmp_path / "a.txt", SENTENCE.encode())
    _one_error_line(run_qa("check", str(path), cwd=tmp_path), "qa.toml", needle)


@pytest.mark.parametrize(
    "rules, needle",
    [
        ("rules: [", "not valid YAML"),
        ("rules:\n  - code: S901\n    code: S902\n", "given twice"),
        ("rules: {}", "'rules' list"),
        ("rules:\n  - code: X1\n", "family letter"),
        ("rules:\n  - {code: S901, name: Bad Name, type: pattern}\n", "kebab-case"),
    ],
)
def test_malformed_rule_data(tmp_path: Path, rules: str, needle: str) -> None:
    (tmp_path / "mine.yaml").write_text(rules, encoding="utf-8")
    (tmp_path / "qa.toml").write_text('rule-files = ["mine.yaml"]\n', encoding="utf-8")
    path = _write(tmp_path / "a.txt", SENTENCE.encode())
    _one_error_line(run_qa("check", str(path), cwd=tmp_path), "mine.yaml", needle)


CATASTROPHIC = """\
rules:
  - code: S901
    name: nested-repeat
    type: pattern
    severity: warning
    summary: A pattern that backtracks exponentially.
    message: "slow"
    pattern: '(क|कक)+ख'
    timeout: 0.5
    examples:
      fail: ["⟦कख⟧"]
      pass: ["ग"]
"""


def test_catastrophic_user_regex_is_stopped_and_named(tmp_path: Path) -> None:
    (tmp_path / "slow.yaml").write_text(CATASTROPHIC, encoding="utf-8")
    (tmp_path / "qa.toml").write_text('rule-files = ["slow.yaml"]\n', encoding="utf-8")
    path = _write(tmp_path / "a.txt", ("क" * 40 + "ग").encode())
    _one_error_line(run_qa("check", str(path), cwd=tmp_path), "S901", "slow.yaml", "longer than 0.5s")


def test_missing_and_dangling_paths(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    _one_error_line(run_qa("check", str(tmp_path / "dangling.txt")), "dangling.txt", "cannot read")
    _one_error_line(run_qa("check", str(tmp_path / "nowhere.txt")), "nowhere.txt", "no such file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.txt", SENTENCE.encode())
    path.chmod(0)
    _one_error_line(run_qa("check", str(path)), "secret.txt", "cannot read")


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    _one_error_line(run_qa("check", str(tmp_path / "pipe.txt")), "pipe.txt", "not a regular file")


def test_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    _write(tmp_path / "sub" / "ok.txt", COMMA.encode())
    _one_error_line(run_qa("check", str(tmp_path / "a.txt")), "a.txt", "cannot read")
    result = run_qa("check", str(tmp_path / "sub"))  # the folder loop is not followed
    assert result.returncode == 1 and result.stdout.count(b"P001") == 1, result.stderr


def test_file_changed_during_fix_is_not_overwritten(tmp_path: Path) -> None:
    path = _write(tmp_path / "story.txt", COMMA.encode())
    original = path.read_bytes()
    source = read_file(path, max_size=1 << 20)
    path.write_bytes(original + "नया वाक्य।".encode())  # an editor saved meanwhile
    with pytest.raises(InputError, match="changed while qa was fixing it"):
        write_fixed(path, source.text.replace(",", ", "), bom=False, original=original)
    assert path.read_bytes() == original + "नया वाक्य।".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]  # no temporary left behind


def test_fix_keeps_bom_mode_and_line_ends_and_writes_atomically(tmp_path: Path) -> None:
    path = _write(tmp_path / "story.txt", b"\xef\xbb\xbf" + f"{SENTENCE}\r\n{COMMA}\r\n".encode())
    path.chmod(0o640)
    inode = path.stat().st_ino
    assert run_qa("check", "--fix", str(path)).returncode == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + f"{SENTENCE}\r\n{COMMA.replace(',', ', ')}\r\n".encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # replaced by rename, not rewritten in place
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


def test_fix_never_touches_a_file_without_fixes(tmp_path: Path) -> None:
    path = _write(tmp_path / "clean.txt", f"{SENTENCE}\n".encode())
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = path.stat()
    assert run_qa("check", "--fix", str(path)).returncode == 0
    after = path.stat()
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)


def test_nothing_read_is_not_all_clear(tmp_path: Path) -> None:
    result = run_qa("check", "-", "--input-format", "cms-json", input=b'{"body": ')
    assert result.returncode == 2
    assert b"not a JSON payload" in result.stderr
    assert b"All clear" not in result.stdout


def test_an_unknown_input_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run_qa("check", "--input-format", "docx", str(_write(tmp_path / "a.txt", "क ख".encode())))
    assert result.returncode == 2
    assert b"'docx' is not one of" in result.stderr and b"Traceback" not in result.stderr


def test_a_folder_without_copy_warns(tmp_path: Path) -> None:
    _write(tmp_path / "story.docx", b"PK")
    result = run_qa("check", str(tmp_path))
    assert result.returncode == 0
    assert b"no files to check" in result.stderr and b"*.md" in result.stderr
