"""Plain text: everything is prose except URLs, e-mail addresses and qa comments."""

from __future__ import annotations

from qa.document import Document, SourceMap, ViewBuilder
from qa.formats.masking import PROSE_OBJECTS, mask, objects


def read(source: str, path: str | None = None) -> Document:
    if PROSE_OBJECTS.search(source) is None:
        return Document(source=source, view=source, source_map=SourceMap(), path=path)
    builder = ViewBuilder(source)
    mask(builder, objects(source), 0, len(source))
    view, source_map = builder.build()
    return Document(source=source, view=view, source_map=source_map, path=path)
