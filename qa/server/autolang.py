"""``language=auto`` on mixed copy: qa checks the Devanagari, the upstream LanguageTool the
Latin-script passages, and the answer has both sets of matches in offset order.

Only the English passages (runs of Latin prose, as E001 finds them) are sent upstream, in
one request, joined by blank lines; each match is mapped back to its passage. Offsets are
UTF-16 code units on both sides. If upstream fails, qa's matches still come back, with
``warnings.incompleteResults`` set, as LanguageTool does when part of a check failed.
"""

from __future__ import annotations

import json
import urllib.parse
from bisect import bisect_right
from collections.abc import Mapping
from typing import Any

from qa.checks.english import english_runs
from qa.server.ltcompat import Utf16
from qa.server.upstream import Reply

_SEPARATOR = "\n\n"
#: Request parameters that mean the same to LanguageTool's English rules.
_PASSED_ON = ("level", "disabledRules", "disabledCategories", "motherTongue")


def passages(text: str) -> list[tuple[int, int]]:
    """The Latin-script prose in ``text`` (code-point spans); a short English sentence counts."""
    return english_runs(text, min_words=2, min_lowercase=1)


def form(params: Mapping[str, str], text: str, spans: list[tuple[int, int]]) -> bytes:
    """The upstream request: the passages, in English (a variant the client prefers, if any)."""
    variants = [v.strip() for v in params.get("preferredVariants", "").split(",")]
    language = next((v for v in variants if v.lower().startswith("en-")), "en-US")
    fields = {key: params[key] for key in _PASSED_ON if key in params}
    fields |= {"language": language, "text": _SEPARATOR.join(text[s:e] for s, e in spans)}
    return urllib.parse.urlencode(fields).encode()


def merge(answer: dict[str, Any], reply: Reply, text: str, spans: list[tuple[int, int]]) -> dict[str, Any]:
    """qa's answer with upstream's matches mapped into ``text`` and sorted by offset."""
    found = _matches(reply)
    if found is None:
        answer["warnings"] = {**answer.get("warnings", {}), "incompleteResults": True}
        return answer
    matches, incomplete = found
    utf16 = Utf16(text)
    starts, at = [], 0  # where each passage starts in the text sent, in UTF-16 units
    for start, end in spans:
        starts.append(at)
        at += utf16(end) - utf16(start) + len(_SEPARATOR)
    mapped = []
    for match in matches:
        index = bisect_right(starts, match["offset"]) - 1
        start, end = spans[index]
        offset = utf16(start) + match["offset"] - starts[index]
        if index >= 0 and offset + match["length"] <= utf16(end):
            mapped.append({**match, "offset": offset})
    answer["matches"] = sorted([*answer["matches"], *mapped], key=lambda m: (m["offset"], m["length"]))
    if incomplete:
        answer["warnings"] = {**answer.get("warnings", {}), "incompleteResults": True}
    return answer


def _matches(reply: Reply) -> tuple[list[dict[str, Any]], bool] | None:
    """Upstream's matches and its own incompleteResults; None when it failed."""
    if reply.status != 200:
        return None
    try:
        body = json.loads(reply.body)
    except ValueError:
        return None
    matches = body.get("matches") if isinstance(body, dict) else None
    if not isinstance(matches, list):
        return None
    valid = [
        m
        for m in matches
        if isinstance(m, dict) and isinstance(m.get("offset"), int) and isinstance(m.get("length"), int)
    ]
    return valid, bool((body.get("warnings") or {}).get("incompleteResults"))
