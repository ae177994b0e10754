"""English passages inside Hindi copy, checked by a real LanguageTool server.

Only Latin-script runs that read as prose (a few words, mostly lower case) are sent:
never Devanagari, never a lone brand name, acronym or title-case name of a body.
All runs of a document go in one request, joined by blank lines; each match is
mapped back to its run. Inert unless a server is configured
(``[tool.qa.languagetool] url`` or ``QA_LANGUAGETOOL_URL``); if that server cannot
be reached, one warning goes to stderr and the rest of the lint runs.
"""

from __future__ import annotations

import os
import sys
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from qa.config import Config
from qa.diagnostic import Diagnostic, Edit, Severity
from qa.engine.rule import Context, Rule
from qa.errors import ConfigError
from qa.languagetool import ENV_URL

# A run: Latin words with the spaces, digits and punctuation of an English sentence
# between them; a blank line, Devanagari or U+FFFC (a masked URL or code) ends it.
_RUN = regex.compile(
    r"[\p{Latin}][\p{Latin}\p{M}\p{Nd}’'\-]*"
    r"(?:(?:[ \t]|\n(?![ \t]*\n))*[\p{Nd}\p{P}\p{Sc}%&+]*(?:[ \t]|\n(?![ \t]*\n))*"
    r"[\p{Latin}\p{Nd}][\p{Latin}\p{M}\p{Nd}’'\-]*)*"
    r"[.!?…’”\")]*"
)
_WORD = regex.compile(r"\p{Latin}[\p{Latin}\p{M}’'\-]*")
_SEPARATOR = "\n\n"
_SPELLING = ("MORFOLOGIK_RULE_", "HUNSPELL_")
_INFO_TYPES = frozenset({"style", "typographical", "whitespace", "register", "locale-violation"})


@dataclass(frozen=True, slots=True)
class Run:
    """A run of Latin-script words sent to the server, by its offsets."""

    start: int  # in the view
    end: int
    batch: int  # where the run starts in the text sent


#: Share of a run's words that must be common English words (Zipf >= 3): romanised
#: Hindi ("corona kab tak khatam hoga") is Latin script but not English.
ENGLISH_SHARE = 0.6


def english_runs(text: str, *, min_words: int = 4, min_lowercase: int = 2) -> list[tuple[int, int]]:
    """View spans of Latin-script English prose worth a grammar check."""
    spans = []
    for match in _RUN.finditer(text):
        words = _WORD.findall(match.group())
        lower = sum(1 for w in words if w[0].islower())
        if len(words) < min_words or lower < min_lowercase or 2 * lower < len(words) - 1:
            continue
        known = sum(1 for w in words if _english_zipf(w.lower()) >= 3.0)
        if known >= ENGLISH_SHARE * len(words):
            spans.append(match.span())
    return spans


@lru_cache(maxsize=65536)
def _english_zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # only when a passage is a candidate

    return float(zipf_frequency(word, "en"))


_CLIENTS: dict[tuple[str, str], Any] = {}
_WARNED: set[str] = set()


def _warn_once(url: str, reason: str) -> None:
    if url not in _WARNED:
        _WARNED.add(url)
        sys.stderr.write(
            f"qa: warning: LanguageTool at {url} is unreachable ({reason}); "
            "English passages are not checked in this run\n"
        )


def _client(url: str, language: str) -> Any:
    """A ``language_tool_python`` client of a remote server, or None if unreachable."""
    key = (url, language)
    if key not in _CLIENTS:
        import language_tool_python  # only when a server is configured
        from language_tool_python.exceptions import LanguageToolError

        try:
            _CLIENTS[key] = language_tool_python.LanguageTool(language, remote_server=url)
        except (LanguageToolError, ValueError) as exc:
            _warn_once(url, _cause(url, exc))
            _CLIENTS[key] = None
    return _CLIENTS[key]


def _cause(url: str, exc: Exception) -> str:
    """Why the server failed, in a few words: the library's own errors are long and nested."""
    from qa.languagetool import unreachable

    reason = unreachable(url)
    if reason is not None:
        return reason
    words = str(exc).split()
    return " ".join(words[:24]) + (" …" if len(words) > 24 else "")


def server_url(options: Mapping[str, Any], config_section: Mapping[str, Any]) -> str | None:
    """The configured server: the environment wins over ``[tool.qa.languagetool] url``."""
    return os.environ.get(ENV_URL) or config_section.get("url") or options.get("url") or None


_SETTINGS: dict[str, tuple[type, str]] = {
    "url": (str, "a string"),
    "language": (str, "a string"),
    "min-words": (int, "a whole number"),
    "min-lowercase": (int, "a whole number"),
    "disabled-rules": (list, "a list of rule ids"),
}


def settings(options: Mapping[str, Any], section: Mapping[str, Any]) -> dict[str, Any]:
    """The rule's options overridden by ``[tool.qa.languagetool]``, type-checked."""
    merged = {**options, **section}
    for key, value in merged.items():
        if key not in _SETTINGS:
            raise ConfigError(f"[tool.qa.languagetool]: unknown setting {key!r}")
        kind, described = _SETTINGS[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ConfigError(f"[tool.qa.languagetool]: {key!r} must be {described}")
    return merged


class EnglishLanguageTool(Rule):
    """E001: what LanguageTool finds in the English passages."""

    def repeatable(self, config: Config) -> bool:
        return server_url(self.options, config.section("languagetool")) is None

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        url = server_url(self.options, ctx.config.section("languagetool"))
        if not url:
            return
        config = settings(self.options, ctx.config.section("languagetool"))
        text = ctx.text
        spans = english_runs(text, min_words=config["min-words"], min_lowercase=config["min-lowercase"])
        if not spans:
            return
        client = _client(url, config["language"])
        if client is None:
            return
        runs, parts, at = [], [], 0
        for start, end in spans:
            runs.append(Run(start, end, at))
            parts.append(text[start:end])
            at += end - start + len(_SEPARATOR)
        client.disabled_rules = set(config["disabled-rules"])
        try:
            matches = client.check(_SEPARATOR.join(parts))
        except Exception as exc:  # a server that went away mid-run: warn, keep linting
            _warn_once(url, _cause(url, exc))
            _CLIENTS[(url, config["language"])] = None
            return
        starts = [r.batch for r in runs]
        for match in matches:
            run = runs[bisect_right(starts, match.offset) - 1]
            start = run.start + match.offset - run.batch
            end = start + match.error_length
            if end > run.end or self._proper_noun_spelling(match, text[start:end]):
                continue
            yield self._diagnostic(match, start, end)

    @staticmethod
    def _proper_noun_spelling(match: Any, word: str) -> bool:
        """Spelling matches on capitalised words are names LanguageTool does not know."""
        return match.rule_id.startswith(_SPELLING) and word[:1].isupper()

    def _diagnostic(self, match: Any, start: int, end: int) -> Diagnostic:
        replacements = tuple(match.replacements[:3])
        message = f"{match.message} (LanguageTool {match.rule_id})"
        severity = Severity.INFO if match.rule_issue_type in _INFO_TYPES else None
        edits = (Edit(start, end, replacements[0]),) if replacements else None
        return self.diagnostic(start, end, message, suggestions=replacements, edits=edits, severity=severity)
