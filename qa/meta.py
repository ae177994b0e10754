"""What a rule says about itself: code, name, severity, fix safety, docs and examples.

Reports, listings and servers read this; they never need the engine that runs rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from qa.diagnostic import Severity
from qa.errors import RuleDataError

FixSafety = Literal["safe", "unsafe", "none"]

#: Marks the expected span inside an example text: "हालांकि⟦,⟧बातचीत".
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"


@dataclass(frozen=True, slots=True)
class Example:
    """A documented example; ``text`` may carry ⟦ ⟧ around expected spans."""

    text: str
    fixed: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    date: str | None = None

    @property
    def plain(self) -> str:
        return self.text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Expected (start, end) spans in :attr:`plain`."""
        spans: list[tuple[int, int]] = []
        offset = start = 0
        for i, ch in enumerate(self.text):
            if ch == MARK_OPEN:
                start = i - offset
                offset += 1
            elif ch == MARK_CLOSE:
                spans.append((start, i - offset))
                offset += 1
        return spans


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """A rule's declaration: code, name, severity, fix safety, texts and examples."""

    code: str
    name: str
    severity: Severity
    message: str
    summary: str
    fix: FixSafety = "none"
    doc: str = ""
    default: bool = True
    #: Its findings claim their span: other rules' findings inside it are dropped (text
    #: that is not Unicode Hindi at all, as a legacy font or mojibake leaves it).
    masks: bool = False
    #: The codes whose findings this rule's finding stands for when they lie inside its
    #: span: one slip, one finding (T003's "कीी" -> की, not also U014's doubled sign).
    covers: tuple[str, ...] = ()
    source: str = ""
    #: The examples as the rule file writes them (``fail`` and ``pass``: lists of texts or
    #: mappings with ``text``), read into :class:`Example` s when asked for: a check reads
    #: none of the some 900, and a run declares every rule.
    examples: Mapping[str, Any] = field(default_factory=dict)

    @property
    def family(self) -> str:
        return self.code[0]

    @property
    def failing(self) -> tuple[Example, ...]:
        return examples(self.examples.get("fail"), self.code)

    @property
    def passing(self) -> tuple[Example, ...]:
        return examples(self.examples.get("pass"), self.code)


def examples(values: Any, where: str) -> tuple[Example, ...]:
    """The examples of a rule file's ``fail`` or ``pass`` list."""
    return tuple(_example(value, where) for value in values or ())


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
