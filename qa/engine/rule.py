"""What a rule is: the context it reads and the base class (its metadata: :mod:`qa.meta`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol, TypeVar

from qa.diagnostic import Diagnostic, Edit, Fix, Severity
from qa.document import Document
from qa.meta import MARK_CLOSE, MARK_OPEN, Example, FixSafety, RuleMeta

__all__ = ["MARK_CLOSE", "MARK_OPEN", "Context", "Example", "FixSafety", "JointCheck", "Rule", "RuleMeta"]

if TYPE_CHECKING:
    from qa.config import Config

T = TypeVar("T")


@dataclass
class Context:
    """Everything a rule may read. Shared, computed once per document, read-only."""

    document: Document
    config: Config
    date: dt.date
    date_source: str = "today"
    #: Per-document analyses that several rules of a family share (see :meth:`shared`).
    analyses: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.document.view

    def shared(self, name: str, build: Callable[[Context], T]) -> T:
        """``build(self)``, computed once per document and shared by the rules that ask
        for it by ``name`` (no module-level "last document" memo: documents are checked
        in threads). The linter lets the analyses go once the rules of a family (the
        code's letter) are done, so that a big document never holds every family's at
        once (G's sentence readings are half the peak memory of a 5 MB file): a rule of
        another family that asks for one again gets it built again."""
        if name not in self.analyses:
            self.analyses[name] = build(self)
        return self.analyses[name]


class JointCheck(Protocol):
    """A check of several rules of one family in one pass over a document: each rule's
    findings, in the order of ``rules``."""

    def __call__(self, ctx: Context, rules: Sequence[Rule], /) -> list[list[Diagnostic]]: ...


class Rule:
    """Base class of every rule; subclasses implement :meth:`check`."""

    #: Rules of a family with the same ``joint`` are checked together by it, in one pass
    #: over the document, so that what they all read is made and let go piece by piece
    #: (G's clause readings, a sentence at a time) instead of held for the whole document
    #: between one rule and the next; their :meth:`check` is that pass over the rule alone.
    joint: ClassVar[JointCheck | None] = None

    def __init__(self, meta: RuleMeta, options: Mapping[str, Any] | None = None) -> None:
        self.meta = meta
        self.options: Mapping[str, Any] = options or {}

    def check(self, ctx: Context) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def repeatable(self, config: Config) -> bool:
        """False when the findings depend on more than the text and the config (a remote
        server answers them): such results are never cached."""
        return True

    def diagnostic(
        self,
        start: int,
        end: int,
        message: str | None = None,
        *,
        suggestions: Iterable[str] = (),
        edits: Iterable[Edit] | None = None,
        applicability: Literal["safe", "unsafe"] | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """A diagnostic carrying this rule's code, name and defaults."""
        meta = self.meta
        fix = None
        if edits is not None:  # from a rule declared ``fix: none`` the linter drops it
            fix = Fix(tuple(edits), applicability or ("unsafe" if meta.fix == "none" else meta.fix))
        return Diagnostic(
            meta.code,
            meta.name,
            severity or meta.severity,
            message or meta.message,
            start,
            end,
            tuple(suggestions),
            fix,
        )

    def replace(
        self,
        start: int,
        end: int,
        replacement: str,
        message: str | None = None,
        *,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """A diagnostic whose fix replaces the whole span."""
        return self.diagnostic(
            start,
            end,
            message,
            suggestions=(replacement,),
            edits=(Edit(start, end, replacement),),
            severity=severity,
        )
