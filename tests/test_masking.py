"""Object masking tries its pattern only where a match can begin: the same spans as
trying it at every position."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qa.formats.masking import objects, prose_objects

#: The characters the three alternatives turn on, and some that end them.
_ALPHABET = st.sampled_from(
    [*"ab.+-@_:/<!->wq hftp:सा१\u093c", "www.", "http://", "ftp://", "<!-- qa:", "-->"]
)


def _everywhere(source: str, start: int, end: int) -> list[tuple[int, int]]:
    pattern = prose_objects(source)
    return [] if pattern is None else [m.span() for m in pattern.finditer(source, start, end)]


@settings(max_examples=600, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.data())
def test_same_spans_as_finditer(source: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, len(source)))
    assert [(s, e) for s, e, _ in objects(source, start, end)] == _everywhere(source, start, end)


def test_real_objects() -> None:
    text = "संपर्क: news.desk+hi@example.co.in, देखें https://example.org/a।  <!-- qa: disable P001 -->"
    spans = [text[s:e] for s, e, _ in objects(text)]
    assert spans == ["news.desk+hi@example.co.in", "https://example.org/a", "<!-- qa: disable P001 -->"]
