"""A CMS JSON payload: lint the copy fields (headline, standfirst, body, captions …).

Which fields are copy comes from ``[tool.qa.cms] fields = [...]``. A field is a
dotted key path matched against the end of each string's path, so ``headline``
finds ``{"headline": …}`` and ``{"story": {"headline": …}}``, and ``images.caption``
finds every ``{"images": [{"caption": …}]}``; a list of strings yields each item.
A field whose text holds tags or entities is read as HTML. Offsets point into the
JSON source: characters written verbatim map exactly; a run of escapes (``\\n``, or a
word written as ``\\u0915\\u0916``) is one decoded, non-verbatim piece — a finding inside
it points at the whole run, and fixes never rewrite it.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from json.decoder import scanstring  # type: ignore[attr-defined]  # not in the stubs
from typing import Any

import regex

from qa.document import Document, ViewBuilder
from qa.errors import ConfigError, InputError
from qa.formats import html
from qa.formats.masking import mask, objects

#: This reader gets ``[tool.qa.cms]``.
OPTIONS = "cms"
DEFAULT_FIELDS = ("headline", "standfirst", "summary", "body", "captions", "caption")
#: Where the article's date is looked for (``[tool.qa.cms] date-fields``); the first one set wins.
DEFAULT_DATE_FIELDS = ("date", "datePublished", "publishedAt", "published_at", "publish_date", "published")

_SPACE = regex.compile(r"[ \t\n\r]*")
#: A run of escapes: decoded as one piece (a word written as \u0915\u0916… maps to itself whole).
_ESCAPES = regex.compile(r"(?:\\(?:u[0-9a-fA-F]{4}|[^u]))+")
_DECODER = json.JSONDecoder()
#: Deepest nesting of objects and arrays read (a CMS payload needs a handful).
MAX_DEPTH = 100
#: A string literal (one pass, an unterminated one runs to the end) or a bracket.
_STRUCTURE = regex.compile(r'"(?:[^"\\]|\\.)*+"?|[\[\]{}]')

Path = tuple[str | int, ...]


def read(source: str, path: str | None = None, *, options: Mapping[str, Any] | None = None) -> Document:
    fields = _field_specs((options or {}).get("fields", DEFAULT_FIELDS), path)
    date_fields = _field_specs((options or {}).get("date-fields", DEFAULT_DATE_FIELDS), path, "date-fields")
    _check_depth(source, path)
    try:
        json.loads(source)
    except ValueError as exc:
        raise InputError(f"{path or '<stdin>'}: not a JSON payload: {exc}") from None
    strings = _strings(source)
    literals = [(p, s, e) for p, s, e in strings if any(_matches(spec, p) for spec in fields)]
    builder = ViewBuilder(source)
    named: list[tuple[int, int, str]] = []
    position = 0
    for field_path, start, end in literals:
        builder.replace(position, start + 1, "\n\n" if named else "")
        _emit_string(builder, source, start + 1, end - 1)
        named.append((start, end, _name(field_path)))
        position = end - 1
    builder.replace(position, len(source), "\n")
    view, source_map = builder.build()
    metadata = _article_date(source, strings, date_fields)
    return Document(source, view, source_map, path=path, format="cms-json", metadata=metadata, fields=named)


def _check_depth(source: str, path: str | None) -> None:
    """Objects and arrays nested deeper than MAX_DEPTH are an InputError: the same limit
    wherever qa runs, instead of whatever stack the process has left."""
    depth = 0
    for token in _STRUCTURE.finditer(source):
        char = token.group()[0]
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError(f"{path or '<stdin>'}: JSON nested deeper than {MAX_DEPTH} levels")
        elif char in "]}":
            depth -= 1


def _field_specs(value: Any, path: str | None, key: str = "fields") -> list[tuple[str, ...]]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"[tool.qa.cms] {key} must be a list of key paths (reading {path or 'stdin'})")
    return [tuple(v.split(".")) for v in value]


def _article_date(
    source: str, strings: list[tuple[Path, int, int]], specs: list[tuple[str, ...]]
) -> dict[str, str]:
    """``{"date": "YYYY-MM-DD"}`` from the first date field ("2025-08-15T09:30:00+05:30" counts)."""
    for spec in specs:
        for field_path, start, end in strings:
            if _matches(spec, field_path):
                found = html.DATE.match(json.loads(source[start:end]))
                if found:
                    return {"date": found.group(1)}
    return {}


def _matches(spec: tuple[str, ...], path: Path) -> bool:
    """The keys on the way to the string (list indices aside) end with the spec."""
    keys = tuple(k for k in path if isinstance(k, str))
    return keys[-len(spec) :] == spec


def _name(path: Path) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out


def _strings(source: str) -> list[tuple[Path, int, int]]:
    """Every string value with its key path and the (start, end) of its literal, quotes included."""
    found: list[tuple[Path, int, int]] = []
    _value(source, 0, (), found)
    return found


def _skip(source: str, index: int) -> int:
    match = _SPACE.match(source, index)
    return match.end() if match else index


def _value(source: str, index: int, path: Path, found: list[tuple[Path, int, int]]) -> int:
    """Walk one (already validated) JSON value; return the index after it."""
    index = _skip(source, index)
    char = source[index]
    if char == '"':
        end = scanstring(source, index + 1)[1]
        if path:
            found.append((path, index, end))
        return end
    if char in "{[":
        close = "}" if char == "{" else "]"
        index = _skip(source, index + 1)
        position = 0
        while source[index] != close:
            if char == "{":
                key, index = scanstring(source, index + 1)
                index = _skip(source, index) + 1  # the colon
                index = _value(source, index, (*path, key), found)
            else:
                index = _value(source, index, (*path, position), found)
                position += 1
            index = _skip(source, index)
            if source[index] == ",":
                index = _skip(source, index + 1)
        return index + 1
    return _DECODER.raw_decode(source, index)[1]


def _emit_string(builder: ViewBuilder, source: str, start: int, end: int) -> None:
    """Add the view of the string literal body ``source[start:end]``."""
    decoded = _Decoded(builder, source, start, end)
    if html.looks_like_html(decoded.source):
        html.emit(decoded, decoded.source)
    else:
        mask(decoded, objects(decoded.source), 0, len(decoded.source))  # type: ignore[arg-type]


class _Decoded:
    """A JSON string's decoded text, forwarding view pieces to the builder in source offsets."""

    def __init__(self, builder: ViewBuilder, source: str, start: int, end: int) -> None:
        self._builder = builder
        #: (decoded start, source start, source end, verbatim) for each run, in order.
        self._runs: list[tuple[int, int, int, bool]] = []
        parts: list[str] = []
        decoded = 0
        position = start
        for m in _ESCAPES.finditer(source, start, end):
            self._add_run(parts, source[position : m.start()], decoded, position, m.start(), True)
            decoded += m.start() - position
            text = json.loads(f'"{m.group()}"')
            self._add_run(parts, text, decoded, m.start(), m.end(), False)
            decoded += len(text)
            position = m.end()
        self._add_run(parts, source[position:end], decoded, position, end, True)
        self.source = "".join(parts)
        self._starts = [run[0] for run in self._runs]

    def _add_run(self, parts: list[str], text: str, at: int, start: int, end: int, verbatim: bool) -> None:
        if text:
            parts.append(text)
            self._runs.append((at, start, end, verbatim))

    def _runs_in(self, start: int, end: int) -> Iterator[tuple[int, int, int, int, bool]]:
        """(decoded start, decoded end, source start, source end, verbatim) overlapping [start, end)."""
        index = max(bisect_right(self._starts, start) - 1, 0)
        while index < len(self._runs) and self._runs[index][0] < end:
            at, src_start, src_end, verbatim = self._runs[index]
            index += 1
            until = self._starts[index] if index < len(self._runs) else len(self.source)
            lo, hi = max(start, at), min(end, until)
            if lo < hi:
                if verbatim:
                    yield lo, hi, src_start + lo - at, src_start + hi - at, True
                else:
                    yield lo, hi, src_start, src_end, False

    def keep(self, start: int, end: int) -> None:
        for lo, hi, src_start, src_end, verbatim in self._runs_in(start, end):
            if verbatim:
                self._builder.keep(src_start, src_end)
            else:
                self._builder.replace(src_start, src_end, self.source[lo:hi])

    def replace(self, start: int, end: int, text: str) -> None:
        runs = list(self._runs_in(start, end))
        if runs:
            self._builder.replace(runs[0][2], runs[-1][3], text)
        elif text and self._runs:  # inserted text: anchor it where the decoded offset lies
            at, src_start, src_end, verbatim = self._runs[max(bisect_right(self._starts, start) - 1, 0)]
            position = min(src_start + start - at, src_end) if verbatim else src_start
            self._builder.replace(position, position, text)
