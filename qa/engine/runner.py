"""Running a rule set over a document: check, map to source, suppress, sort."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property
from typing import Any

from qa import datatables
from qa.config import Config, parse_date, reject_unknown, section_keys
from qa.diagnostic import SORT_KEY, Diagnostic, Edit, Fix, Severity
from qa.document import Document, SourceMap
from qa.engine import masks, registry, selection, suppress
from qa.engine.joint import JointFindings
from qa.engine.registry import RuleSpec
from qa.engine.rule import Context, Rule
from qa.errors import ConfigError, QAError, RuleDataError
from qa.text.lines import LineIndex

#: A few lines that reach the lexicons, names, ordinals and facts tables of the rules.
_WARM_UP = (
    "राष्ट्रपति डोनाल्ड ट्रंप अमेरिका केक 47वें राष्ट्रपति हैं, हालांकि,बातचीत जारी रही।\n"
    "21वी सदी में ज़्यादा लोग अख़बार पढ़ते हैं । शी जिनपिंग ने फेंटानल पर कहा।\n"
)


class RuleCrash(QAError):
    """A rule raised an unexpected exception (a bug in qa, reported in one line)."""


class Linter:
    """A compiled rule set for one configuration; reuse it across documents."""

    def __init__(
        self, config: Config, *, select: Iterable[str] | None = None, ignore: Iterable[str] = ()
    ) -> None:
        self.config = config
        specs = registry.load_specs(tuple(config["rule-files"]))
        chosen = selection.select(
            specs,
            select=config["select"] if select is None else select,
            extend_select=config["extend-select"],
            ignore=[*config["ignore"], *ignore],
        )
        _check_rule_tables(specs, config)
        for pattern, selectors in config["per-file-ignores"].items():
            try:
                selection.select(specs, ignore=selectors)  # unknown codes are errors here too
            except ConfigError as exc:
                raise ConfigError(f"{config.path or 'config'}: per-file-ignores {pattern!r}: {exc}") from None
        self._chosen = [(spec, _options(spec, config)) for spec in chosen]
        self.codes = [spec.meta.code for spec in chosen]
        self._masking = frozenset(spec.meta.code for spec in chosen if spec.meta.masks)
        self._covering = {spec.meta.code: frozenset(spec.meta.covers) for spec in chosen if spec.meta.covers}
        self._built: dict[int, Rule] = {}

    def _rule(self, index: int) -> Rule:
        """The rule ``index`` of the selection, built on first use (threads may race to
        build it: one copy wins)."""
        rule = self._built.get(index)
        if rule is None:
            spec, options = self._chosen[index]
            built = spec.build(options)
            if "severity" in options:  # a house's severity for the rule ([tool.qa.rules.X])
                built.meta = replace(built.meta, severity=Severity.parse(str(options["severity"])))
            rule = self._built.setdefault(index, built)
        return rule

    @cached_property
    def rules(self) -> list[Rule]:
        """Every rule of the selection, built now. A check builds only the rules whose
        ``needs`` occur in its document, and a run answered from the result cache none."""
        return [self._rule(index) for index in range(len(self._chosen))]

    def rules_for(self, document: Document) -> list[Rule]:
        """The rules that may report in ``document`` (its text has what each ``needs``)."""
        text = document.view
        present: dict[registry.Needle, bool] = {}  # rules often share a need (a digit): one search each

        def met(needs: tuple[registry.Needle, ...]) -> bool:
            for needle in needs:
                found = present.get(needle)
                if found is None:
                    found = present[needle] = needle.search(text) is not None
                if found:
                    return True
            return False

        chosen = enumerate(self._chosen)
        return [self._rule(i) for i, (spec, _) in chosen if spec.needs is None or met(spec.needs)]

    @cached_property
    def _unused(self) -> suppress.UnusedSuppression | None:
        impl = f"{suppress.__name__}:{suppress.UnusedSuppression.__name__}"
        index = next((i for i, (spec, _) in enumerate(self._chosen) if spec.impl == impl), None)
        rule = None if index is None else self._rule(index)
        return rule if isinstance(rule, suppress.UnusedSuppression) else None

    @property
    def cacheable(self) -> bool:
        """True when the findings depend only on the text and the config (no rule asks a
        server); only the rules that may ask one are built to tell."""
        remote = (i for i, (spec, _) in enumerate(self._chosen) if spec.remote)
        return all(self._rule(i).repeatable(self.config) for i in remote)

    def warm(self) -> None:
        """Build every rule and load its lazy data now (before forking workers that would
        each do it)."""
        self.rules  # noqa: B018
        self.check(Document(_WARM_UP, _WARM_UP), date=dt.date(2025, 1, 21))
        datatables.load_all()  # the tables it opened, every shard

    def check(
        self, document: Document, *, date: dt.date | str | None = None, date_source: str | None = None
    ) -> list[Diagnostic]:
        """Findings for ``document``, mapped to its source, suppressions applied, sorted.
        ``date`` is the article's date (``date_source`` says where it came from); without
        one, :func:`article_date` decides."""
        if date is None or date_source is None:
            date, date_source = article_date(document, self.config, date)
        ctx = Context(document, self.config, parse_date(date, "date"), date_source)
        found: list[Diagnostic] = []
        family = ""
        rules = self.rules_for(document)
        joint = JointFindings(ctx, rules)
        for rule in rules:
            if rule.meta.code[0] != family:  # what the last family's rules shared is let go
                family = rule.meta.code[0]
                ctx.analyses.clear()
            try:
                if rule.meta.fix == "none":  # an edit it emits anyway fails its examples
                    found.extend(map(_without_fix, joint.of(rule)))
                else:
                    found.extend(joint.of(rule))
            except QAError:
                raise
            except Exception as exc:  # a bug in a rule must not look like a finding
                raise RuleCrash(
                    f"internal error in rule {rule.meta.code}: {type(exc).__name__}: {exc}"
                ) from exc
        if self._masking:
            found = masks.apply(found, self._masking)
        if self._covering:
            found = masks.covered(found, self._covering)
        if not document.source_map.is_identity:
            found = [_to_source(d, document.source_map) for d in found]
        if document.fields:
            found = [_with_field(d, document) for d in found]
        source = document.source
        regions = suppress.regions(source, LineIndex(source)) if "qa:" in source else []
        ignored = self.config.ignores_for(document.path)
        if ignored:
            found = [d for d in found if not selection.ignored_by(ignored, d)]
        found = suppress.apply(found, regions)
        if self._unused is not None and not selection.ignored_by(ignored, self._unused.meta):
            found.extend(self._unused.unused(regions))
        return _sorted_unique(found)


#: Options some rules read with a default in code rather than in their YAML (a house
#: style's keys are N rules' options too): accepted in any ``[tool.qa.rules.X]``.
_CODE_DEFAULT_OPTIONS = (
    "severity", "url", "reject", "max-uses", "min-frequency-ratio", "offices", "exceptions", "timeout",
)  # fmt: skip


def _check_rule_tables(specs: dict[str, RuleSpec], config: Config) -> None:
    """Every ``[tool.qa.rules.X]`` names a rule, and its keys are options qa knows."""
    where = config.path or "config"
    prefix = "tool.qa." if config.path and config.path.name == "pyproject.toml" else ""
    for code, table in config.section("rules").items():
        reject_unknown(code, specs, where, f"[{prefix}rules]", "rule")
        if isinstance(table, dict):
            known = {*specs[code].options, *_CODE_DEFAULT_OPTIONS, *section_keys("house-style")}
            for key in table:
                reject_unknown(key, known, where, f"[{prefix}rules.{code}]", "key")


def _options(spec: RuleSpec, config: Config) -> dict[str, Any]:
    """The rule's YAML options with ``[tool.qa.rules.CODE]`` on top; a value must keep its kind
    (and a list the kind of its items)."""
    where = config.path or "config"
    if not isinstance(config.section("rules").get(spec.meta.code, {}), dict):
        raise RuleDataError(f"{where}: [tool.qa.rules.{spec.meta.code}] must be a table of options")
    given = config.rule_options(spec.meta.code)
    for key, value in given.items():
        expected = spec.options.get(key)
        if expected is not None and not _fits(value, expected):
            items = (
                f" (each item {_kind(expected[0])})"
                if isinstance(expected, list | tuple) and expected
                else ""
            )
            raise RuleDataError(
                f"{where}: [tool.qa.rules.{spec.meta.code}] {key} must be {_kind(expected)}{items}"
            )
    if "severity" in given:
        try:
            Severity.parse(str(given["severity"]))
        except ValueError as exc:
            raise ConfigError(f"{where}: [tool.qa.rules.{spec.meta.code}] {exc}") from None
    return {**spec.options, **given}


def _fits(value: Any, expected: Any) -> bool:
    """Of the YAML value's kind; a list's items of the kind of the YAML list's items."""
    if _kind(value) != _kind(expected):
        return False
    if isinstance(expected, list | tuple) and expected:
        return all(_kind(item) == _kind(expected[0]) for item in value)
    return True


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a string"


def article_date(document: Document, config: Config, given: dt.date | str | None) -> tuple[dt.date, str]:
    """The article's date and where it came from: given (a library caller may pass
    "YYYY-MM-DD"), else the document's own (front matter, CMS field), else the config's,
    else today."""
    if given is not None:
        return parse_date(given, "date"), "given"
    if "date" in document.metadata:
        try:
            return dt.date.fromisoformat(document.metadata["date"]), "document"
        except ValueError:
            pass
    if config.date is not None:
        return config.date, "config"
    return dt.date.today(), "today"


def _without_fix(diagnostic: Diagnostic) -> Diagnostic:
    if diagnostic.fix is None:
        return diagnostic
    return diagnostic.shifted(diagnostic.start, diagnostic.end, None)


def _to_source(diagnostic: Diagnostic, source_map: SourceMap) -> Diagnostic:
    shift = source_map.shift(diagnostic.start, diagnostic.end)
    fix = diagnostic.fix
    if shift is not None and (
        fix is None or all(source_map.shift(e.start, e.end) == shift for e in fix.edits)
    ):
        if shift == 0:
            return diagnostic
        if fix is not None:
            fix = Fix(
                tuple(Edit(e.start + shift, e.end + shift, e.replacement) for e in fix.edits),
                fix.applicability,
            )
        return diagnostic.shifted(diagnostic.start + shift, diagnostic.end + shift, fix)
    start = source_map.to_source(diagnostic.start)
    end = max(start, source_map.to_source(diagnostic.end, end=True))
    fix = diagnostic.fix
    if fix is not None:
        if all(source_map.is_verbatim(e.start, e.end) for e in fix.edits):
            edits = tuple(
                Edit(
                    source_map.to_source(e.start),
                    source_map.to_source(e.end, end=True)
                    if e.end > e.start
                    else source_map.to_source(e.start),
                    e.replacement,
                )
                for e in fix.edits
            )
            fix = Fix(edits, fix.applicability)
        else:
            fix = None  # the edit would touch markup: suggest, never rewrite
    return diagnostic.shifted(start, end, fix)


def _with_field(diagnostic: Diagnostic, document: Document) -> Diagnostic:
    starts = [f[0] for f in document.fields]
    index = bisect_right(starts, diagnostic.start) - 1
    if index >= 0:
        return replace(diagnostic, field=document.fields[index][2])
    return diagnostic


def _sorted_unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, int, int]] = set()
    result = []
    for diagnostic in sorted(diagnostics, key=SORT_KEY):
        key = (diagnostic.code, diagnostic.start, diagnostic.end)
        if key not in seen:
            seen.add(key)
            result.append(diagnostic)
    return result
