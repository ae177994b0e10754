"""The HTML reader: what rules see, and offsets back into the HTML source."""

from __future__ import annotations

import json

from qa import api
from qa.document import OBJECT
from qa.formats import detect_format
from tests.conftest import run_qa

STORY = (
    "<html><head><title>शीर्षक</title><style>p { margin: 0 }</style></head><body>"
    "<p>ज़्यादा <b>राष्ट्र</b>पति ने कहा ,ठीक।</p>"
    "<script>var s = 'के  के ,';</script>"
    "<p>दूसरा<br>पैरा &amp; <code>x  ,y</code> https://example.com/a b</p>"
    "<!-- टिप्पणी  ,यहाँ --></body></html>"
)


def view(source: str) -> str:
    return api.document(source, format="html").view


def test_inline_elements_do_not_split_words_and_blocks_separate_paragraphs() -> None:
    text = view(STORY)
    assert "ज़्यादा राष्ट्रपति ने कहा ,ठीक।" in text
    paragraphs = [text[s:e] for s, e in api.document(STORY, format="html").paragraphs]
    assert paragraphs[1].startswith("ज़्यादा") and paragraphs[2].startswith("दूसरा\nपैरा")


def test_script_style_comments_and_attributes_are_not_prose() -> None:
    text = view('<p title="के  के">क<span class="a  b">ख</span></p><style>x{}</style><!-- ग -->')
    assert text.strip() == "कख"


def test_entities_are_decoded_and_code_is_an_object() -> None:
    text = view(STORY)
    assert "पैरा & " + OBJECT in text
    assert view("<p>क&nbsp;ख &#2325; &#x915;</p>").strip() == "क ख क क"
    assert view("<p>क\u00a0ख</p>").strip() == "क\u00a0ख"  # a raw no-break space is invisible: kept


def test_diagnostics_point_into_the_html_source() -> None:
    found = api.check(STORY, format="html")
    spans = [(d.code, STORY[d.start : d.end]) for d in found]
    assert spans == [("P002", " ,")]  # not inside <script>, <code>, the comment or the URL
    (diagnostic,) = found
    assert STORY[diagnostic.start - 3 : diagnostic.end + 4] == "कहा ,ठीक।"


def test_fix_applies_in_the_source_and_never_touches_an_entity() -> None:
    fixed = api.fix("<p>राष्ट्रपति ने <i>कहा</i> ,ठीक।</p>", format="html")
    assert fixed.text == "<p>राष्ट्रपति ने <i>कहा</i>, ठीक।</p>"
    # The space before the comma is an entity here: the finding stays, the source is not rewritten.
    source = "<p>राष्ट्रपति ने कहा&#32;,ठीक।</p>"
    (diagnostic,) = api.check(source, format="html")
    assert diagnostic.fix is None and source[diagnostic.start : diagnostic.end] == "&#32;,"
    assert api.fix(source, format="html").text == source


def test_html_suffixes_pick_the_reader() -> None:
    assert detect_format("story.html") == detect_format("a/B.HTM") == "html"
    assert detect_format("x.json") == "text" and detect_format("x.cms.json") == "cms-json"


def test_stdin_html_with_json_report_for_hooks() -> None:
    result = run_qa(
        "check",
        "-",
        "--input-format",
        "html",
        "--format",
        "json",
        input="<p>राष्ट्रपति ने <b>कहा</b> ,ठीक।</p>".encode(),
    )
    assert result.returncode == 1, result.stderr
    (record,) = json.loads(result.stdout)["diagnostics"]
    source = "<p>राष्ट्रपति ने <b>कहा</b> ,ठीक।</p>"
    assert (record["code"], record["text"], record["start"]) == ("P002", " ,", source.index(" ,"))
