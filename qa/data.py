"""Reading the reference data that rules use: YAML, TSV and plain word lists, found
under :func:`rules_dir` (or a desk's own files named in its config).

A file that cannot be read or parsed is a one-line :class:`~qa.errors.RuleDataError`
naming it. This module sits below the engine and the rules: text helpers and rule
families read their data here without importing the engine.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

from qa import datacache
from qa.errors import RuleDataError
from qa.sources import read_data


def rules_dir() -> Path:
    """The rule declarations (``*.yaml``): ``qa/_rules`` installed, ``rules/`` in a checkout."""
    return _shipped("_rules", "rules")


def data_dir() -> Path:
    """The reference data the rules read (lexicons, counts, names, facts, places, fonts,
    house profiles): ``qa/_data`` installed, ``data/`` in a source checkout."""
    return _shipped("_data", "data")


@cache  # called for every data file a run reads; where qa lies does not change
def _shipped(installed_name: str, checkout_name: str) -> Path:
    package = Path(__file__).resolve().parent
    installed = package / installed_name
    return installed if installed.is_dir() else package.parent / checkout_name


@cache
def _loader() -> type:
    """The safe loader, leaving dates as text (readers parse them): the parsed data then
    holds only types the start-up cache can store."""
    import yaml  # only when a data file is parsed, not read from the start-up cache

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    timestamp = "tag:yaml.org,2002:timestamp"
    resolvers = {
        first: [(tag, rx) for tag, rx in entries if tag != timestamp]
        for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(loader: Any, node: Any, deep: bool = False) -> Any:
        """A mapping whose keys are unique: a key written twice (a second ``fixed:`` under
        one example) would silently win over the first."""
        seen = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {key_node.value!r} is given twice", key_node.start_mark
                    )
                seen.add(key_node.value)
        return base.construct_mapping(loader, node, deep)

    return type(
        "DataLoader",
        (base,),
        {"yaml_implicit_resolvers": resolvers, "construct_mapping": construct_mapping},
    )


def read_yaml(path: Path, what: str = "rule file") -> Any:
    """A YAML data file, parsed once and then read from the start-up cache while it is
    unchanged; unreadable or malformed -> a one-line RuleDataError naming it."""
    return datacache.cached("yaml", [path], lambda: parse_yaml(path, what))


def parse_yaml(path: Path, what: str = "rule file") -> Any:
    """A YAML data file parsed now; unreadable or malformed -> a one-line RuleDataError."""
    import yaml

    try:
        return yaml.load(read_data(path, what), Loader=_loader())
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RuleDataError(f"{path}: not valid YAML: {_one_line(exc)}") from None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


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
    import csv  # a word file is read when its start-up cache entry is (re)built

    lines = io.StringIO(text, newline="")
    rows = [r for r in csv.reader(lines, delimiter="\t") if r and not r[0].startswith("#")]
    for number, row in enumerate(rows, 1):
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise RuleDataError(f"{path}: row {number}: expected wrong<TAB>right")
    return [(r[0].strip(), r[1].strip()) for r in rows]
