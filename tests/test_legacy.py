"""Legacy-font conversion (Kruti Dev 010, Chanakya) and ``qa convert``.

Each expected word was worked out by hand from the layout facts (one legacy
sequence per glyph, short-i typed before its cluster, reph after its syllable).
"""

from __future__ import annotations

import pytest

from qa import api
from qa.legacy import convert
from qa.legacy.detect import detect
from qa.legacy.repair import repairs

KRUTI = {
    "dk": "का", "ds": "के", "dh": "की", "gS": "है", "gSa": "हैं", "esa": "में", "ls": "से",
    "us": "ने", "dks": "को", "fd": "कि", "vkSj": "और", "Hkh": "भी", "ij": "पर", ";g": "यह",
    "og": "वह", "Fkk": "था", "Fks": "थे", "fy,": "लिए", "ugha": "नहीं", "dj": "कर",
    "Hkkjr": "भारत", "ljdkj": "सरकार", "ns'k": "देश", "'kgj": "शहर", "[kcj": "खबर",
    "iqfyl": "पुलिस", "ea=h": "मंत्री", "jkT;": "राज्य", "fnYyh": "दिल्ली", "mRrj": "उत्तर",
    "izns'k": "प्रदेश", "ifjokj": "परिवार", "vLirky": "अस्पताल", "MkWDVj": "डॉक्टर",
    "fo'o": "विश्व", "dkaxzsl": "कांग्रेस", "pquko": "चुनाव", "tkudkjh": "जानकारी",
    "laØe.k": "संक्रमण", "dksjksuk": "कोरोना", "ekSr": "मौत", "izfr": "प्रति",
    "dk;ZØe": "कार्यक्रम", "/keZ": "धर्म", "iwoZ": "पूर्व", "fgUnh": "हिन्दी", "y[kuÅ": "लखनऊ",
    "fLFkfr": "स्थिति", "dhfrZ": "कीर्ति", "if=dk": "पत्रिका",
}  # fmt: skip

CHANAKYA = {
    "·¤æ": "का", "·¤è": "की", "·¤ð": "के", "ãñ": "है", "×ð´": "में", "âð": "से", "Ùð": "ने",
    "·¤æð": "को", "¥æñÚU": "और", "ÖæÚUÌ": "भारत", "âÚU·¤æÚU": "सरकार", "·¤æ´»ýðâ": "कांग्रेस",
    "Îðàæ": "देश", "ÂÚU": "पर", "Öè": "भी", "Íæ": "था", "ÍðÐ": "थे।", "·¤ÚU": "कर",
    "Ùãè´": "नहीं", "ç·¤": "कि", "çÎËÜè": "दिल्ली", "ÚUæ…Ø": "राज्य", "ÂéçÜâ": "पुलिस",
    "¿éÙæß": "चुनाव", "×´˜æè": "मंत्री", "ÂýÎðàæ": "प्रदेश", "·¤æØü": "कार्य", "Ï×ü": "धर्म",
    "âßæÜ": "सवाल", "ÁæÙ·¤æÚUè": "जानकारी", "·¤ôÚUôÙæ": "कोरोना", "×õÌ": "मौत",
    "ÂçÚUßæÚU": "परिवार", "çã´Îè": "हिंदी", "©žæÚU": "उत्तर", "¥æÁ": "आज", "ÕæÌ": "बात",
    "ÁÙÌæ": "जनता", "ãé¥æ": "हुआ",
}  # fmt: skip


@pytest.mark.parametrize(("legacy", "unicode"), sorted(KRUTI.items()))
def test_kruti_dev_words(legacy: str, unicode: str) -> None:
    assert convert(legacy, "krutidev") == unicode


@pytest.mark.parametrize(("legacy", "unicode"), sorted(CHANAKYA.items()))
def test_chanakya_words(legacy: str, unicode: str) -> None:
    assert convert(legacy, "chanakya") == unicode


def test_word_lists_are_long_enough() -> None:
    assert len(KRUTI) >= 30 and len(CHANAKYA) >= 30


def test_published_samples() -> None:
    assert convert("dk;kZy; fVIi.kh jktLFkku ljdkj", "krutidev") == "कार्यालय टिप्पणी राजस्थान सरकार"
    assert convert("fgUnh lkIrkfgd if=dk y[kuÅ", "krutidev") == "हिन्दी साप्ताहिक पत्रिका लखनऊ"
    assert convert("·¤æ´»ýðâ ·¤æð", "chanakya") == "कांग्रेस को"
    assert convert("ÖæÚUÌ ·¤æ", "chanakya") == "भारत का"


def test_chanakya_through_mac_roman() -> None:
    # The same newspaper bytes rendered as Mac Roman; "\uf8ff" is what ð (े) becomes.
    assert convert("÷Ê⁄UÃ Σ§Ê", "chanakya") == "भारत का"
    assert convert("∑§Ê¥ª˝\uf8ff‚", "chanakya") == "कांग्रेस"


def test_kruti_punctuation_and_digits() -> None:
    assert convert("dgk] ;g Bhd gSA ¼m0iz0½", "krutidev") == "कहा, यह ठीक है। (उ0प्र0)"


def test_unknown_font_is_a_rule_data_error() -> None:
    from qa.errors import RuleDataError

    with pytest.raises(RuleDataError):
        convert("dk", "devlys")


@pytest.mark.parametrize(
    ("text", "font"),
    [
        ("Hkkjr ljdkj us vkt dgk fd ns'k esa ykWdMkmu ugha gksxkA", "krutidev"),
        ("dk;kZy; fVIi.kh jktLFkku ljdkj", "krutidev"),
        ("·¤æ´»ýðâ ·¤æð ÖæÚUÌ ·¤æ", "chanakya"),
        ("∑§Ê¥ª˝‚ ÷Ê⁄UÃ Σ§Ê", "chanakya"),
    ],
)
def test_detects_legacy_text(text: str, font: str) -> None:
    assert detect(text) == font


@pytest.mark.parametrize(
    "text",
    [
        "The government said on Monday that it will take action against those who break the rules.",
        "Follow us on #Twitter @ndtv or write to desk@example.com, 2020-21",
        "Bharat sarkar ne aaj kaha ki lockdown badhaya jayega",
        "República Dominicana, José Müller and Café Crème",
        "Look back at work: think quickly, book a kayak in Stockholm or Brooklyn",
        "iPhone, YouTube, McDonald's, WhatsApp, PhD, UK, USA, BJP, AAP, DMK",
        "Edited By Naina Gupta | Updated: 01 Mar 2020, 02:30 PM IST",
        "$ dpkg-buildpackage -i -uc -us",
        "alkyl nitrate alkyl nitrite 4-pyridyl",
    ],
)
def test_english_and_names_are_not_legacy_text(text: str) -> None:
    assert detect(text) is None


def test_convert_command_stdout_and_output_file(qa_cli, tmp_path) -> None:
    source = tmp_path / "k.txt"
    source.write_text("Hkkjr ljdkj\n", encoding="utf-8")
    result = qa_cli("convert", "--from", "krutidev", str(source))
    assert result.returncode == 0 and result.stdout.decode() == "भारत सरकार\n"
    target = tmp_path / "out.txt"
    result = qa_cli("convert", "--from", "krutidev", str(source), "-o", str(target))
    assert result.returncode == 0 and target.read_text(encoding="utf-8") == "भारत सरकार\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".qa-tmp")] == []


def test_convert_reads_windows_1252_files_and_stdin(qa_cli, tmp_path) -> None:
    source = tmp_path / "c.txt"
    source.write_bytes("·¤æ´»ýðâ ·¤æð".encode("cp1252"))
    assert qa_cli("convert", "--from", "chanakya", str(source)).stdout.decode() == "कांग्रेस को"
    piped = qa_cli("convert", "--from", "krutidev", "-", input=b"ljdkj")
    assert piped.stdout.decode() == "सरकार"


def test_convert_errors_are_one_line(qa_cli, tmp_path) -> None:
    result = qa_cli("convert", "--from", "krutidev", str(tmp_path / "missing.txt"))
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert qa_cli("convert", "--from", "devlys", str(tmp_path)).returncode == 2


@pytest.mark.parametrize(
    ("residue", "repaired"),
    [
        ("वषीर्य", "वर्षीय"),  # reph after a vowel sign
        ("चाल्र्स", "चार्ल्स"),  # reph after a half letter
        ("कायर्क्रम", "कार्यक्रम"),
        ("पाटीर्", "पार्टी"),  # reph at the end of the word
        ("गोङ्क्षवद", "गोविंद"),  # the "िं" glyph before its consonant
        ("पङ्क्षायत", "पंचायत"),  # ङ्क्ष for ञ्च
    ],
)
def test_signs_left_out_of_order_are_repaired_as_an_unsafe_fix(residue: str, repaired: str) -> None:
    text = f"ज़्यादा {residue} आए।"
    (found,) = api.check(text, select=["U038"])
    assert text[found.start : found.end] == residue and found.suggestions == (repaired,)
    assert api.fix(text, select=["U038"]).text == text  # unsafe: not applied by default
    assert api.fix(text, select=["U038"], unsafe=True).text == f"ज़्यादा {repaired} आए।"


def test_glyph_without_a_known_repair_is_reported_without_a_fix() -> None:
    (found,) = api.check("ख़बर ङ्क्षनबरी की।", select=["U038"])
    assert found.suggestions == () and found.fix is None


@pytest.mark.parametrize("word", ["पूर्व", "कार्य", "कीर्ति", "आकाङ्क्षा", "काङ्क्षा", "सदर्", "धर्मेंद्र", "पार्टियों"])
def test_words_in_order_are_quiet(word: str) -> None:
    assert api.check(f"ज़्यादा {word} आए।", select=["U038"]) == []


def test_reph_is_never_moved_to_the_start_of_a_word() -> None:
    assert all(not r.startswith("र्") for r in repairs("पूर्व") + repairs("धमर्"))
