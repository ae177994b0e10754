"""Properties over the public API and the CLI, on arbitrary Devanagari-heavy text.

Text is drawn from what copy is made of (Devanagari letters, vowel signs, virama,
nukta, ZWJ/ZWNJ, digits in both scripts, punctuation, quotes, brackets, every line
end, markup and suppression comments) plus any other code point now and then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import qa
from qa.diagnostic import Edit, Fix, Severity
from qa.engine.fixes import applicable, apply_edits
from qa.report import FileResult
from qa.report import json as json_report
from qa.sources import InputError, decode

from conftest import ROOT

PIECES = [
    "क", "ख", "ग", "र", "ष", "ट", "्", "ा", "ि", "ी", "े", "ै", "ं", "ँ", "़", "ॉ", "अ", "आ", "ए",
    "\u200c", "\u200d", "१", "२", "0", "7", ",", ";", ".", "।", "॥", "?", "!", "-", "—", "'", '"',
    "“", "”", "‘", "’", "(", ")", "[", "]", "{", "}", " ", " ", "  ", "\t", "\n", "\r\n", "\r",
    "\n\n", "के ", "के के ", "हालांकि,बातचीत", "डॉ. ", "47वें ", "1,000", "a", "Rs.", "\ufffc",
    "\ufeff", "<!--", "-->", "`", "```\n", "*", "_", "#", "> ", "|", "http://x.in/a ", "a@b.in",
    "<!-- qa: disable P001 -->", "<!-- qa: enable -->", "<!-- qa: disable-next-line -->\n",
    "<!-- qa: disable -->", "<!-- qa: disable T,N -->", "<!-- qa: disable-line P -->",
]  # fmt: skip
# Any code point except surrogates (which no decoded file can contain).
ANY = st.characters(blacklist_categories=("Cs",))
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), ANY), max_size=60).map("".join)
FORMATS = st.sampled_from(["text", "markdown"])
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _valid(text: str, diagnostics: list[qa.Diagnostic]) -> None:
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(text), d
        if d.fix is not None:
            for e in d.fix.edits:
                assert 0 <= e.start <= e.end <= len(text), d


@SETTINGS
@given(TEXT, FORMATS)
def test_check_never_crashes_and_spans_lie_inside(text: str, fmt: str) -> None:
    diagnostics = qa.check(text, format=fmt)
    _valid(text, diagnostics)
    for record in json_report.records([FileResult("x", text, diagnostics)]):
        assert record["text"] == text[record["start"] : record["end"]]
        assert (record["line"], record["column"]) <= (record["end_line"], record["end_column"])


@st.composite
def _diagnostics(draw: st.DrawFn, text: str) -> qa.Diagnostic:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    words = st.lists(TEXT, max_size=3)
    edits = st.lists(st.builds(Edit, st.just(start), st.just(end), TEXT), max_size=2)
    fix = st.none() | st.builds(Fix, edits.map(tuple), st.sampled_from(["safe", "unsafe"]))
    return qa.Diagnostic(
        "P001", "name", draw(st.sampled_from(Severity)), draw(TEXT), start, end,
        tuple(draw(words)), draw(fix), draw(st.none() | TEXT),
    )  # fmt: skip


@SETTINGS
@given(st.data(), TEXT)
def test_json_report_is_json_dumps_with_indent(data: st.DataObject, text: str) -> None:
    diagnostics = data.draw(st.lists(_diagnostics(text), max_size=4))
    results = [FileResult('x"/क.txt', text, diagnostics)]
    expected = {"version": 1, "diagnostics": json_report.records(results)}
    assert json_report.render(results, {}) == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


@SETTINGS
@given(TEXT, FORMATS)
def test_safe_fixes_are_idempotent(text: str, fmt: str) -> None:
    once = qa.fix(text, format=fmt).text
    assert qa.fix(once, format=fmt).text == once


@SETTINGS
@given(TEXT, FORMATS)
def test_fixes_change_nothing_outside_their_edits(text: str, fmt: str) -> None:
    edits = sorted(
        (e for f in applicable(qa.check(text, format=fmt)) for e in f.edits), key=lambda e: e.start
    )
    after = apply_edits(text, edits)
    position, shift = 0, 0
    for edit in edits:  # every untouched stretch is where it was, shifted by the edits before it
        assert after[position + shift : edit.start + shift] == text[position : edit.start]
        shift += len(edit.replacement) - (edit.end - edit.start)
        position = edit.end
    assert after[position + shift :] == text[position:]


@SETTINGS
@given(TEXT, st.lists(st.sampled_from(PIECES[-5:]), min_size=1, max_size=4), st.data())
def test_suppression_comments_anywhere(text: str, comments: list[str], data: st.DataObject) -> None:
    for comment in comments:
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + comment + text[at:]
    _valid(text, qa.check(text))
    _valid(text, qa.check(text, format="markdown"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        source = decode(data, "x.txt")
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x.txt: ")
        return
    _valid(source.text, qa.check(source.text))


def _cli(*args: str, input: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "QA_CACHE_DIR": os.devnull}
    return subprocess.run(
        [sys.executable, "-m", "qa.cli", *args],
        input=input,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@settings(max_examples=8, deadline=None)
@given(st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8"))))
def test_cli_on_arbitrary_stdin_exits_cleanly(data: bytes) -> None:
    result = _cli("check", "--format", "json", "-", input=data)
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "internal error" not in err, err
    if result.returncode == 2:
        assert len(err.strip().splitlines()) == 1 and err.startswith("qa: error: "), err
    else:
        assert result.returncode in (0, 1), err
        text = decode(data, "-").text
        for record in json.loads(result.stdout)["diagnostics"]:
            assert record["text"] == text[record["start"] : record["end"]]


@settings(max_examples=8, deadline=None)
@given(TEXT.filter(lambda t: "\x00" not in t))  # NUL makes the CLI refuse the input as binary
def test_cli_fix_matches_the_api_and_keeps_the_rest(text: str) -> None:
    assume("\0" not in text)  # NUL makes it a binary file to the CLI (exit 2, tested above)
    result = _cli("check", "--fix", "--stdin-filename", "story.txt", "-", input=text.encode("utf-8"))
    assert result.returncode in (0, 1), result.stderr
    fixed = result.stdout.decode("utf-8")
    assert fixed == qa.fix(text, path="story.txt").text
    prefix = next((i for i, (a, b) in enumerate(zip(text, fixed, strict=False)) if a != b), len(text))
    edits = [e for f in applicable(qa.check(text, path="story.txt")) for e in f.edits]
    if edits:
        assert prefix >= min(e.start for e in edits)


#: Inputs the fuzzer (bench/fuzz.py) found crashing, kept once fixed.
FUZZ_CRASHERS = [
    b"," * 49 + b"*",  # a fix that rewrote ",," as ",," never converged
]


@pytest.mark.parametrize("data", FUZZ_CRASHERS)
def test_fuzz_regressions(data: bytes) -> None:
    text = decode(data, "x.txt").text
    for fmt in ("text", "markdown"):
        _valid(text, qa.check(text, format=fmt))
        once = qa.fix(text, format=fmt).text
        assert qa.fix(once, format=fmt).text == once
