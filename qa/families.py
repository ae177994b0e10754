"""The rule families: one table that every listing, doc generator and report reads.

A rule's code starts with its family letter (``T001``). Adding a family means adding
one row here; the registry's code check, ``qa rules``, the summary, the HTML colours,
the SARIF tags and the LanguageTool categories all follow.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Family:
    """One rule family, by code letter."""

    letter: str
    #: short name in summaries and the HTML report
    name: str
    #: section title in the rule reference (docs/rules.md)
    title: str
    #: LanguageTool category id and name, and its ITS issue type
    lt_category: str
    lt_name: str
    its_type: str
    #: colour of its findings in the HTML report
    colour: str
    #: tag in SARIF rule properties
    sarif_tag: str


_TABLE = (
    Family(
        letter="U",
        name="Unicode",
        title="Unicode and encoding",
        lt_category="ENCODING",
        lt_name="Unicode and encoding",
        its_type="typographical",
        colour="#8e44ad",
        sarif_tag="encoding",
    ),
    Family(
        letter="P",
        name="Punctuation",
        title="Punctuation and spacing",
        lt_category="PUNCTUATION",
        lt_name="Punctuation",
        its_type="typographical",
        colour="#d35400",
        sarif_tag="punctuation",
    ),
    Family(
        letter="T",
        name="Spelling",
        title="Typos and spelling",
        lt_category="TYPOS",
        lt_name="Possible Typo",
        its_type="misspelling",
        colour="#c0392b",
        sarif_tag="spelling",
    ),
    Family(
        letter="N",
        name="Names",
        title="Names and spelling consistency",
        lt_category="CONSISTENCY",
        lt_name="Names and spelling consistency",
        its_type="inconsistency",
        colour="#2471a3",
        sarif_tag="consistency",
    ),
    Family(
        letter="F",
        name="Facts",
        title="Ordinals and facts",
        lt_category="FACTS",
        lt_name="Ordinals and facts",
        its_type="inconsistency",
        colour="#1e8449",
        sarif_tag="facts",
    ),
    Family(
        letter="G",
        name="Grammar",
        title="Gender and number agreement",
        lt_category="GRAMMAR",
        lt_name="Grammar",
        its_type="grammar",
        colour="#a04000",
        sarif_tag="grammar",
    ),
    Family(
        letter="S",
        name="Style",
        title="Style and qa's own comments",
        lt_category="STYLE",
        lt_name="Style",
        its_type="style",
        colour="#7d6608",
        sarif_tag="style",
    ),
    Family(
        letter="E",
        name="English",
        title="English passages (LanguageTool)",
        lt_category="GRAMMAR",
        lt_name="English passages",
        its_type="grammar",
        colour="#117a65",
        sarif_tag="english",
    ),
)
FAMILIES: dict[str, Family] = {family.letter: family for family in _TABLE}

#: the family letters in table order, as the registry's code check reads them
LETTERS = "".join(FAMILIES)
