"""The place gazetteer (known place names) and T040 (misspelt place names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import api, gazetteer, lexicon
from qa.config import Config
from qa.errors import RuleDataError


def t_findings(text: str, config: Config | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (d.code, text[d.start : d.end], d.suggestions)
        for d in api.check(text, config=config or Config())
        if d.code.startswith("T")
    ]


def test_gazetteer_has_states_districts_and_world_places_as_words() -> None:
    places = gazetteer.read_places(gazetteer.path())
    assert {kind for kind, _, _ in places} == gazetteer.KINDS and len(places) > 900
    assert {origin for _, origin, _ in places} == gazetteer.ORIGINS
    spellings = {s for _, _, names in places for s in names}
    assert {"पश्चिम बंगाल", "हरियाणा", "बेंगलुरु", "बेंगलूरु", "मधुबनी", "सीतामढ़ी"} <= spellings
    assert {"पश्चिम", "बंगाल", "गुरुग्राम"} <= gazetteer.words()
    assert {"बोलीविया", "कोट्टायम"} <= gazetteer.transliterated()
    assert not {"मधुबनी", "वडोदरा", "हैदराबाद"} & gazetteer.transliterated()


def test_rare_place_names_are_known_words_even_to_the_opt_in_unknown_word_rule() -> None:
    text = "शिवहर, खगड़िया, सीतामढ़ी, नवांशहर, दंतेवाड़ा और नारायणपुर में बारिश हुई।"
    config = Config()
    config.values["extend-select"] = ["T004"]
    assert t_findings(text, config) == []
    assert all(lexicon.recognised(w) for w in ("शिवहर", "नवांशहर", "दंतेवाड़ा"))


@pytest.mark.parametrize(
    ("sentence", "wrong", "right"),
    [
        ("ज़्यादा बारिश से मुधुबनी में बाढ़ आई।", "मुधुबनी", "मधुबनी"),
        ("फ़िलहाल हजारीबाघ ज़िले में स्कूल बंद हैं।", "हजारीबाघ", "हजारीबाग"),
        ("ख़बर है कि वडोदार से ट्रेन रवाना हुई।", "वडोदार", "वडोदरा"),
        ("टीम बर्मिघम पहुंची।", "बर्मिघम", "बर्मिंघम"),
        ("लखनऊ और सहरानपुर में जांच हुई।", "सहरानपुर", "सहारनपुर"),  # a swap in a -पुर name
        # slips of many signs, priced as one (akshara.distance): every sibilant, a sign typed
        # across a conjunct (and the bare consonant beside it), two swapped lengths
        ("ज़िले से श्रद्धालु ऋसिकेस पहुंचे।", "ऋसिकेस", "ऋषिकेश"),
        ("ख़बर है कि श्रद्धालु ओंकारश्वरे पहुंचे।", "ओंकारश्वरे", "ओंकारेश्वर"),
        ("फ़िलहाल झारखंड के गिरीडिह ज़िले में बारिश हुई।", "गिरीडिह", "गिरिडीह"),
    ],
)
def test_misspelt_place_is_corrected(sentence: str, wrong: str, right: str) -> None:
    assert t_findings(sentence) == [("T040", wrong, (right,))]


@pytest.mark.parametrize(
    ("sentence", "code", "wrong", "right"),
    [
        # a slip of a common place is T002's (its own evidence), told once
        ("प्रधानमंत्री अहमदबाद पहुंचे।", "T002", "अहमदबाद", "अहमदाबाद"),
        ("खिलाड़ी वॉशिगंटन लौटे।", "T002", "वॉशिगंटन", "वॉशिंगटन"),
        # edited prose has सीतामढी a few times: evidence T040 respects, and T006 weighs
        ("फ़िलहाल सीतामढी ज़िले में स्कूल बंद हैं।", "T006", "सीतामढी", "सीतामढ़ी"),
    ],
)
def test_other_rules_take_the_places_they_see_first(sentence: str, code: str, wrong: str, right: str) -> None:
    assert t_findings(sentence) == [(code, wrong, (right,))]


@pytest.mark.parametrize(
    "sentence",
    [
        "पटना में पटला और पटरी बिकी।",  # real words near a place
        "धर्मपुर और शिवपुर के लोग आए।",  # other places: a letter more or less at the end
        "अज़रबैजानी और फ़िलिस्तीनी नेता मिले।",  # adjectives of places
        "पिरोजपुर बांग्लादेश में है।",  # another first letter: another place
        "भरतीपुर और जसपुर के किसान आए।",  # other -पुर places, not भरतपुर/जशपुर
        "बोलिविया, यरूशलेम, अफ़्ग़ानिस्तान और कोट्टयम की ख़बरें।",  # transliterations vary
        "ख़िलाड़ी मैनचस्टेर और बुडापस्टे पहुंचे।",  # ... and a sign across their conjunct is no slip
        "ज़िले से श्रद्धालु ऋषिकेश और ओंकारेश्वर पहुंचे।",
        "उत्तराखण्ड और उत्तराखंड, बेंगलूरु और बंगलौर।",  # accepted variants
    ],
)
def test_real_words_other_places_and_variants_are_quiet(sentence: str) -> None:
    assert [f for f in t_findings(sentence) if f[0] == "T040"] == []


def test_the_documents_repeated_form_is_the_writers_choice() -> None:
    text = "मुधुबनी गांव। मुधुबनी के लोग। मुधुबनी की सड़क।"
    assert [f for f in t_findings(text) if f[0] == "T040"] == []


def test_a_registered_persons_name_is_not_corrected(tmp_path: Path) -> None:
    people = tmp_path / "people.yaml"
    people.write_text("people:\n  - {id: R M, role: writer, name: राजेश मुधुबनी}\n", encoding="utf-8")
    text = "लेखक राजेश मुधुबनी ने कहा।"
    assert [f[0] for f in t_findings(text)] == ["T040"]
    config = Config()
    config.values["names"] = {"files": [str(people)]}
    assert t_findings(text, config) == []


def test_unsafe_fix_through_the_cli(tmp_path: Path, qa_cli) -> None:
    story = tmp_path / "story.txt"
    story.write_text("ज़्यादा बारिश से मुधुबनी में बाढ़ आई।\n", encoding="utf-8")
    qa_cli("check", "--fix", str(story), cwd=tmp_path)
    assert "मुधुबनी" in story.read_text(encoding="utf-8")  # an unsafe fix waits to be asked
    qa_cli("check", "--fix", "--unsafe-fixes", str(story), cwd=tmp_path)
    assert story.read_text(encoding="utf-8") == "ज़्यादा बारिश से मधुबनी में बाढ़ आई।\n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("province\tDeva\tबिहार", "expected kind"),
        ("state\tबिहार", "expected kind"),
        ("state\tDeva\t", "expected kind"),
        ("state\tDeva\tबिहार\u0928\u093c", "NFC"),
    ],
)
def test_bad_gazetteer_rows_are_one_line_errors(tmp_path: Path, line: str, message: str) -> None:
    bad = tmp_path / "places.tsv"
    bad.write_text(f"# places\n{line}\n", encoding="utf-8")
    with pytest.raises(RuleDataError, match=message):
        gazetteer.read_places(bad)


def test_gazetteer_round_trips_through_the_start_up_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path))
    clear = (gazetteer._settled, gazetteer.words, gazetteer.transliterated, gazetteer.near_index)
    for function in clear:
        function.cache_clear()
    built = (gazetteer.words(), gazetteer.near_index().table)
    for function in clear:
        function.cache_clear()
    stored = [*tmp_path.glob("*.marshal"), *tmp_path.glob("*.tables")]
    assert sorted(p.name.split("-")[0] for p in stored) == ["gazetteer", "place"]
    assert (gazetteer.words(), gazetteer.near_index().table) == built
    for function in clear:
        function.cache_clear()
