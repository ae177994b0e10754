"""G007: a full date (day, month and year) takes को, not में: 15 अगस्त 1947 को; a month
and year without a day take में, not को: अगस्त 1947 में.

Only the month names are looked up (in the document's word index); the day, year and
postposition around each are read with anchored patterns. Ranges and lists of days
(17-30 अगस्त, 5 और 6 मई, 1 से 15 मई) are left alone: "during" may be meant. A day
written in words (पहली अक्टूबर, नौ अक्टूबर) is a day.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qa.checks import agreement_words as aw
from qa.checks.word_sieve import Sieve
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

#: Month names as the genders' key spells them (no nukta or joiners: फरवरी, मई) -> the
#: month's number, each month in every spelling papers use.
MONTH_NUMBERS = {
    aw.key(name): number
    for number, names in enumerate(
        (
            "जनवरी",
            "फ़रवरी फरवरी",
            "मार्च",
            "अप्रैल अप्रेल अप्रील",
            "मई",
            "जून",
            "जुलाई",
            "अगस्त",
            "सितंबर सितम्बर",
            "अक्टूबर अक्तूबर",
            "नवंबर नवम्बर",
            "दिसंबर दिसम्बर",
        ),
        start=1,
    )
    for name in names.split()
}
MONTHS = frozenset(MONTH_NUMBERS)


#: What a word that is a month name may begin with: a month's first letter, or a sign
#: that the key drops.
MONTH_STARTS = frozenset(month[0] for month in MONTHS) | frozenset("\u093c\u200c\u200d")


def is_month(word: str) -> bool:
    """``word`` is a month's name, in any spelling papers use."""
    return word[:1] in MONTH_STARTS and aw.key(word) in MONTHS


_MONTH_NAMES = Sieve(is_month)


#: The day right before the month (not the end of a range or list), the year after it and
#: में; group 1 is the postposition.
_DATE = regex.compile(
    r"(?<![\p{Nd}\p{L}\p{M}])(?<![\p{Nd}\-–—/.,&]\s?)(?<!(?:से|और|तथा|एवं|व|या|तक)\s)"
    r"\p{Nd}{1,2}\s+[\p{L}\p{M}\u200c\u200d]+\s*,?\s*\p{Nd}{4}\s+(में)(?![\p{L}\p{M}\p{Nd}])"
)
#: Days written in words, which may stand before a month name instead of digits.
_DAY_WORDS = """एक दो तीन चार पांच पाँच छह छः सात आठ नौ दस ग्यारह बारह तेरह चौदह पंद्रह पन्द्रह सोलह
    सत्रह अठारह उन्नीस बीस इक्कीस बाईस तेईस चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस अठ्ठाईस उनतीस
    तीस इकतीस पहली"""
#: A month and its year with को after them and no day before the month (not at all, in
#: digits or in words); group 1 is the postposition. को छोड़कर (but for) and को लेकर
#: (about) are no point in time.
_MONTH_YEAR = regex.compile(
    r"(?<![\p{Nd}\p{L}\p{M}])(?<!\p{Nd}[\s\-–—/.,]*)"
    rf"(?<!(?<![\p{{L}}\p{{M}}])(?:{'|'.join(_DAY_WORDS.split())})\s+)"
    r"[\p{L}\p{M}\u200c\u200d]+\s*,?\s*\p{Nd}{4}\s+(को)(?![\p{L}\p{M}\p{Nd}])(?!\s+(?:छोड़|लेकर))"
)
#: How far before a month name its day may start, and after it the postposition end.
_DAY_REACH, _YEAR_REACH = 6, 16


class DatePostposition(Rule):
    """G007: में after a full date: write को; को after a month and year: write में."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text, index = ctx.text, ctx.document.word_index
        for word in sorted(_MONTH_NAMES.select(ctx.document.word_set)):  # one order, whatever the hashes
            for start in index[word]:
                end = start + len(word)
                found = _DATE.search(text, max(0, start - _DAY_REACH), min(len(text), end + _YEAR_REACH))
                if found is not None and found.start() < start < found.start(1):
                    date = text[found.start() : found.start(1)].rstrip()
                    message = f"a full date takes को: '{date} में' -> '{date} को'"
                    yield self.replace(found.start(1), found.end(1), "को", message)
                    continue
                found = _MONTH_YEAR.match(text, start, min(len(text), end + _YEAR_REACH))
                if found is not None:
                    date = text[start : found.start(1)].rstrip()
                    message = f"a month and year without a day take में: '{date} को' -> '{date} में'"
                    yield self.replace(found.start(1), found.end(1), "में", message)
