"""Hand-made news sentences for the U and P families, in plain text and Markdown.

Each slip must raise its code; each clean-but-tricky sentence must raise no U or P
warning or error (info findings such as U030 are allowed).
"""

from __future__ import annotations

import pytest

from qa.api import check

ZWSP, NBSP, LRM, ZWJ = "\u200b", "\u00a0", "\u200e", "\u200d"

SLIPS = [
    (f"मुख्यमंत्री ने कहा कि बाढ़ पी{ZWSP}ड़ितों को राहत मिलेगी।", "U002", "text"),
    (f"ज़िला प्रशासन ने स्कूलों को{NBSP}बंद रखने का आदेश दिया।", "U009", "text"),
    (f"उन्होंने कहा कि चुनाव आयोग ने{LRM} तारीख़ घोषित की।", "U006", "text"),
    (f"ज़्यादातर राज्यों में मॉनसून{ZWJ} समय पर पहुँचा।", "U010", "text"),
    ("अमेरिकी राष्ट्रपति जो बाइ़डेन ने नई नीति की घोषणा की।", "U013", "text"),
    ("ज़िले के किसानों ने बताया कि फ़सल खेतोंं में सड़ गई।", "U018", "text"),  # मेंं is T001's (covers U018)
    ("पुलिस ने कहा कि जाँच पूरी हो गई.। अब रिपोर्ट आएगी।", "U025", "text"),
    ("मरीज़ों को नि:शुल्क दवा दी जाएगी और प्रात: 6 बजे बस चलेगी।", "U026", "text"),
    ("अस्पताल के डॉ० वर्मा ने बताया कि हालत स्थिर है।", "U028", "text"),
    ("प्रधानमंत्री Mоdi ने कहा।", "U022", "text"),  # Cyrillic о
    ("दिल्ली में 3 और मुंबई में ५ मामले मिले।", "U029", "text"),
    ("नई दिल्ली, 5 मई (आईएएनएस)| प्रधानमंत्री ने कहा।", "U023", "text"),
    ("> राष्ट्रपति ने कहा कि सरकार तैयार है|", "U023", "markdown"),
    ("<p>ज़्यादा राष्ट्रपति ने कहा कि अत: स्थिति गंभीर है।</p>", "U026", "html"),
    ("рднрд╛рд░рдд рд╕рд░рдХрд╛рд░ рдиреЗ рдХрд╣рд╛", "U032", "text"),
    ("## " + "प्रधानमंत्री ने कहा कि सरकार तैयार है।".encode().decode("cp1252", "replace"), "U032", "markdown"),
    ("- ljdkj us vkt ubZ ;kstuk 'kq: dhA", "U033", "markdown"),
    ("सरकार ने वुफल 10 योजनाएँ शुरू कीं।", "U034", "text"),
    ("ज़िले के किसान आए;अधिकारी नहीं आए।", "P001", "text"),
    ("ज़िले में [बारिश](https://example.com/a,b) हुई,सड़कें बंद हैं।", "P001", "markdown"),
    ("ज़िले के किसान कब आएंगे ?", "P002", "text"),
    ("## ज़िले में बारिश\n\nप्रशासन ने **स्कूलों** को बंद किया ।", "P002", "markdown"),
    ("* ज़िले में बारिश हुई।कई सड़कें बंद हैं।", "P003", "markdown"),
    ("ज़िले के किसानों ने ने कहा कि फ़सल ख़राब हुई।", "P005", "text"),
    ("सरकार &amp; मंत्री&nbsp;ने कहा,अब काम होगा।", "P001", "markdown"),
    ("ज़िले के [किसान](https://x.in) बोले, “फ़सल ख़राब हुई।", "P008", "markdown"),
]

CLEAN = [
    ("बैठक का समय: 10 बजे, स्थान: दिल्ली।", "text"),
    ("कंपनी का राजस्व 2,34,567 करोड़ रुपये और ऊँचाई 8,848.86 मीटर रही।", "text"),
    ("रिपोर्ट https://example.com/news?id=5,6 पर है; लिखें info@example.com पर।", "text"),
    ("धीरे-धीरे हालात सामान्य हो रहे हैं और लोग बार-बार पूछ रहे हैं।", "text"),
    ("डॉ. राजेंद्र प्रसाद और डॉ॰ सिंह ने U.S. के नेताओं से बात की।", "text"),
    ("कंपनी के CEO ने कहा कि iPhone की बिक्री बढ़ी; #Budget2025 ट्रेंड में है।", "text"),
    ("दुःख की बात है कि हादसे में तीन लोगों की मौत हुई।", "text"),
    ("उन्होंने कहा, “वह बोले, ‘हम आएंगे’ और चले गए।”", "text"),
    ("मैच में क) पहला और ख) दूसरा सवाल पूछा गया; नियम i) सभी के लिए, ii) सभी समय।", "text"),
    ("G20 शिखर सम्मेलन में १९ देश आए और Covid-19 के ५० मामले मिले।", "text"),
    ("प्रश्न: क्या आप तैयार हैं? उत्तर: हाँ। स्कोर 2:1 रहा।", "text"),
    ("फ़ुटबॉल क्लब São Paulo ने Müller को ख़रीदा।", "text"),
    ("“यह ऐतिहासिक दिन है,” प्रधानमंत्री ने कहा।", "text"),
    ("रामचरितमानस की चौपाई है॥", "text"),
    ("प्रवक्ता ने कहा, ''सरकार तैयार है।\" उन्होंने ‘‘जीत या हार'' की बात की।", "text"),
    ("## बजट 2025: मुख्य बातें\n\n- कर छूट बढ़ी\n- `a,b` कोड\n", "markdown"),
    ("वित्त मंत्री ने [रिपोर्ट](https://x.in/a|b) जारी की।", "markdown"),
    ("```\nfoo  bar,baz|\n```\n\nसरकार ने कहा।", "markdown"),
    ("| राज्य | मामले |\n|---|---|\n| दिल्ली | 5 |\n", "markdown"),
    ("पहली पंक्ति  \nदूसरी पंक्ति", "markdown"),
    ("**नई दिल्ली:** सरकार ने कहा[^1]।\n\n[^1]: स्रोत: पीटीआई", "markdown"),
    ("सरकार ने कहा&nbsp;कि काम होगा &amp; पैसा&#8230; मिलेगा।", "markdown"),
    ("- [ ] सरकार ने कहा।\n- [x] काम हुआ।", "markdown"),
]


@pytest.mark.parametrize(("text", "code", "fmt"), SLIPS)
def test_slip_is_caught(text: str, code: str, fmt: str) -> None:
    assert code in {d.code for d in check(text, format=fmt)}


def test_markdown_entity_keeps_source_offsets() -> None:
    text = "सरकार &amp; मंत्री&nbsp;ने कहा,अब काम होगा।"
    (comma,) = [d for d in check(text, format="markdown") if d.code == "P001"]
    assert text[comma.start : comma.end] == ","


@pytest.mark.parametrize(("text", "fmt"), CLEAN)
def test_tricky_clean_copy_is_quiet(text: str, fmt: str) -> None:
    found = [
        (d.code, text[d.start : d.end])
        for d in check(text, format=fmt)
        if d.code[0] in "UP" and str(d.severity) != "info"
    ]
    assert found == []
