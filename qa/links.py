"""Where a rule's documentation lives: editors and code-scanning reports link a finding's
code to its section of the rule reference."""

from __future__ import annotations

import os

import regex

#: The rule reference (docs/rules.md, one "### CODE name" section per rule).
RULES_DOC = "https://github.com/qa-hindi/qa/blob/main/docs/rules.md"
#: Points the editor links at a desk's own copy of the reference instead.
ENV_RULES_DOC = "QA_RULES_DOC_URL"

#: GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
_NOT_IN_ANCHOR = regex.compile(r"[^\p{L}\p{M}\p{N}\p{Pc}\- ]")


def anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading (``P002 space-before-punctuation``)."""
    return _NOT_IN_ANCHOR.sub("", heading.strip().lower()).replace(" ", "-")


def rule_url(code: str, name: str, base: str | None = None) -> str:
    """The rule's section in the reference at ``base`` (default: ``$QA_RULES_DOC_URL``, else
    the project's), e.g. ``…/rules.md#p002-space-before-danda``."""
    return f"{base or os.environ.get(ENV_RULES_DOC) or RULES_DOC}#{anchor(f'{code} {name}')}"
