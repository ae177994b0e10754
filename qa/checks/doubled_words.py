"""P005: a word typed twice ("के के"), told from Hindi's reduplication by evidence.

Hindi doubles words on purpose (धीरे धीरे, घर घर, साथ साथ, चलते चलते), so a doubled word
is reported when it is a function word or a helping verb (the rule's ``only`` list), or
when the counted prose meets it often (at least ``min-zipf``, a Zipf value of its count
there) and never writes it twice in a row: लोग लोग, निर्यात निर्यात. A verb form is left
alone (participles double freely: देखते देखते, बैठे बैठे), and so are a word too rare in
the counts to tell, a place's or a known person's name (द राइजिंग नेपाल नेपाल का: a
title's last word, then the place; मोदी मोदी के नारे: a chant), a word of place or
direction (ऊपर ऊपर, अंदर अंदर) and a pair a hyphen joins to its neighbour (तू तू-मैं मैं,
an idiom). Such a pair may still be meant (सरकार सरकार होती है), so its fix is unsafe.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import regex

from qa import gazetteer, lexicon
from qa.checks import agreement_words as aw
from qa.checks import names_registry
from qa.checks.verb_forms import verb_word
from qa.engine.rule import RuleMeta
from qa.engine.types import RepetitionRule
from qa.text.normalize import key

#: The Zipf value of a word's count in the counted prose (about 100 sightings in its 2.3 M
#: words) above which never seeing it doubled is evidence that it does not double.
MIN_ZIPF = 4.6


class DoubledWord(RepetitionRule):
    """P005: a function word, or a word the counted prose never doubles, typed twice."""

    def __init__(self, meta: RuleMeta, options: Mapping[str, Any]) -> None:
        super().__init__(meta, options)
        self.min_zipf = float(options.get("min-zipf", MIN_ZIPF))

    def _reportable(self, word: str, match: regex.Match[str]) -> bool:
        return super()._reportable(word, match) or self._never_doubled(word, match)

    def _never_doubled(self, word: str, match: regex.Match[str]) -> bool:
        plain, text = lexicon.plain(word), match.string
        return (
            word not in self.allow
            and lexicon.corpus_zipf().get(plain, 0.0) >= self.min_zipf
            and plain not in lexicon.doubled()
            and plain not in gazetteer.words()
            and key(plain) not in names_registry.registry().token_people
            and aw.key(plain) not in aw.COMPOUND_POSTPOSITIONS
            and verb_word(plain) is None
            and text[match.start() - 1 : match.start()] != "-"
            and text[match.end() : match.end() + 1] != "-"
        )

    def _applicability(self, word: str) -> Literal["safe", "unsafe"] | None:
        """A function word or an English one typed twice is a sure slip; another word
        doubled may be meant (सरकार सरकार होती है)."""
        sure = (self.only is not None and word in self.only) or word.isascii()
        return None if sure else "unsafe"
