"""Where a rule's documentation lives: editors link a finding's code to it."""

from __future__ import annotations

import os

#: The rule reference (docs/rules.md, one "### CODE name" section per rule).
RULES_DOC = "https://github.com/qa-hindi/qa/blob/main/docs/rules.md"
#: Points the links at a desk's own copy of the reference instead.
ENV_RULES_DOC = "QA_RULES_DOC_URL"


def rule_url(code: str, name: str) -> str:
    """The rule's section in the reference (the heading's anchor: ``#p002-space-before-danda``)."""
    base = os.environ.get(ENV_RULES_DOC) or RULES_DOC
    return f"{base}#{code.lower()}-{name}"
