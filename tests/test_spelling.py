"""The T family: lexicon, akshara distance, suggestions, register and the seed article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa import api, lexicon
from qa.checks import spelling
from qa.checks.spelling import CHEAPEST_EDIT
from qa.config import Config
from qa.data import read_tsv_pairs, rules_dir
from qa.errors import ConfigError
from qa.text.akshara import NearIndex, aksharas, distance, variant_key, without_perso_nukta
from tests.conftest import SEED


def t_codes(text: str, config: Config | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    config = config or Config()
    return [
        (d.code, text[d.start : d.end], d.suggestions)
        for d in api.check(text, config=config)
        if d.code.startswith("T")
    ]


def test_aksharas_split_conjuncts_and_nukta() -> None:
    assert aksharas("राष्ट्रपति") == ["रा", "ष्ट्र", "प", "ति"]
    assert len(aksharas("क़ानून")) == 3


def test_distance_is_cheap_for_slips_and_dear_for_real_changes() -> None:
    assert distance("परिक्षा", "परीक्षा") < distance("परिक्षा", "परिभाषा")
    assert distance("नही", "नहीं") < 0.5
    # neighbours typed in the wrong order: dearer than a vowel-length slip, cheaper than a new letter
    assert distance("नही", "नहीं") < distance("कमल", "कलम") < distance("कमल", "कसम")
    # a nasal typed one place off costs no more than a dropped one
    assert distance("आकंड़ों", "आंकड़ों") == distance("आकड़ों", "आंकड़ों") < distance("कमल", "कलम")


def test_no_edit_is_cheaper_than_the_suggestion_prefilter_assumes() -> None:
    letters = [chr(c) for c in range(0x0900, 0x0980) if not 0x0958 <= c <= 0x095F] + ["\u200c", "\u200d"]
    assert min(distance(a, b) for a in ["", *letters] for b in letters if a != b) >= CHEAPEST_EDIT
    assert min(distance(a, "") for a in letters) >= CHEAPEST_EDIT


@pytest.mark.parametrize(
    ("a", "b"),
    [("गये", "गए"), ("लिये", "लिए"), ("नयी", "नई"), ("हिन्दी", "हिंदी"), ("यहाँ", "यहां"),
     ("ज़्यादा", "ज्यादा"), ("महत्त्व", "महत्व"), ("डॉक्टर", "डाक्टर"), ("बरफ", "बर्फ")],
)  # fmt: skip
def test_accepted_variants_share_a_key(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)


def test_nukta_and_nasal_omissions_are_not_variants() -> None:
    assert variant_key("बडा") != variant_key("बड़ा")
    assert variant_key("नही") != variant_key("नहीं")


def test_perso_arabic_nukta_is_dropped_but_not_the_flap_nukta() -> None:
    assert without_perso_nukta("दिक़्क़त") == "दिक्कत"
    assert without_perso_nukta("ज़िंदगी") == "जिंदगी"
    assert without_perso_nukta("पढ़ाई") == "पढ़ाई"  # ढ़ is a letter of its own


def test_a_vowel_slip_of_a_place_counts_only_when_the_web_lists_the_place_often() -> None:
    # a spelling papers use for a place the web list counts at Zipf 4 would be in the list
    common, slip = "दुबई", "दूबई"
    assert lexicon.web_zipf()[common] >= spelling.LISTED_VARIANT_ZIPF
    assert not lexicon.attested(slip)
    assert spelling._unlisted_variant(slip, common)
    assert spelling.corrections(slip)[:1] == (common,)
    # a place the web list counts rarely keeps its other spellings (T040 weighs those)
    rare = "सूरीनाम"
    assert lexicon.web_zipf().get(rare, 0) < spelling.LISTED_VARIANT_ZIPF
    assert not spelling._unlisted_variant("सूरिनाम", rare)


@pytest.mark.parametrize(("slip", "weighed"), [("कुद", "कूद"), ("मिठा", "मीठा"), ("भलि", "भली")])
def test_a_short_word_is_offered_the_sign_slip_it_was_weighed_against(slip: str, weighed: str) -> None:
    # another candidate is as cheap and ranks first (खुद, मिटा, बलि: an aspirate or another
    # letter), but a short word is only weighed against its one sign slip, so that comes first
    cheapest = spelling.near(slip)[0][1]
    assert cheapest != weighed and not spelling._short_slip(slip, cheapest)
    assert spelling.corrections(slip)[0] == weighed
    text = f"वह {slip} है।"
    assert next(s for code, _, s in t_codes(text) if code == "T002")[0] == weighed


@pytest.mark.parametrize(
    ("slip", "right", "code"),
    [
        ("भक्ती", "भक्ति", "T002"),
        ("वृद्धी", "वृद्धि", "T002"),
        ("पुष्टी", "पुष्टि", "T002"),
        ("सर्वसम्मती", "सर्वसम्मति", "T002"),  # five aksharas, no conjunct before the ending
        ("क्षती", "क्षति", "T002"),
        ("शांती", "शांति", "T030"),  # the web list counts it: T030 weighs listed twins
    ],
)
def test_a_tatsam_i_noun_written_with_a_long_i_is_a_slip(slip: str, right: str, code: str) -> None:
    """The suffix model reads भक्ती as भक्त + ी and सर्वसम्मती as सर्वसम्मत + ी: where the
    -इ noun is the known word, that parse is no evidence against it."""
    assert lexicon.recognised(slip) and spelling.tatsam_i(slip, right)
    text = f"ख़बर है कि प्रशासन ने {slip} की बात कही।"
    assert next(s for c, _, s in t_codes(text) if c == code)[0] == right


def test_a_verbs_form_in_long_i_is_no_tatsam_i_slip() -> None:
    # जाती is जाना's imperfective (the lexicon knows जाना and जाने), whatever जाति is
    assert not spelling.tatsam_i("जाती", "जाति")
    assert spelling.tatsam_i("सर्वसम्मती", "सर्वसम्मति")


@pytest.mark.parametrize("word", ["बस्ती", "दोस्ती", "पत्ती", "मंत्री", "यात्री", "पुत्री"])
def test_words_in_a_conjunct_and_long_i_with_no_commoner_i_noun_stay(word: str) -> None:
    assert "T002" not in [code for code, _, _ in t_codes(f"ख़बर है कि {word} की बात हुई।")]


def test_near_index_finds_one_slip_neighbours() -> None:
    index = NearIndex(["पुरस्कार", "परीक्षा", "सरकार"])
    assert "पुरस्कार" in index.candidates("पुरुस्कार")
    assert "परीक्षा" in index.candidates("परिक्षा")
    assert "सरकार" not in index.candidates("परिक्षा")


def test_suffix_model_recognises_inflections_of_known_stems() -> None:
    assert lexicon.recognised("सराहनाओं")
    assert lexicon.recognised("दौड़ेंगे")
    assert not lexicon.recognised("क्ष्ज्ञबलटम")


def test_seed_article_reports_cake_slip_and_the_misspelt_drug_only() -> None:
    found = t_codes(SEED.read_text(encoding="utf-8"))
    assert ("T003", "केक", ("के",)) in found
    assert {(code, word) for code, word, _ in found} == {("T003", "केक"), ("T002", "फेंटानल")}
    assert ("T002", "फेंटानल", ("फेंटानिल",)) in found


def test_cake_being_cut_is_quiet() -> None:
    assert t_codes("जन्मदिन पर बच्चों ने केक काटा।") == []


@pytest.mark.parametrize(
    "text",
    ["सरकार ने लिये गये फ़ैसले हिन्दी में यहाँ छापे।", "सरकार ने लिए गए फैसले हिंदी में यहां छापे।",
     "ज़्यादा महत्त्व के मुद्दे पर ज्यादा महत्व दिया गया।"],
)  # fmt: skip
def test_variant_spellings_are_never_t_findings(text: str) -> None:
    assert t_codes(text) == []


def test_unknown_names_without_candidates_are_quiet_by_default_and_opt_in() -> None:
    text = "व्लादिमीर क्ष्ज्ञबलटम ने कहा।"
    assert t_codes(text) == []
    config = Config()
    config.values["extend-select"] = ["T004"]
    assert [c for c, *_ in t_codes(text, config)] == ["T004"]


def test_house_accept_list_silences_and_reject_list_reports(tmp_path) -> None:
    text = "ज़्यादा मात्रा में फेंटानल और उपरोक्त दवा मिली।"
    config = Config()
    config.values["lexicon"] = {"accept": ["फेंटानल"], "reject": ["उपरोक्त"]}
    assert [(c, w) for c, w, _ in t_codes(text, config)] == [("T005", "उपरोक्त")]
    words = tmp_path / "house.txt"
    words.write_text("# house words\nफेंटानल\n", encoding="utf-8")
    config = Config(path=tmp_path / "qa.toml")
    config.values["lexicon"] = {"accept-files": ["house.txt"]}
    assert t_codes(text, config) == []


def test_bad_lexicon_config_is_a_config_error() -> None:
    config = Config()
    config.values["lexicon"] = {"accept": "फेंटानल"}
    with pytest.raises(ConfigError, match="accept"):
        api.check("ज़्यादा फेंटानल", config=config)


def test_register_is_large_and_holds_no_variant_flips() -> None:
    pairs = read_tsv_pairs(rules_dir() / "misspellings.tsv", "test")
    assert len({wrong for wrong, _ in pairs}) >= 150
    wrongs = {wrong for wrong, _ in pairs}
    assert not wrongs & {"लिये", "गये", "हिन्दी", "यहाँ", "यहां", "ज्यादा", "ज़्यादा", "महत्त्व", "नयी"}


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("पीढी", "पीढ़ी"),
        ("जोडने", "जोड़ने"),
        ("लडाइयों", "लड़ाइयों"),  # unseen, but the suffix model vouches for it
        ("मोड", None),  # "mode": a word in its own right
        ("गायकवाड", None),  # a name written both ways
        ("खडखडाहटों", None),  # nothing vouches for it: T002's
        ("होड", "होड़"),  # unknown, but too short for T002, and होड़ is common
    ],
)
def test_flap_nukta_is_restored_only_when_far_more_frequent(wrong: str, right: str | None) -> None:
    from qa.checks.spelling import flap_correction

    assert flap_correction(wrong, 1.0) == right


@pytest.mark.parametrize("word", ["मीडिया", "वीडियो", "रेडियो", "बडा"])
def test_flap_rule_leaves_loanwords_and_register_words_alone(word: str) -> None:
    from qa.checks.spelling import flap_correction

    assert flap_correction(word, 1.0) is None


def test_house_lists_work_from_a_config_file(tmp_path, qa_cli) -> None:
    (tmp_path / "qa.toml").write_text(
        '[lexicon]\naccept = ["फेंटानल"]\nreject = ["उपरोक्त"]\naccept-files = ["words.txt"]\n',
        encoding="utf-8",
    )
    (tmp_path / "words.txt").write_text("क्ष्ज्ञबलटम\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("ज़्यादा फेंटानल और उपरोक्त दवा, क्ष्ज्ञबलटम।\n", encoding="utf-8")
    result = qa_cli("check", "--extend-select", "T004", "--format", "json", "a.txt", cwd=tmp_path)
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]] if result.stdout else []
    assert codes == ["T005"], result.stdout.decode() + result.stderr.decode()


def test_near_index_round_trips_through_the_start_up_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path))
    spelling.near_index.cache_clear()
    built = spelling.near_index()  # built, then stored
    spelling.near_index.cache_clear()
    loaded = spelling.near_index()  # read back
    spelling.near_index.cache_clear()
    assert list(tmp_path.glob("near-index-*.tables"))
    assert loaded.table == built.table
    assert "फेंटानिल" in loaded.candidates("फेंटानल") == built.candidates("फेंटानल")


def test_candidate_tables_are_rebuilt_when_the_lexicon_code_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The near index and the twin table are built through lexicon.py's readers, so their
    start-up cache entries are keyed on it too."""
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path))
    spelling.near_index.cache_clear()
    spelling.twins.cache_clear()
    spelling.twins()  # builds the near index too
    spelling.near_index.cache_clear()
    spelling.twins.cache_clear()
    from qa import datacache, datatables

    sources = spelling._table_sources()
    assert Path(lexicon.__file__) in sources
    for name, extra in (("near-index", [Path(datatables.__file__)]), ("sign-twins", [])):
        (stored,) = [p.stem for p in tmp_path.glob(f"{name}-*")]
        assert stored == datacache.entry(name, [*sources, *extra])


def test_t006_takes_a_short_unknown_word_that_t002_leaves_and_never_both() -> None:
    config = Config()
    config.values["select"] = ["T002", "T006"]
    text = "कंपनियों में होड लगी है और सडकों पर छिडकाव हुआ।"
    found = sorted((text[d.start : d.end], d.code) for d in api.check(text, config=config))
    words = [w for w, _ in found]
    assert ("होड", "T006") in found
    assert len(words) == len(set(words))  # one finding per slip
    assert api.check("कंपनियों में होड़ लगी है।", config=config) == []


def test_two_swapped_lengths_are_one_slip() -> None:
    from qa.text.akshara import LENGTH_SWAP, distance, length_swap

    assert length_swap("निती", "नीति") and length_swap("सिमीत", "सीमित")
    assert not length_swap("नीती", "नीति")  # one sign's length: an ordinary slip
    assert not length_swap("निता", "नीति")
    assert distance("निती", "नीति") == LENGTH_SWAP


def test_every_sibilant_of_a_word_wrong_is_one_slip() -> None:
    from qa.text.akshara import LENGTH_SWAP, distance, sibilant_slips

    assert sibilant_slips("विसेस", "विशेष") and sibilant_slips("प्रसाशन", "प्रशासन")
    assert not sibilant_slips("विसेष", "विशेष")  # one sibilant: an ordinary cheap slip
    assert not sibilant_slips("विसेसा", "विशेषज्ञ")
    assert distance("विसेसज्ञों", "विशेषज्ञों") == LENGTH_SWAP
    # within the edit bound (five aksharas) a loan's sibilants are one slip too, at one price
    assert not spelling._settled("एसएसपी") and spelling.near("एशएशपी")[:1] == ((LENGTH_SWAP, "एसएसपी"),)
    assert spelling.suggestions("विस्लेसण")[:1] == ("विश्लेषण",)
    found = api.check("मौसम विसेसज्ञों का कहना है कि सर्दी देर से आएगी।")
    assert [(d.code, d.fix.edits[0].replacement if d.fix else "") for d in found] == [("T002", "विशेषज्ञों")]
    assert api.check("मौसम विशेषज्ञों ने मिट्टी के शेष नमूनों का विश्लेषण किया।") == []


def test_a_sign_typed_across_a_conjunct_is_one_slip() -> None:
    from qa.text.akshara import LENGTH_SWAP, distance, moved_sign

    assert moved_sign("शिक्त", "शक्ति") and moved_sign("प्रेक्षपण", "प्रक्षेपण")
    assert moved_sign("ओंकारश्वरे", "ओंकारेश्वर") and moved_sign("परम्पारिक", "पारम्परिक")  # and bare ones
    assert moved_sign("के्रडिट", "क्रेडिट") and moved_sign("धु्रव", "ध्रुव")  # inside it: legacy fonts' order
    assert not moved_sign("निकालन", "निकलना")  # across a bare consonant: another form
    assert not moved_sign("शक्ति", "शक्ति")
    assert distance("शिक्त", "शक्ति") == LENGTH_SWAP
    assert spelling.suggestions("निकालन")[:1] == ("निकालने",)
    found = api.check("अंतरिक्ष एजेंसी ने नए उपग्रह का प्रेक्षपण टाल दिया।")
    assert [(d.code, d.fix.edits[0].replacement if d.fix else "") for d in found] == [("T002", "प्रक्षेपण")]
    # within the edit bound a loan's moved sign is one slip too (के्रडिट, a legacy font's order)
    assert not spelling._settled("क्रेडिट") and spelling.near("के्रडिट") == ((LENGTH_SWAP, "क्रेडिट"),)
    for wrong, right in (("के्रडिट", "क्रेडिट"), ("परम्पारिक", "पारम्परिक")):
        found = api.check(f"ज़्यादातर ग्राहकों ने त्योहार पर {wrong} का ज़िक्र किया।")
        assert [(d.code, d.fix.edits[0].replacement if d.fix else "") for d in found] == [("T002", right)]
    assert api.check("ज़्यादातर ग्राहकों ने त्योहार पर क्रेडिट और पारम्परिक ख़रीद का ज़िक्र किया।") == []


_SLIP_LETTERS = "कखगशसषनमरत़्ािीुूेैोौंँ"


@st.composite
def _slipped_pair(draw: st.DrawFn) -> tuple[str, str]:
    """A word of signs and sibilants and the same with a segment rotated (a sign moved, two
    swapped), its sibilants changed or a few letters replaced."""
    word = draw(st.text(st.sampled_from(_SLIP_LETTERS), min_size=2, max_size=8))
    letters = list(word)
    how = draw(st.sampled_from(("rotate", "sibilants", "replace")))
    if how == "rotate":
        i, j = sorted(draw(st.lists(st.integers(0, len(word) - 1), min_size=2, max_size=2)))
        part = letters[i : j + 1]
        letters[i : j + 1] = part[1:] + part[:1] if draw(st.booleans()) else part[-1:] + part[:-1]
    elif how == "sibilants":
        letters = [draw(st.sampled_from("शसष")) if c in "शसष" else c for c in letters]
    else:
        for at in draw(st.lists(st.integers(0, len(word) - 1), max_size=3)):
            letters[at] = draw(st.sampled_from(_SLIP_LETTERS))
    return word, "".join(letters)


@settings(max_examples=2000, derandomize=True)
@given(_slipped_pair())
def test_the_cheap_test_before_the_one_slip_tests_turns_none_away(pair: tuple[str, str]) -> None:
    """:func:`akshara.may_be_one_slip` only spares work: each slip of several signs passes it."""
    from qa.text import akshara

    a, b = pair
    diff = akshara.differences(a, b)
    slip = any(
        test(a, b, diff)
        for test in (akshara.length_swap, akshara.sibilant_slips, akshara.moved_sign, akshara.moved_nasal)
    )
    assert akshara.one_slip_of_many_signs(a, b) == slip
    assert not slip or akshara.may_be_one_slip(a, b, diff)


def test_a_skeleton_is_the_split_nukta_letters_folded() -> None:
    from qa.text import akshara

    for word in ("ढ़ूँढ़ना", "क़िला", "ज़्यादा", "पढ़ाई", "ऋषिकेश"):
        split = word.translate(akshara._SPLIT_NUKTA)
        assert akshara.nfd_nukta(word) == split
        assert akshara.skeleton(word) == split.translate(akshara._SKELETON)
    assert akshara.skeleton("\u095d\u0942\u0901\u095dना") == akshara.skeleton("ढ़ूँढ़ना") == "डुडना"


def test_a_run_longer_than_any_word_has_no_near_candidates() -> None:
    """A near index looks up no run longer than :data:`akshara.MAX_KEY` (its deletions alone
    would cost its length squared); a word's own slip still has its candidates."""
    from qa.checks.spelling import near_index
    from qa.text import akshara

    assert near_index().candidates("राष्ट्र" * 5000) == set()
    assert "राष्ट्रपति" in near_index().candidates("राष्ट्रपती")
    assert len(akshara.skeleton("राष्ट्रपति" * 3)) <= akshara.MAX_KEY


def test_a_consonant_typed_twice_is_one_slip() -> None:
    from qa.text.akshara import doubled_consonant

    assert doubled_consonant("कंपननी", "कंपनी")
    assert doubled_consonant("वायरसस", "वायरस")
    assert not doubled_consonant("कंपनी", "कंपनी")
    assert not doubled_consonant("पक्का", "पका")  # a halant's geminate: two letters apart
    assert not doubled_consonant("कपनी", "कंपनी")


@pytest.mark.parametrize(("slip", "meant"), [("आगमी", "आगामी"), ("दबव", "दबाव"), ("शसित", "शासित")])
def test_a_sign_left_out_of_a_common_word_is_its_slip_where_nothing_else_is_near(
    slip: str, meant: str
) -> None:
    assert lexicon.prior(meant) < spelling.MIN_DROPPED_SIGN_ZIPF  # below the floor for any short word
    assert spelling.corrections(slip)[0] == meant


def test_a_lone_dropped_sign_yields_to_a_word_within_the_limit() -> None:
    assert spelling.corrections("जनमे") == ("जन्मे",)  # a halant's slip, not a sign of a rarer word


@pytest.mark.parametrize(
    ("word", "expected"), [("प्ररूप", True), ("प्रसर", True), ("स्टशनों", False), ("आगमी", False)]
)
def test_a_common_word_after_a_bare_conjunct_is_a_prefixed_compound(word: str, expected: bool) -> None:
    assert spelling.prefixed(word) is expected


@pytest.mark.parametrize(("word", "twin"), [("एंव", "एवं"), ("तुंरत", "तुरंत"), ("मुहं", "मुंह")])
def test_a_listed_word_with_its_nasal_an_akshara_off_is_a_commoner_words_twin(word: str, twin: str) -> None:
    assert spelling.twins()[word][0] == twin  # एंव and मुहं are short and counted: a moved nasal is still a slip


def test_an_initial_vowel_of_the_wrong_length_is_a_twin_of_a_long_word_only() -> None:
    # both sources count उपर often, but ऊपर ten times as often; ऊन (wool) is a word of its own
    assert spelling.initial_vowel_twin("उपर", "ऊपर")
    assert not spelling.initial_vowel_twin("ऊन", "उन")
    assert spelling.common_twin("उपर") is not None and spelling.common_twin("उपर")[0] == "ऊपर"  # type: ignore[index]
    assert spelling.common_twin("ऊन") is None


@pytest.mark.parametrize(("slip", "right"), [("उपलब्धी", "उपलब्धि"), ("पुछताछ", "पूछताछ"), ("सैकडों", "सैकड़ों")])
def test_a_slip_edited_prose_has_only_twice_is_weighed_as_a_guess(slip: str, right: str) -> None:
    # the counts' floor, and the web list lacks it: the prose's own slip, not a use
    assert lexicon.corpus_zipf()[slip] <= lexicon.counted_floor() and spelling.unlisted_word(slip)
    assert spelling.corrections(slip)[0] == right
    text = f"ख़बर है कि प्रशासन ने {slip} की बात कही।"
    assert next(s for code, _, s in t_codes(text) if code in ("T002", "T006"))[0] == right  # T006: a flap


@pytest.mark.parametrize("name", ["चंदर", "मिसर", "सयम", "भगवति"])
def test_a_names_sounds_seen_twice_stay_a_use(name: str) -> None:
    # a cluster, a nasal or a final short i (कृष्ण चंदर, भगवति देवि) is no slip of spelling
    assert lexicon.corpus_zipf().get(name, 0) <= lexicon.counted_floor()
    assert spelling.corrections(name) == ()
