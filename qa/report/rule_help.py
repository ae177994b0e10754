"""A rule's help for code-scanning tools: a link to its section of the rule reference
(docs/rules.md) and a Markdown page built from its documentation and examples."""

from __future__ import annotations

from qa.links import rule_url
from qa.meta import RuleMeta

_FIX = {
    "safe": "`qa check --fix` corrects it.",
    "unsafe": "`qa check --fix --unsafe-fixes` corrects it; read the change first.",
    "none": "No automatic fix: a person decides.",
}


def help_uri(meta: RuleMeta, rules_url: str) -> str:
    return rule_url(meta.code, meta.name, rules_url)


def markdown(meta: RuleMeta, rules_url: str) -> str:
    """What the finding's help panel shows: the rule's doc, its examples, the fix, the link."""
    lines = [f"**{meta.code} {meta.name}**: {meta.summary}", ""]
    if meta.doc:
        lines += [meta.doc, ""]
    lines += [f"- ✗ `{_inline(e.plain)}`" for e in meta.failing]
    lines += [f"- ✓ `{_inline(e.plain)}`" for e in meta.passing]
    lines += ["", _FIX[meta.fix], "", f"[Rule reference]({help_uri(meta, rules_url)})"]
    return "\n".join(lines)


def _inline(text: str) -> str:
    return text.replace("\n", " ").replace("`", "'")
