"""Document model: tokens, sentences, lines, widths, Markdown views and the source map."""

from __future__ import annotations

from qa import api
from qa.document import Document
from qa.formats import read
from qa.report import FileResult
from qa.report.text import block
from qa.text import tokenize
from qa.text.lines import LineIndex
from qa.text.width import display_width


def test_words_keep_vowel_signs_virama_and_nukta() -> None:
    words = tokenize.words("राष्ट्रपति ज़्यादा क्षेत्र में")[0]
    assert words == ["राष्ट्रपति", "ज़्यादा", "क्षेत्र", "में"]


def test_token_kinds() -> None:
    kinds = [(t.kind.value, t.text) for t in tokenize.tokens("ट्रंप 47वें राष्ट्रपति, 2,34,567 रु. १२ 21st")]
    assert kinds == [
        ("word", "ट्रंप"),
        ("ordinal", "47वें"),
        ("word", "राष्ट्रपति"),
        ("punct", ","),
        ("number", "2,34,567"),
        ("word", "रु"),
        ("punct", "."),
        ("number", "१२"),
        ("ordinal", "21st"),
    ]


def test_sentences_end_at_danda_question_and_final_stop_only() -> None:
    text = "डॉ. राजेंद्र प्रसाद ने 3.5 करोड़ दिए। क्या एम. के. स्टालिन आए? हां, आए. ठीक है"
    spans = [text[s:e] for s, e in tokenize.sentences(text)]
    assert spans == [
        "डॉ. राजेंद्र प्रसाद ने 3.5 करोड़ दिए।",
        "क्या एम. के. स्टालिन आए?",
        "हां, आए.",
        "ठीक है",
    ]


def test_graphemes_keep_conjuncts_together() -> None:
    assert tokenize.graphemes("क्षि")[0].startswith("क")
    assert "".join(tokenize.graphemes("राष्ट्रपति")) == "राष्ट्रपति"


def test_lines_break_only_at_cr_lf_crlf() -> None:
    index = LineIndex("एक\r\nदो\rतीन\nचार\u2028पांच\x0cछह")
    assert index.line_count == 4
    assert index.position(len("एक\r\nदो\rतीन\n")) == (4, 1)


def test_display_width_ignores_combining_marks() -> None:
    assert display_width("क्ष") == 2  # क and ष are spacing; virama is not
    assert display_width("कि") == 2  # the pre-base matra takes a column
    assert display_width("में") == 1  # े and ं sit above the म


def test_caret_sits_under_the_comma_after_conjuncts() -> None:
    source = "ज़्यादा राष्ट्रपति,बातचीत"
    [diagnostic] = api.check(source)
    lines = block(FileResult("x.txt", source, [diagnostic]), diagnostic).splitlines()
    snippet, caret = lines[1], lines[2]
    assert caret.index("^") - 4 == display_width(source[: diagnostic.start])
    assert snippet.strip() == source
    assert lines[0] == "x.txt:1:19: P001 missing space after ','"


def test_markdown_skips_code_urls_and_link_targets_and_maps_back() -> None:
    source = (
        "# ज़्यादा ख़बर\n\n"
        "[लिंक,यहां](https://example.com/a,b) और `code,here` तथा https://x.in/?a=1,2 भी,फिर।\n\n"
        "```\nकोड,यहां\n```\n"
    )
    found = api.check(source, path="story.md")
    assert [(d.code, source[d.start : d.end]) for d in found] == [("P001", ","), ("P001", ",")]
    starts = [d.start for d in found]
    assert starts == [source.index("लिंक,") + 4, source.index("भी,") + 2]


def test_markdown_front_matter_date_becomes_the_document_date() -> None:
    doc = read("---\ntitle: x\ndate: 2025-01-21\n---\nपाठ\n", format="markdown")
    assert doc.metadata["date"] == "2025-01-21"
    assert "title" not in doc.view


def test_fix_inside_markdown_keeps_markup() -> None:
    source = "**ज़्यादा** राष्ट्रपति,बातचीत [लिंक](https://a.b)\n"
    result = api.fix(source, path="story.md")
    assert result.text == "**ज़्यादा** राष्ट्रपति, बातचीत [लिंक](https://a.b)\n"


def test_suppression_comments() -> None:
    text = (
        "ज़्यादा राष्ट्रपति,बातचीत <!-- qa: disable P001 -->\n"
        "क,ख\n<!-- qa: enable -->\nग,घ\n<!-- qa: disable-next-line P -->\nच,छ\n"
    )
    found = [(d.code, text[d.start : d.end + 1]) for d in api.check(text)]
    assert found == [("P001", ",ब"), ("P001", ",घ")]


def test_unused_suppression_is_reported() -> None:
    text = "<!-- qa: disable-next-line P004 -->\nज़्यादा राष्ट्रपति ने कहा।\n"
    assert [d.code for d in api.check(text)] == ["S001"]


def test_word_set_is_the_indexs_words_made_once() -> None:
    document = Document("राम का घर, राम की किताब", "राम का घर, राम की किताब")
    assert document.word_set == frozenset(document.word_index) == {"राम", "का", "घर", "की", "किताब"}
    assert document.word_set is document.word_set
