"""Devanagari-aware text primitives: lines, tokens, sentences, widths, matching keys."""
