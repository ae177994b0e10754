"""Loading and validating rule data (``rules/*.yaml`` and user rule files).

Rule data is checked when it is loaded: schema, NFC-only word lists, no word that
is both a wrong and a right form, and every pattern must match its own failing
examples. A broken file is a :class:`~qa.errors.RuleDataError` naming the file.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any

import regex
import yaml

from qa import datacache
from qa.diagnostic import Severity
from qa.engine.rule import Example, Rule, RuleMeta
from qa.engine.types import PatternRule, RepetitionRule, SubstitutionRule, compile_pattern
from qa.errors import RuleDataError
from qa.families import LETTERS
from qa.sources import read_data

_CODE = regex.compile(rf"^[{LETTERS}]\d{{3}}$")
_NAME = regex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TYPES = ("pattern", "substitution", "repetition", "python")
_META_KEYS = {"code", "name", "type", "severity", "summary", "message", "fix", "default", "doc", "examples"}
_TYPE_KEYS = {
    "pattern": {"pattern", "flags", "replacement", "exceptions", "group", "timeout"},
    "substitution": {"words", "file", "exceptions"},
    "repetition": {"only", "allow", "latin"},
    "python": {"impl", "options"},
}


@dataclass(frozen=True)
class RuleSpec:
    """A rule's metadata and how to build it (building may import code)."""

    meta: RuleMeta
    build: Callable[[Mapping[str, Any]], Rule]
    options: Mapping[str, Any]


def rules_dir() -> Path:
    """The rule data: ``qa/_rules`` in an installed wheel, ``rules/`` in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_rules"
    return installed if installed.is_dir() else package.parent / "rules"


def builtin_rule_files() -> list[Path]:
    return sorted(rules_dir().glob("*.yaml"))


@lru_cache(maxsize=8)
def load_specs(extra_files: tuple[str, ...] = ()) -> dict[str, RuleSpec]:
    """All rules by code: the built-in files, then user files (which may not reuse codes)."""
    specs: dict[str, RuleSpec] = {}
    names: dict[str, str] = {}
    for path in [*builtin_rule_files(), *map(Path, extra_files)]:
        for spec in load_file(path):
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


@cache
def _loader() -> type:
    """The safe loader, leaving dates as text (readers parse them): the parsed data then
    holds only types the start-up cache can store."""
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    timestamp = "tag:yaml.org,2002:timestamp"
    resolvers = {
        first: [(tag, rx) for tag, rx in entries if tag != timestamp]
        for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return type("DataLoader", (base,), {"yaml_implicit_resolvers": resolvers})


def read_yaml(path: Path, what: str = "rule file") -> Any:
    """A YAML data file, parsed once and then read from the start-up cache while it is
    unchanged; unreadable or malformed -> a one-line RuleDataError naming it."""
    return datacache.cached("yaml", [path], lambda: parse_yaml(path, what))


def parse_yaml(path: Path, what: str = "rule file") -> Any:
    """A YAML data file parsed now; unreadable or malformed -> a one-line RuleDataError."""
    try:
        return yaml.load(read_data(path, what), Loader=_loader())
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RuleDataError(f"{path}: not valid YAML: {_one_line(exc)}") from None


def load_file(path: Path) -> list[RuleSpec]:
    """The rules of one file; the parsed YAML is cached once the file has passed every check."""
    data, store = datacache.lookup("rules", (path, Path(__file__)))
    checked = data is not None
    if data is None:
        data = parse_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleDataError(f"{path}: expected a mapping with a 'rules' list")
    specs = [_spec(path, entry, i, checked=checked) for i, entry in enumerate(data["rules"])]
    store(data)
    return specs


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _spec(path: Path, entry: Any, index: int, *, checked: bool = False) -> RuleSpec:
    where = f"{path}: rule #{index + 1}"
    if not isinstance(entry, dict):
        raise RuleDataError(f"{where}: expected a mapping")
    code = str(entry.get("code", ""))
    if not _CODE.match(code):
        raise RuleDataError(f"{where}: code {code!r} must be a family letter ({LETTERS}) and 3 digits")
    where = f"{path}: {code}"
    kind = entry.get("type")
    if kind not in _TYPES:
        raise RuleDataError(f"{where}: type must be one of {', '.join(_TYPES)}")
    unknown = set(entry) - _META_KEYS - _TYPE_KEYS[kind]
    if unknown:
        raise RuleDataError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    meta = _meta(path, entry, where)
    options = {k: entry[k] for k in _TYPE_KEYS[kind] if k in entry}
    if kind == "python":
        options = dict(entry.get("options") or {})
    build = _builder(path, kind, meta, entry, where)
    if kind == "pattern" and not checked:
        _check_pattern_examples(meta, entry, where)
    return RuleSpec(meta, build, options)


def _meta(path: Path, entry: Mapping[str, Any], where: str) -> RuleMeta:
    name = str(entry.get("name", ""))
    if not _NAME.match(name):
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
    failing = tuple(_example(x, where) for x in examples.get("fail") or ())
    passing = tuple(_example(x, where) for x in examples.get("pass") or ())
    if not failing or not passing:
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
        failing=failing,
        passing=passing,
        source=path.name,
    )


def _example(value: Any, where: str) -> Example:
    if isinstance(value, str):
        return Example(value)
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        return Example(
            value["text"],
            fixed=value.get("fixed"),
            options=value.get("options") or {},
            date=str(value["date"]) if value.get("date") else None,
        )
    raise RuleDataError(f"{where}: an example must be a string or a mapping with 'text'")


def _builder(
    path: Path, kind: str, meta: RuleMeta, entry: Mapping[str, Any], where: str
) -> Callable[[Mapping[str, Any]], Rule]:
    if kind == "pattern":
        if not isinstance(entry.get("pattern"), str):
            raise RuleDataError(f"{where}: pattern rules need a 'pattern' string")
        return lambda options: PatternRule(meta, options)
    if kind == "repetition":
        return lambda options: RepetitionRule(meta, options)
    if kind == "substitution":
        entries = _substitutions(path, entry, where)
        return lambda options: SubstitutionRule(meta, options, entries)
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


def read_lines(path: Path, what: str) -> list[str]:
    """The lines of a data file; unreadable -> a one-line RuleDataError naming it and ``what`` it is."""
    try:
        return path.read_text(encoding="utf-8").split("\n")
    except OSError as exc:
        raise RuleDataError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None


def read_tsv_pairs(path: Path, where: str) -> list[tuple[str, str]]:
    """``wrong<TAB>right`` lines (more columns are notes; ``#`` starts a comment)."""
    try:
        text = read_data(path, "word file")
    except UnicodeDecodeError as exc:
        raise RuleDataError(f"{where}: {path.name} is not UTF-8: {exc.reason}") from None
    lines = io.StringIO(text, newline="")
    rows = [r for r in csv.reader(lines, delimiter="\t") if r and not r[0].startswith("#")]
    for number, row in enumerate(rows, 1):
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise RuleDataError(f"{path}: row {number}: expected wrong<TAB>right")
    return [(r[0].strip(), r[1].strip()) for r in rows]


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
