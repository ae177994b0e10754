"""Plain text: everything is prose except URLs, e-mail addresses and qa comments."""

from __future__ import annotations

from qa.document import Document, SourceMap, ViewBuilder
from qa.formats.masking import mask, objects, prose_objects


def read(source: str, path: str | None = None) -> Document:
    pattern = prose_objects(source)
    if pattern is None or pattern.search(source) is None:
        return Document(source=source, view=source, source_map=SourceMap(), path=path)
    builder = ViewBuilder(source)
    mask(builder, objects(source), 0, len(source))
    view, source_map = builder.build()
    return Document(source=source, view=view, source_map=source_map, path=path)
