"""LanguageTool's annotated text (the ``data`` parameter of ``/v2/check``).

The source is a JSON object: ``{"annotation": [{"text": …}, {"markup": …,
"interpretAs": …}, …]}`` (or ``{"text": …}``). Offsets refer to every text and markup
part concatenated; markup is replaced in the view by its ``interpretAs`` (or nothing).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from qa.document import Document, ViewBuilder
from qa.errors import InputError
from qa.formats.masking import mask, objects


def parts(data: str) -> list[Mapping[str, Any]]:
    """The annotation's parts, validated; bad data is an :class:`InputError`."""
    try:
        value = json.loads(data)
    except ValueError:
        raise InputError("Could not parse JSON from 'data' parameter") from None
    except RecursionError:
        raise InputError("The JSON in the 'data' parameter is nested too deeply") from None
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        return [{"text": value["text"]}]
    found = value.get("annotation") if isinstance(value, dict) else None
    if not isinstance(found, list) or not all(isinstance(p, dict) for p in found):
        raise InputError("'data' must be a JSON object with an 'annotation' list (or a 'text' string)")
    for index, part in enumerate(found):
        for key in ("text", "markup", "interpretAs"):
            if key in part and not isinstance(part[key], str):
                raise InputError(f"annotation {index}: '{key}' must be a string")
        if ("text" in part) == ("markup" in part) or ("text" in part and "interpretAs" in part):
            raise InputError(f"annotation {index} needs either 'text' or 'markup' (+'interpretAs')")
    return found


def plain_text(data: str) -> str:
    """The text parts joined (for guessing the language); empty for bad data."""
    try:
        return "".join(p.get("text", "") for p in parts(data))
    except InputError:
        return ""


def read(data: str, path: str | None = None) -> Document:
    """The document of an annotation: its source is every part's text or markup."""
    found = parts(data)
    source = "".join(p.get("text", p.get("markup", "")) for p in found)
    builder = ViewBuilder(source)
    position = 0
    for part in found:
        if "text" in part:
            end = position + len(part["text"])
            mask(builder, objects(source, position, end), position, end)
        else:
            end = position + len(part["markup"])
            builder.replace(position, end, part.get("interpretAs", ""))
        position = end
    view, source_map = builder.build()
    return Document(source, view, source_map, path=path, format="annotation")
