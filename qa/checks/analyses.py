"""Per-document analyses that rules of several modules share, made once per document
on the rule :class:`~qa.engine.rule.Context` (never in module globals: documents are
checked concurrently)."""

from __future__ import annotations

from qa.engine.rule import Context
from qa.text import ordinals as ordinal_forms


def ordinals(ctx: Context) -> tuple[ordinal_forms.Ordinal, ...]:
    """Every ordinal of the document's view, in order."""
    return ctx.shared("ordinals", lambda c: ordinal_forms.in_document(c.document))


def sentence_starts(ctx: Context) -> list[int]:
    """The view offset where each of ``document.sentences`` starts."""
    return ctx.shared("sentence-starts", lambda c: [s for s, _ in c.document.sentences])
