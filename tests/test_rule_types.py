"""The word-scan rule types are engine types: their options are declared and checked
when a rule file loads, so a misspelt option is an error, never silently ignored."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa import api
from qa.config import Config
from qa.engine import registry
from qa.engine.runner import Linter
from qa.engine.types import SubstitutionRule
from qa.engine.words import OPTIONS
from qa.errors import InputError, RuleDataError

ENTRY = """rules:
  - code: U900
    name: test-rule
    type: {kind}
    severity: warning
    summary: A test rule.
    message: "found {{match}}"
    examples: {{fail: ["x"], pass: ["y"]}}
{options}
"""


def _load(tmp_path: Path, kind: str, options: str) -> list[registry.RuleSpec]:
    path = tmp_path / "rules.yaml"
    path.write_text(ENTRY.format(kind=kind, options=options), encoding="utf-8")
    return registry.load_file(path)


@pytest.mark.parametrize(
    ("kind", "options", "error"),
    [
        ("guarded-pattern", '    pattern: "x"\n    gaurd: "x"', "unknown keys gaurd"),
        ("guarded-pattern", '    pattern: "x"', "need a 'guard' string"),
        ("word-pattern", '    pattern: "x"\n    unless_when: "x"', "unknown keys unless_when"),
        ("word-pattern", "    whole: true", "need a 'pattern' string"),
        ("mapped-sequence", '    map: {"a": "b"}\n    pattern: "x"', "unknown keys pattern"),
        ("mapped-sequence", "    map: {}", "need 'map'"),
        ("pattern", '    pattern: "x"\n    anchors: [x, y]', "'anchors' must be a string of words"),
        ("guarded-pattern", '    pattern: "x"\n    guard: "x"\n    anchors: 3', "'anchors' must be a string"),
        ("word-pattern", '    pattern: "x"\n    anchors: "x"', "unknown keys anchors"),
    ],
)
def test_bad_options_are_refused_at_load(tmp_path: Path, kind: str, options: str, error: str) -> None:
    with pytest.raises(RuleDataError, match=error):
        _load(tmp_path, kind, options)


def test_every_type_runs_from_a_rule_file(tmp_path: Path) -> None:
    """A desk's rule file may use the types; each finds the error after a conjunct,
    a matra and a nukta."""
    rules = tmp_path / "desk.yaml"
    rules.write_text(
        """rules:
  - code: U901
    name: guarded-test
    type: guarded-pattern
    severity: warning
    summary: A guarded pattern.
    message: "found {match}"
    guard: "\\u00a0"
    pattern: "\\u00a0"
    examples: {fail: ["क\\u00a0ख"], pass: ["क ख"]}
  - code: U902
    name: word-test
    type: word-pattern
    severity: warning
    summary: A word pattern.
    message: "found {word}"
    pattern: "ाा"
    replacement: "ा"
    fix: safe
    examples: {fail: ["राजाा"], pass: ["राजा"]}
  - code: U903
    name: mapped-test
    type: mapped-sequence
    severity: warning
    summary: A mapped sequence.
    message: "found {wrong} ({codes})"
    map: {"ेे": "े", "ंं": null}
    examples: {fail: ["केे"], pass: ["के"]}
""",
        encoding="utf-8",
    )
    config = Config()
    config.values["rule-files"] = [str(rules)]
    config.values["select"] = ["U901", "U902", "U903"]
    text = "ज़्यादा\u00a0लोग ज़्यादा राजाा और ज़्यादा केे साथ ज़्यादा संंग\n"
    found = {(d.code, text[d.start : d.end]) for d in api.check(text, config=config)}
    assert found == {("U901", "\u00a0"), ("U902", "ाा"), ("U903", "ेे"), ("U903", "ंं")}
    assert set(OPTIONS) <= set(registry._TYPE_KEYS)


def test_a_pattern_rule_makes_each_message_and_fix_from_its_own_match(tmp_path: Path) -> None:
    """A pattern rule keeps the message and replacement made for a match's groups: every
    finding still carries the ones its own match makes (also with a backslash template,
    an optional group that did not take part, and a placeholder that is no group)."""
    rules = tmp_path / "desk.yaml"
    rules.write_text(
        """rules:
  - code: U904
    name: doubled-mark
    type: pattern
    severity: warning
    summary: A doubled mark.
    message: "'{mark}' twice after '{word}' ({match})"
    pattern: '(?P<word>[\\p{L}\\p{M}]+)(?P<gap> )?(?P<mark>[।,])(?P=mark)'
    replacement: '\\g<word>\\g<mark>'
    fix: safe
    examples: {fail: ["ज़्यादा क्षेत्र में।।"], pass: ["ज़्यादा क्षेत्र में।"]}
  - code: U905
    name: doubled-mark-template
    type: pattern
    severity: warning
    summary: A doubled mark.
    message: "twice: {nothing}"
    pattern: '(?P<mark>[।,])(?P=mark)'
    replacement: '\\1\\n'
    fix: unsafe
    examples: {fail: ["ज़्यादा क्षेत्र में।।"], pass: ["ज़्यादा क्षेत्र में।"]}
""",
        encoding="utf-8",
    )
    config = Config()
    config.values["rule-files"] = [str(rules)]
    config.values["select"] = ["U904", "U905"]
    text = "ज़्यादा में।। राज ,, में।। क्षेत्र।। में ।। राज,,\n" * 3
    found = api.check(text, config=config)
    words = [(d.code, text[d.start : d.end], d.message, d.suggestions) for d in found if d.code == "U904"]
    assert (
        words
        == [
            ("U904", "में।।", "'।' twice after 'में' (में।।)", ("में।",)),
            ("U904", "राज ,,", "',' twice after 'राज' (राज ,,)", ("राज,",)),
            ("U904", "में।।", "'।' twice after 'में' (में।।)", ("में।",)),
            ("U904", "क्षेत्र।।", "'।' twice after 'क्षेत्र' (क्षेत्र।।)", ("क्षेत्र।",)),
            ("U904", "में ।।", "'।' twice after 'में' (में ।।)", ("में।",)),
            ("U904", "राज,,", "',' twice after 'राज' (राज,,)", ("राज,",)),
        ]
        * 3
    )
    marks = [(text[d.start : d.end], d.message, d.suggestions) for d in found if d.code == "U905"]
    assert {m[1] for m in marks} == {"twice: {nothing}"} and len(marks) == 18
    assert all(fixed == (text[d.start] + "\n",) for (_, _, fixed), d in zip(marks, found[1::2], strict=True))
    for d in found:
        assert d.fix is not None and d.fix.edits[0].replacement == d.suggestions[0]
        assert (d.fix.edits[0].start, d.fix.edits[0].end) == (d.start, d.end)


@pytest.mark.parametrize(
    ("examples", "error"),
    [
        ('{fail: ["x"], pass: [3]}', "an example must be a string or a mapping"),
        ('{fail: [{fixed: "y"}], pass: ["y"]}', "an example must be a string or a mapping"),
        ('{fail: ["x"]}', "at least one failing and one passing example"),
        ('["x", "y"]', "at least one failing and one passing example"),
    ],
)
def test_examples_are_checked_at_load_and_read_when_asked(tmp_path: Path, examples: str, error: str) -> None:
    """A rule file's examples are checked when it loads; a rule's metadata reads them into
    examples only when asked (a check never does)."""
    entry = ENTRY.format(kind="pattern", options='    pattern: "x"').replace(
        '{fail: ["x"], pass: ["y"]}', examples
    )
    path = tmp_path / "rules.yaml"
    path.write_text(entry, encoding="utf-8")
    with pytest.raises(RuleDataError, match=error):
        registry.load_file(path)
    good = ENTRY.format(kind="pattern", options='    pattern: "x"').replace(
        'pass: ["y"]', 'pass: [{text: "y", fixed: "z"}]'
    )
    path.write_text(good, encoding="utf-8")
    (spec,) = registry.load_file(path)
    assert [e.text for e in spec.meta.failing] == ["x"]
    assert [(e.text, e.fixed) for e in spec.meta.passing] == [("y", "z")]


def test_a_substitution_word_file_is_read_again_once_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A substitution rule's word file is checked once and then kept in the start-up cache,
    on the file's state: an edited file is read again, a missing one is an input error."""
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path / "cache"))
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        ENTRY.format(kind="substitution", options="    file: words.tsv").replace("found {match}", "slip"),
        encoding="utf-8",
    )
    words = tmp_path / "words.tsv"
    words.write_text("# wrong\tright\nx\tक्षत्रिय\n", encoding="utf-8")
    for _ in range(2):  # built, then from the cache
        assert _entries(rules) == {"x": ("क्षत्रिय",)}
    words.write_text("x\tक्षत्रिय\nज़्यादा\tज्यादा\n", encoding="utf-8")
    assert _entries(rules) == {"x": ("क्षत्रिय",), "ज़्यादा": ("ज्यादा",)}
    words.write_text("x\tx\n", encoding="utf-8")
    with pytest.raises(RuleDataError, match="listed as its own correction"):
        registry.load_file(rules)
    words.unlink()
    with pytest.raises(InputError, match=r"words\.tsv: cannot read word file"):
        registry.load_file(rules)


def _entries(rules: Path) -> Mapping[str, tuple[str, ...]]:
    (spec,) = registry.load_file(rules)
    rule = spec.build({})
    assert isinstance(rule, SubstitutionRule)
    return rule.entries


def _anchored() -> dict[str, tuple[Linter, tuple[str, ...]]]:
    """Every default rule with ``anchors``: a linter of it alone, and the pieces random
    copy for it is made of (its anchors, the words of its examples, each anchor glued
    to each of them before and after)."""
    found = {}
    for rule in api.linter(Config()).rules:
        if getattr(rule, "anchors", None):
            config = Config()
            config.values["select"] = [rule.meta.code]
            words = {w for e in (*rule.meta.failing, *rule.meta.passing) for w in e.plain.split()}
            glued = {g for a in rule.anchors for w in words for g in (a + w, w + a)}
            found[rule.meta.code] = (api.linter(config), (*sorted(rule.anchors), *sorted(words | glued)))
    return found


_ANCHORED = _anchored()
_SEPARATORS = (" ", "  ", "\t", "-", "- ", "।", "\n", '"', "“", "5", "a", "\u200c", "\u200d", "ा", "ि", "़")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_an_anchored_pattern_finds_what_the_whole_scan_finds(data: st.DataObject) -> None:
    """A pattern rule with ``anchors`` (P013, T025) is tried only where
    they start: it finds what the same pattern scanned over the whole text finds, on any
    mix of its anchors, the words of its examples, spaces, line breaks, hyphens, quotes,
    digits, signs and ZWJ/ZWNJ."""
    code = data.draw(st.sampled_from(sorted(_ANCHORED)))
    linter, words = _ANCHORED[code]
    pieces = st.tuples(st.sampled_from(words), st.sampled_from(_SEPARATORS)).map("".join)
    text = "".join(data.draw(st.lists(pieces | st.sampled_from(_SEPARATORS), max_size=30)))
    _same_as_scanned(linter, text)


@pytest.mark.parametrize(
    "text", ["राम\u200cउस ने", "\u200dइन\tमें।", "कहा\u200c की बात", "अच्छा।\nमें भी", "“ में भी"]
)
def test_an_anchored_pattern_finds_what_follows_a_joiner(text: str) -> None:
    """The places beside a ZWJ or ZWNJ, which the word index does not split at."""
    for linter, _ in _ANCHORED.values():
        _same_as_scanned(linter, text)


def _same_as_scanned(linter: Linter, text: str) -> None:
    rule = linter.rules[0]
    anchored = [(d.start, d.end, d.message) for d in linter.check(api.document(text))]
    anchors, rule.anchors = rule.anchors, frozenset()  # type: ignore[attr-defined]
    try:
        scanned = [(d.start, d.end, d.message) for d in linter.check(api.document(text))]
    finally:
        rule.anchors = anchors  # type: ignore[attr-defined]
    assert anchored == scanned
