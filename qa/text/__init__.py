"""Devanagari-aware text primitives: lines, tokens, sentences, widths, matching keys."""

from qa import regexcache

# Every text helper compiles patterns when it is imported: from the start-up cache.
regexcache.install()
