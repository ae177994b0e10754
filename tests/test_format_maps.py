"""Property tests: whatever the markup, the HTML and CMS JSON views map back to the source exactly."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from qa.document import Document
from qa.formats import cmsjson, html

PIECES = [
    "<p>", "</p>", "<b>", "</b>", "<br>", "<br/>", "<script>", "</script>", "<code>", "</code>",
    "<!--", "-->", "&amp;", "&nbsp;", "&#2325;", "&#x915;", "&", "<", ">", "\n", "  ", " ", "क", "्",
    "ि", "़", ",", "।", "https://example.com/x", '<a href="x">', "</a>", "<div class='a b'>", "</div>",
    "<![CDATA[x]]>", "<!doctype html>",
]  # fmt: skip


def _assert_maps_back(doc: Document) -> None:
    source_map, view = doc.source_map, doc.view
    for start in range(len(view)):
        for end in range(start + 1, min(len(view), start + 6) + 1):
            if source_map.is_verbatim(start, end):
                a, b = source_map.to_source(start), source_map.to_source(end, end=True)
                assert doc.source[a:b] == view[start:end]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_html_views_map_back_exactly(source: str) -> None:
    _assert_maps_back(html.read(source))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, '"', "\\", "\t", "😀", "\u0000"]), max_size=20).map("".join),
    st.booleans(),
    st.booleans(),
)
def test_cms_json_views_map_back_exactly(body: str, ascii_only: bool, html_safe: bool) -> None:
    payload = json.dumps({"headline": body, "captions": [body, "x"], "id": 1}, ensure_ascii=ascii_only)
    if html_safe:  # as Go's and Django's encoders write it
        payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    doc = cmsjson.read(payload)
    _assert_maps_back(doc)
    assert doc.view == cmsjson.read(json.dumps(json.loads(payload), ensure_ascii=False)).view
    assert [name for _, _, name in doc.fields] == ["headline", "captions[0]", "captions[1]"]


def test_unclosed_and_malformed_markup_is_still_read() -> None:
    assert html.read("<p>क<b>ख<i>ग").view.strip() == "कखग"
    assert html.read("क < ख & ग").view == "क < ख & ग"
    assert html.read("<p>क</p><pre>code  ,x</pre>ख").view.split() == ["क", "\ufffc", "ख"]
