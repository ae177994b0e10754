"""The findings of a document's rules that share a pass (:attr:`Rule.joint`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule


class JointFindings:
    """Hands each rule its findings: its own :meth:`Rule.check`'s, or for a rule with a
    :attr:`Rule.joint`, its share of the pass that checks every rule of its family with
    the same joint, made when the first of them is due."""

    def __init__(self, ctx: Context, rules: Sequence[Rule]) -> None:
        self.ctx, self.rules = ctx, rules
        self._due: dict[int, list[Diagnostic]] = {}  # by the rule's id, until handed out

    def of(self, rule: Rule) -> Iterable[Diagnostic]:
        joint = rule.joint
        if joint is None:
            return rule.check(self.ctx)
        if id(rule) not in self._due:
            family = rule.meta.code[0]
            group = [r for r in self.rules if r.joint is joint and r.meta.code[0] == family]
            self._due.update(zip(map(id, group), joint(self.ctx, group), strict=True))
        return self._due.pop(id(rule))
