"""Plain text: everything is prose except URLs, e-mail addresses and qa comments."""

from __future__ import annotations

from qa.document import Document, SourceMap, ViewBuilder
from qa.formats.masking import mask, objects


def read(source: str, path: str | None = None) -> Document:
    spans = list(objects(source))
    if not spans:
        return Document(source=source, view=source, source_map=SourceMap(), path=path)
    builder = ViewBuilder(source)
    mask(builder, spans, 0, len(source))
    view, source_map = builder.build()
    return Document(source=source, view=view, source_map=source_map, path=path)
