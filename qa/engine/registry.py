"""Loading and validating rule data (``rules/*.yaml`` and user rule files).

Rule data is checked when it is loaded: schema, NFC-only word lists, no word that
is both a wrong and a right form, and every pattern must match its own failing
examples. A broken file is a :class:`~qa.errors.RuleDataError` naming the file.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any, TypeAlias

import regex

from qa import data as data_module
from qa import datacache, regexcache
from qa.config import stamps
from qa.data import parse_yaml, read_tsv_pairs, rules_dir
from qa.diagnostic import Severity
from qa.engine import words
from qa.engine.rule import Rule, RuleMeta
from qa.engine.types import PATTERN_OPTIONS, PatternRule, RepetitionRule, SubstitutionRule, compile_pattern
from qa.errors import RuleDataError
from qa.families import LETTERS
from qa.meta import examples as read_examples

_CODE = regex.compile(rf"^[{LETTERS}]\d{{3}}$")
_NAME = regex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_META_KEYS = {
    "code", "name", "type", "severity", "summary", "message", "fix", "default", "masks", "doc", "examples",
    "needs", "covers",
}  # fmt: skip
#: Each type's keys: a rule file entry with any other key is an error.
_TYPE_KEYS: dict[str, frozenset[str]] = {
    "pattern": PATTERN_OPTIONS,
    "substitution": frozenset({"words", "file", "exceptions"}),
    "repetition": frozenset({"only", "allow", "latin"}),
    **words.OPTIONS,
    "python": frozenset({"impl", "options", "remote"}),
}
_TYPES = tuple(_TYPE_KEYS)
#: The word-scan types and what each needs: (required string options, required table option).
_WORD_TYPES: dict[str, tuple[type[Rule], tuple[str, ...], str | None]] = {
    "guarded-pattern": (words.GuardedPattern, ("pattern", "guard"), None),
    "word-pattern": (words.WordPattern, ("pattern",), None),
    "mapped-sequence": (words.MappedSequence, (), "map"),
}


#: A pattern of ``needs``, compiled by ``re`` or ``regex`` (a string: importing this module
#: reads no attribute of ``regex``, which would import its parser).
Needle: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"


@dataclass(frozen=True)
class RuleSpec:
    """A rule's metadata and how to build it (building may import code)."""

    meta: RuleMeta
    build: Callable[[Mapping[str, Any]], Rule]
    options: Mapping[str, Any]
    #: The rule may ask a server (``remote: true``; any python rule from outside qa may):
    #: whether its findings can be cached depends on it (:meth:`Rule.repeatable`).
    remote: bool = False
    #: ``needs``: what must occur in a document's text for the rule to report anything
    #: there (a digit, a rare character; one of several: "।।" or "||"); elsewhere it is
    #: neither built nor run.
    needs: tuple[Needle, ...] | None = None
    #: ``module:Class`` of a python rule.
    impl: str = ""


def builtin_rule_files() -> list[Path]:
    return sorted(rules_dir().glob("*.yaml"))


def load_specs(extra_files: tuple[str, ...] = ()) -> dict[str, RuleSpec]:
    """All rules by code: the built-in files, then user files (which may not reuse codes);
    read again once a user file changes (a long-running server sees the edit)."""
    return _load_specs(stamps(extra_files))


@lru_cache(maxsize=8)
def _load_specs(extra_files: tuple[tuple[str, int, int], ...]) -> dict[str, RuleSpec]:
    specs: dict[str, RuleSpec] = {}
    names: dict[str, str] = {}
    for path, rules in [*_builtin_specs(), *((Path(p), load_file(Path(p))) for p, *_ in extra_files)]:
        for spec in rules:
            code, name = spec.meta.code, spec.meta.name
            if code in specs:
                raise RuleDataError(
                    f"{path}: rule code {code} is already defined in {specs[code].meta.source}"
                )
            if name in names:
                raise RuleDataError(f"{path}: rule name {name!r} is already used by {names[name]}")
            specs[code] = spec
            names[name] = code
    return specs


def _builtin_specs() -> list[tuple[Path, list[RuleSpec]]]:
    """Each built-in rule file and its rules; their checked YAML is one cache entry, so
    that a run reads one file instead of one per rule file."""
    paths = builtin_rule_files()
    stored, store = datacache.lookup("rule-files", (*paths, Path(__file__)))
    if stored is not None and len(stored) == len(paths):
        return [(path, _specs(path, data, checked=True)) for path, data in zip(paths, stored, strict=True)]
    loaded = [_load(path) for path in paths]
    store([data for _, data in loaded])
    return [(path, specs) for path, (specs, _) in zip(paths, loaded, strict=True)]


def load_file(path: Path) -> list[RuleSpec]:
    """The rules of one file; the parsed YAML is cached once the file has passed every check."""
    return _load(path)[0]


def _load(path: Path) -> tuple[list[RuleSpec], Any]:
    """(the rules of one file, its checked YAML)."""
    data, store = datacache.lookup("rules", (path, Path(__file__)))
    checked = data is not None
    if data is None:
        data = parse_yaml(path)
    specs = _specs(path, data, checked=checked)
    store(data)
    return specs, data


def _specs(path: Path, data: Any, *, checked: bool) -> list[RuleSpec]:
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleDataError(f"{path}: expected a mapping with a 'rules' list")
    return [_spec(path, entry, i, checked=checked) for i, entry in enumerate(data["rules"])]


def _spec(path: Path, entry: Any, index: int, *, checked: bool = False) -> RuleSpec:
    where = f"{path}: rule #{index + 1}"
    if not isinstance(entry, dict):
        raise RuleDataError(f"{where}: expected a mapping")
    code = str(entry.get("code", ""))
    if not checked and not _CODE.match(code):  # a checked file's entries passed every test
        raise RuleDataError(f"{where}: code {code!r} must be a family letter ({LETTERS}) and 3 digits")
    where = f"{path}: {code}"
    kind = entry.get("type")
    if kind not in _TYPES:
        raise RuleDataError(f"{where}: type must be one of {', '.join(_TYPES)}")
    unknown = () if checked else set(entry) - _META_KEYS - _TYPE_KEYS[kind]
    if unknown:
        raise RuleDataError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    meta = _meta(path, entry, where, checked=checked)
    options = {k: entry[k] for k in _TYPE_KEYS[kind] if k in entry}
    remote, impl = False, ""
    if kind == "python":
        options = dict(entry.get("options") or {})
        impl = str(entry.get("impl", ""))
        remote = bool(entry.get("remote")) or not impl.startswith("qa.")
    build = _builder(path, kind, meta, entry, where)
    needs = _needs(meta, entry, where, checked=checked)
    if kind == "pattern" and not checked:
        _check_pattern_examples(meta, entry, where)
    return RuleSpec(meta, build, options, remote, needs, impl)


def _needs(
    meta: RuleMeta, entry: Mapping[str, Any], where: str, *, checked: bool
) -> tuple[Needle, ...] | None:
    """The rule's ``needs``: a pattern, or a list of patterns one of which must occur
    (separate literals are found faster than their alternation); each of its failing
    examples must contain one."""
    if "needs" not in entry:
        return None
    given = entry["needs"]
    patterns = [given] if isinstance(given, str) else given
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
        raise RuleDataError(f"{where}: 'needs' must be a pattern or a list of patterns")
    needs = tuple(_needle(p, where) for p in patterns)
    for example in () if checked else meta.failing:
        if not any(needle.search(example.plain) for needle in needs):
            raise RuleDataError(f"{where}: 'needs' does not occur in the failing example {example.plain!r}")
    return needs


def _needle(pattern: str, where: str) -> Needle:
    """``pattern`` compiled by the standard ``re`` (which scans a text for a character
    class a few times faster) unless it refuses or warns about it, else by ``regex``."""
    try:
        with warnings.catch_warnings(action="error"):
            return regexcache.standard(pattern)
    except (re.error, Warning):
        return compile_pattern(pattern, (), where=where)


def _meta(path: Path, entry: Mapping[str, Any], where: str, *, checked: bool) -> RuleMeta:
    name = str(entry.get("name", ""))
    if not checked and not _NAME.match(name):
        raise RuleDataError(f"{where}: name {name!r} must be kebab-case")
    for key in ("summary", "message"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise RuleDataError(f"{where}: '{key}' is required")
    try:
        severity = Severity.parse(str(entry.get("severity", "")))
    except ValueError as exc:
        raise RuleDataError(f"{where}: {exc}") from None
    fix = entry.get("fix", "none")
    if fix not in ("safe", "unsafe", "none"):
        raise RuleDataError(f"{where}: fix must be safe, unsafe or none")
    examples = entry.get("examples") or {}
    if not checked and not _has_examples(examples, where):
        raise RuleDataError(f"{where}: needs at least one failing and one passing example")
    return RuleMeta(
        code=entry["code"],
        name=name,
        severity=severity,
        message=entry["message"].strip(),
        summary=entry["summary"].strip(),
        fix=fix,
        doc=str(entry.get("doc", "")).strip(),
        default=bool(entry.get("default", True)),
        masks=_flag(entry, "masks", where),
        covers=tuple(entry.get("covers", ())) if checked else _codes(entry, "covers", where),
        source=path.name,
        examples=examples,
    )


def _has_examples(examples: Any, where: str) -> bool:
    """Each example read once, to check it (a cached file's were): a check reads none."""
    return isinstance(examples, dict) and all(read_examples(examples.get(k), where) for k in ("fail", "pass"))


def _flag(entry: Mapping[str, Any], key: str, where: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise RuleDataError(f"{where}: '{key}' must be true or false")
    return value


def _codes(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(c, str) and _CODE.match(c) for c in value):
        raise RuleDataError(f"{where}: '{key}' must be a list of rule codes")
    return tuple(value)


def _builder(
    path: Path, kind: str, meta: RuleMeta, entry: Mapping[str, Any], where: str
) -> Callable[[Mapping[str, Any]], Rule]:
    if not isinstance(entry.get("anchors", ""), str):
        raise RuleDataError(f"{where}: 'anchors' must be a string of words")
    if kind == "pattern":
        if not isinstance(entry.get("pattern"), str):
            raise RuleDataError(f"{where}: pattern rules need a 'pattern' string")
        return lambda options: PatternRule(meta, options)
    if kind == "repetition":
        return lambda options: RepetitionRule(meta, options)
    if kind == "substitution":
        entries = _substitutions(path, entry, where)
        return lambda options: SubstitutionRule(meta, options, entries)
    if kind in _WORD_TYPES:
        cls, strings, table = _WORD_TYPES[kind]
        for key in strings:
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise RuleDataError(f"{where}: {kind} rules need a '{key}' string")
        if table is not None and (not isinstance(entry.get(table), dict) or not entry[table]):
            raise RuleDataError(f"{where}: {kind} rules need '{table}', a table of sequences and fixes")
        return lambda options: cls(meta, options)
    impl = entry.get("impl")
    if not isinstance(impl, str) or ":" not in impl:
        raise RuleDataError(f"{where}: python rules need 'impl: module:Class'")
    return lambda options: _import(impl, where)(meta, options)


def _import(impl: str, where: str) -> type[Rule]:
    module_name, _, class_name = impl.partition(":")
    try:
        cls = getattr(import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise RuleDataError(f"{where}: cannot load {impl}: {exc}") from None
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        raise RuleDataError(f"{where}: {impl} is not a Rule class")
    return cls


def _substitutions(path: Path, entry: Mapping[str, Any], where: str) -> dict[str, tuple[str, ...]]:
    """The rule's wrong forms and their fixes; with a word file, checked once and then read
    from the start-up cache (reading and checking T001's 235 pairs cost each run about a millisecond)."""
    if not entry.get("file"):
        return _checked_substitutions(path, entry, where)
    sources = [path, path.parent / str(entry["file"]), Path(__file__), Path(data_module.__file__)]
    build = lambda: _checked_substitutions(path, entry, where)  # noqa: E731
    return datacache.cached(f"substitutions-{entry['code']}", sources, build)


def _checked_substitutions(path: Path, entry: Mapping[str, Any], where: str) -> dict[str, tuple[str, ...]]:
    pairs: list[tuple[str, str]] = []
    words = entry.get("words") or {}
    if not isinstance(words, dict):
        raise RuleDataError(f"{where}: 'words' must map wrong forms to right forms")
    for wrong, right in words.items():
        rights = right if isinstance(right, list) else [right]
        pairs.extend((str(wrong), str(r)) for r in rights)
    if entry.get("file"):
        pairs.extend(read_tsv_pairs(path.parent / str(entry["file"]), where))
    if not pairs:
        raise RuleDataError(f"{where}: substitution rules need 'words' or 'file'")
    return validate_pairs(pairs, where)


def validate_pairs(pairs: Iterable[tuple[str, str]], where: str) -> dict[str, tuple[str, ...]]:
    entries: dict[str, list[str]] = {}
    for wrong, right in pairs:
        for word in (wrong, right):
            if not unicodedata.is_normalized("NFC", word):
                raise RuleDataError(f"{where}: {word!r} is not NFC")
        if wrong == right:
            raise RuleDataError(f"{where}: {wrong!r} is listed as its own correction")
        entries.setdefault(wrong, [])
        if right not in entries[wrong]:
            entries[wrong].append(right)
    rights = {r for rs in entries.values() for r in rs}
    both = sorted(rights & entries.keys())
    if both:
        raise RuleDataError(f"{where}: {both[0]!r} is both a wrong and a right form")
    return {w: tuple(rs) for w, rs in entries.items()}


def _check_pattern_examples(meta: RuleMeta, entry: Mapping[str, Any], where: str) -> None:
    pattern = compile_pattern(entry["pattern"], entry.get("flags", ()), where=where)
    for example in meta.failing:
        if pattern.search(example.plain) is None:
            raise RuleDataError(f"{where}: pattern does not match its own failing example {example.plain!r}")
