"""LanguageTool's HTTP API (v2) spoken by qa: request parameters in, LanguageTool JSON out.

Pure functions, no web framework: the routes in :mod:`qa.server.app` call them.
How our rules appear to LanguageTool clients (see ``docs/integrations.md``):

- ``rule.id`` is the rule code (``P002``); ``enabledRules``/``disabledRules`` accept codes
  or names (``space-before-punctuation`` or ``SPACE_BEFORE_PUNCTUATION``).
- Each family maps to a category and an ITS issue type (``qa.families``); spacing
  rules (a name with "space") are ``whitespace`` issues in ``TYPOGRAPHY``.
- ``level=picky`` adds the opt-in rules; ``default`` runs the configured default set.
- Offsets and lengths are UTF-16 code units, as LanguageTool's (Java) are.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from qa import __version__
from qa.diagnostic import Diagnostic
from qa.document import Document
from qa.families import FAMILIES
from qa.formats import annotation
from qa.meta import RuleMeta

_SPACING = ("TYPOGRAPHY", "Typography", "whitespace")
HINDI = {"name": "Hindi", "code": "hi", "longCode": "hi-IN"}
LANGUAGES = ("hi", "hi-IN")
SOFTWARE = {
    "name": "qa",
    "version": __version__,
    "buildDate": "",
    "apiVersion": 1,
    "premium": False,
    "status": "",
}
_CONTEXT = 40
_ESCAPED = regex.compile(r"(?:%[0-9A-Fa-f]{2})+")
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")
_DEVANAGARI = regex.compile(r"[\p{L}&&\p{Script=Devanagari}]", regex.V1)
_LETTER = regex.compile(r"\p{L}")


class ParamError(Exception):
    """A bad request, answered as LanguageTool does: ``Error: …`` with a status code."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def parse_params(body: bytes, query: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The POST body as a form whatever the Content-Type (LTeX sends JSON's), query on top.

    A body that is a JSON object of strings is accepted too, as some clients send one.
    """
    text = body.decode("utf-8", "replace")
    params: dict[str, str] = {}
    if text.lstrip().startswith("{"):
        try:
            decoded = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: nesting too deep
            decoded = None
        if isinstance(decoded, dict):
            params = {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in decoded.items()}
    if not params:
        params = {_unquote(k): _unquote(v) for k, _, v in (p.partition("=") for p in text.split("&") if p)}
    params.update(query)
    return params


def _unquote(value: str) -> str:
    """Form-decode one value, fast for Hindi (urllib's unquote goes escape by escape).

    ``%XX`` becomes ``\\xXX`` and Python's own ``unicode_escape`` codec decodes them all
    at once (bytes outside escapes pass through as Latin-1, so raw UTF-8 survives); the
    codec refuses a ``%`` that starts no escape, and then runs are decoded one by one.
    (Looking for such a ``%`` first took two thirds of the time of a 1,000-word text.)
    """
    value = value.replace("+", " ")
    if "%" not in value:
        return value
    raw = value.replace("\\", "\\\\").replace("%", "\\x").encode("utf-8")
    try:
        return raw.decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")
    except UnicodeDecodeError:  # a % that starts no escape
        pass
    return _ESCAPED.sub(lambda m: bytes.fromhex(m.group().replace("%", "")).decode("utf-8", "replace"), value)


@dataclass(frozen=True)
class Request:
    """A validated ``/v2/check`` request for Hindi: what to read, and how."""

    source: str  # the ``text`` or the ``data`` parameter
    format: str  # "text", or "annotation" for ``data``
    language: str  # the code echoed back: "hi" or "hi-IN"
    codes: tuple[str, ...]  # the rules to run


def wants_hindi(params: Mapping[str, str]) -> bool:
    """True when the request is for us: Hindi, or ``auto`` on text with any Devanagari."""
    language = params.get("language")
    if not language:
        raise ParamError("Missing 'language' parameter, e.g. 'language=hi-IN' or 'language=auto'")
    code = language.replace("_", "-").lower()
    if code == "auto":  # any Devanagari is ours; the Latin passages may go upstream too
        return devanagari_share(params.get("text") or annotation.plain_text(params.get("data") or "")) > 0
    return code in ("hi", "hi-in")


def devanagari_share(text: str, sample: int = 2000) -> float:
    """Share of letters that are Devanagari in the first ``sample`` characters (1.0 without letters)."""
    text = text[:sample]
    letters = len(_LETTER.findall(text))
    return len(_DEVANAGARI.findall(text)) / letters if letters else 1.0


def unsupported(language: str, upstream: bool) -> ParamError:
    hint = "" if upstream else " (configure an upstream LanguageTool server for other languages)"
    if language.lower() == "auto":
        return ParamError(f"The text does not look like Hindi; this server checks Hindi only{hint}")
    return ParamError(
        f"'{language}' is not a language code known to this server. "
        f"Supported language codes are: auto, {', '.join(LANGUAGES)}{hint}"
    )


def request(params: Mapping[str, str], rules: Mapping[str, RuleMeta], defaults: Iterable[str]) -> Request:
    """Validate a Hindi ``/v2/check`` request as LanguageTool would."""
    for old in ("enabled", "disabled"):
        if old in params:
            raise ParamError(f"You specified '{old}' but the parameter is now called '{old}Rules'")
    if "text" in params and "data" in params:
        raise ParamError("Set only 'text' or 'data' parameter, not both")
    if "text" in params:
        source, format = params["text"], "text"
    elif "data" in params:
        source, format = params["data"], "annotation"
        annotation.parts(source)  # bad data is answered before any other parameter
    else:
        raise ParamError("Missing 'text' or 'data' parameter")
    level = params.get("level", "default")
    if level not in ("default", "picky"):
        raise ParamError(f"Unknown value for 'level': '{level}' (use 'default' or 'picky')")
    code = params["language"].replace("_", "-").lower()
    language = "hi" if code == "hi" else "hi-IN"
    codes = choose_rules(params, rules, defaults, picky=level == "picky")
    return Request(source, format, language, codes)


def choose_rules(
    params: Mapping[str, str], rules: Mapping[str, RuleMeta], defaults: Iterable[str], *, picky: bool
) -> tuple[str, ...]:
    """The rule codes to run for enabledRules/disabledRules/…Categories/enabledOnly/level."""
    enabled, disabled = _rule_ids(params, "enabledRules", rules), _rule_ids(params, "disabledRules", rules)
    enabled_categories = _list(params, "enabledCategories")
    disabled_categories = _list(params, "disabledCategories")
    if params.get("enabledOnly", "false").lower() in ("true", "yes"):
        if not (params.get("enabledRules") or enabled_categories):
            raise ParamError("You set 'enabledOnly' but didn't specify any enabled rules or categories")
        if params.get("disabledRules") or disabled_categories:
            raise ParamError("You set 'enabledOnly', so disabled rules or categories make no sense")
        chosen = {c for c, meta in rules.items() if c in enabled or category(meta)[0] in enabled_categories}
    else:
        chosen = set(defaults) | enabled
        chosen |= {c for c, meta in rules.items() if category(meta)[0] in enabled_categories}
        if picky:
            chosen |= {c for c, meta in rules.items() if not meta.default}
        chosen -= disabled
        chosen = {c for c in chosen if category(rules[c])[0] not in disabled_categories}
    return tuple(sorted(chosen))


def _list(params: Mapping[str, str], key: str) -> set[str]:
    return {item.strip() for item in params.get(key, "").split(",") if item.strip()}


def _rule_ids(params: Mapping[str, str], key: str, rules: Mapping[str, RuleMeta]) -> set[str]:
    """Codes for the ids in ``params[key]``; unknown ids are ignored, as LanguageTool does."""
    by_id = {}
    for code, meta in rules.items():
        by_id.update({code: code, meta.name: code, meta.name.upper().replace("-", "_"): code})
    return {by_id[i] for i in _list(params, key) if i in by_id}


def category(meta: RuleMeta) -> tuple[str, str, str]:
    """(category id, category name, issue type) of a rule."""
    if meta.family == "P" and "space" in meta.name:
        return _SPACING
    family = FAMILIES.get(meta.family)
    if family is None:
        return ("MISC", "Miscellaneous", "uncategorized")
    return (family.lt_category, family.lt_name, family.its_type)


class Utf16:
    """Code-point offsets -> UTF-16 code units (only astral characters such as emoji differ)."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, offset: int) -> int:
        return offset + bisect_right(self._astral, offset - 1) if self._astral else offset


def response(
    req: Request, doc: Document, diagnostics: list[Diagnostic], rules: Mapping[str, RuleMeta]
) -> dict[str, Any]:
    """LanguageTool's ``/v2/check`` JSON for our findings in the request's document."""
    source, utf16 = doc.source, Utf16(doc.source)
    sentences = _source_sentences(doc)
    starts = [s for s, _, _ in sentences]
    matches = []
    for d in diagnostics:
        index = bisect_right(starts, d.start) - 1
        sentence = sentences[index][2] if index >= 0 else ""
        matches.append(_match(d, source, utf16, sentence, rules[d.code]))
    language = {"name": "Hindi", "code": req.language}
    return {
        "software": SOFTWARE,
        "warnings": {"incompleteResults": False},
        "language": {
            **language,
            "detectedLanguage": {
                **language,
                "confidence": round(devanagari_share(doc.view), 3),
                "source": "script",
            },
        },
        "matches": matches,
        "sentenceRanges": [[utf16(s), utf16(e)] for s, e, _ in sentences],
    }


def _source_sentences(doc: Document) -> list[tuple[int, int, str]]:
    """Sentences as (source start, source end, plain text)."""
    source_map = doc.source_map
    return [
        (source_map.to_source(s), source_map.to_source(e, end=True), _one_line(doc.view[s:e]))
        for s, e in doc.sentences
    ]


def _one_line(text: str) -> str:
    """``text`` with each line break a space (``str.translate`` would take some 200 ns a
    character of Devanagari: 1-2 ms for an article's sentences)."""
    return text.replace("\r", " ").replace("\n", " ")


def _match(d: Diagnostic, source: str, utf16: Utf16, sentence: str, meta: RuleMeta) -> dict[str, Any]:
    category_id, category_name, issue_type = category(meta)
    offset, length = utf16(d.start), utf16(d.end) - utf16(d.start)
    lo, hi = max(0, d.start - _CONTEXT), min(len(source), d.end + _CONTEXT)
    prefix, suffix = ("..." if lo > 0 else ""), ("..." if hi < len(source) else "")
    context = prefix + _one_line(source[lo:hi]) + suffix
    context_offset = len(prefix) + _utf16_length(source[lo : d.start])
    return {
        "message": d.message,
        "shortMessage": "",
        "replacements": [{"value": s} for s in _replacements(d, source)],
        "offset": offset,
        "length": length,
        "context": {"text": context, "offset": context_offset, "length": length},
        "sentence": sentence,
        "type": {"typeName": "Other"},
        "rule": {
            "id": d.code,
            "description": meta.summary,
            "issueType": issue_type,
            "category": {"id": category_id, "name": category_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _replacements(d: Diagnostic, source: str) -> list[str]:
    """The suggestions, or the text a one-edit fix would leave in the span."""
    if d.suggestions:
        return list(d.suggestions)
    if d.fix is not None and len(d.fix.edits) == 1:
        edit = d.fix.edits[0]
        if d.start <= edit.start <= edit.end <= d.end:
            return [source[d.start : edit.start] + edit.replacement + source[edit.end : d.end]]
    return []


def _utf16_length(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))


def languages(upstream: Iterable[Mapping[str, Any]] = ()) -> list[dict[str, Any]]:
    """``/v2/languages``: Hindi, then whatever an upstream server offers."""
    listed = [dict(HINDI)]
    listed += [dict(entry) for entry in upstream if entry.get("code") != "hi"]
    return listed


def config_info(rules: Mapping[str, RuleMeta], max_text_length: int) -> dict[str, Any]:
    """``/v2/configinfo``: every rule with its category, as LanguageTool's office clients read it."""
    listed = []
    for code, meta in sorted(rules.items()):
        category_id, category_name, issue_type = category(meta)
        entry = {
            "ruleId": code,
            "description": meta.summary,
            "categoryId": category_id,
            "categoryName": category_name,
            "locQualityIssueType": issue_type,
        }
        if not meta.default:
            entry["isDefaultOff"] = "yes"
        listed.append(entry)
    return {"software": SOFTWARE, "parameter": {"maxTextLength": max_text_length}, "rules": listed}
