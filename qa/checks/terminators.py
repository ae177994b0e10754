"""One story, one sentence terminator: the danda (।) or the full stop (.).

Both are house styles of Hindi news (dailies print ।, several news sites "."); a story
that ends some sentences with one and some with the other is the finding. A full stop
counts as a sentence end only where it cannot be an abbreviation or a decimal point:
at the end of a paragraph after a Devanagari word, or inside one after a finite verb
or auxiliary ("है.", "कहा.") with a Devanagari word or a quote after it.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

_DANDA = regex.compile(r"(?<!।)।(?!।)")
#: Abbreviations that may close a paragraph ("500 रु.", "कि.मी.": a dot inside the word).
_ABBREVIATION = r"(?<![\p{L}\p{M}])(?:डॉ|प्रो|श्री|रु|सं|पं|ई|पू|लि|प्रा|क्र|पृ|वि)|\.[\p{L}\p{M}]{1,4}"
#: A full stop closing a paragraph after a Devanagari word (closing quotes may follow).
_FINAL_STOP = regex.compile(
    rf"(?<=[\p{{Devanagari}}\p{{M}}])(?<!\.|{_ABBREVIATION})\.(?=[”’\"')\]]*[ \t]*\r?$)", regex.M
)
#: Finite verbs and auxiliaries that end a Hindi sentence.
_VERB_END = (
    "है|हैं|था|थे|थी|थीं|हूं|हूँ|गया|गई|गए|गईं|किया|कीं|दिया|दी|लिया|कहा|होगा|होगी|होंगे|"
    "जाएगा|जाएगी|जाएंगे|सकता|सकती|सकते|रहा|रही|रहे|चाहिए|हुआ|हुई|हुए|नहीं"
)
_INNER_STOP = regex.compile(
    rf"(?<=(?<![\p{{L}}\p{{M}}])(?:{_VERB_END})[”’\"']?)\.(?=[ \t]+[\p{{Devanagari}}“‘\"])"
)


#: The rarer mark is a slip when it is used at most this often, or this many times less.
_FEW, _SLIP_RATIO = 2, 4


class MixedTerminators(Rule):
    """Sentences ended with both । and "." in one document: reported once, at the first
    use of the rarer mark, when that mark is rare (a slip), not an even mix."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        if "." not in text or "।" not in text:
            return
        stops = [*_FINAL_STOP.finditer(text), *_INNER_STOP.finditer(text)]
        if not stops:
            return
        dandas = list(_DANDA.finditer(text))
        if not dandas:
            return
        rarer, commoner, mark = (stops, dandas, ".") if len(stops) <= len(dandas) else (dandas, stops, "।")
        if len(rarer) > _FEW and len(rarer) * _SLIP_RATIO > len(commoner):
            return  # an even mix: lines from two sources (wire lists, translations), not a slip
        first = min(m.start() for m in rarer)
        message = self.meta.message.format(mark=mark, dandas=len(dandas), stops=len(stops))
        yield self.diagnostic(first, first + 1, message)
