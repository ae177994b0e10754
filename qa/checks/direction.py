"""T034: और (and) for ओर (direction) between a place's की and a verb of motion.

"दिल्ली की और जा रही ट्रेन" is a slip for की ओर. T021 reads की और before the verbs of
movement and looking that never follow "की और" otherwise (बढ़, चल, देख …), but not before
जाना and आना: after a noun that makes one verb with करना, की is "did" and और "and" (पूजा की
और चले गए, बात की और आ गए). A place takes no करना, so after a place named in one word
(the gazetteer's) की is the genitive, and a verb of motion after और makes it ओर.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from qa import gazetteer, lexicon
from qa.diagnostic import Diagnostic
from qa.engine.rule import Context, Rule

WRONG, RIGHT = "और", "ओर"
_WORD = r"[\p{L}\p{M}]"
#: A place's की right before और: the place is group 1.
_PLACE_KI = regex.compile(rf"({_WORD}+)[ \t]+की[ \t]+$")
#: A verb of motion right after और (not T021's: बढ़, चल, मुड़ …): a form of जाना, आना,
#: लौटना, निकलना, भागना, दौड़ना, उड़ना, or रवाना/कूच/प्रस्थान (करना, होना).
_MOTION = regex.compile(
    rf"[ \t]+(?:(?:जा|आ|लौट|निकल|भाग|दौड़|उड़)(?:ना|ने|ता|ते|ती|तीं|ए|एं|एगा|एगी|एंगे|एंगी|ई|ईं|ा|े|ी|ीं|कर)?"
    rf"|गया|गई|गए|गईं|रवाना|कूच|प्रस्थान)(?!{_WORD})"
)
#: How far back the place's की is read.
_REACH = 60


class DirectionAfterPlace(Rule):
    """T034: और between a place's की and a verb of motion (दिल्ली की और जा रही → ओर)."""

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        starts = ctx.document.word_index.get(WRONG)
        if not starts:
            return
        text, places = ctx.text, gazetteer.one_word_places()
        for start in starts:
            end = start + len(WRONG)
            before = _PLACE_KI.search(text[max(0, start - _REACH) : start])
            if before is None or not _MOTION.match(text, end):
                continue
            if lexicon.plain(before[1]) in places:
                yield self.replace(start, end, RIGHT, self.meta.message)
