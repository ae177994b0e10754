"""T033's candidate pairs and its shipped context counts."""

from __future__ import annotations

from qa import api, lexicon
from qa.checks.real_word_twins import aa_twins, one_sign_twins, rarer_twins, twin_counts, twin_of, twin_pairs
from qa.config import Config


def test_one_sign_twins_change_a_length_or_add_a_nasal() -> None:
    assert set(one_sign_twins("दुर")) == {"दूर", "दुंर", "दुरं"}
    assert "सकती" not in set(one_sign_twins("सकतीं"))  # a nasal dropped from the written word is no twin


def test_aa_twins_add_the_aa_a_word_lacks_or_move_it_back() -> None:
    assert set(aa_twins("समाने")) == {"सामने", "सामाने"}
    assert set(aa_twins("बहार")) == {"बाहर", "बाहार", "बहारा"}  # typed one consonant late, or left out
    assert set(aa_twins("स्वस्थ्य")) == {"स्वास्थ्य", "स्वस्थ्या"}  # never between a consonant and its halant
    assert set(aa_twins("पारा")) == set()  # a ा more than the twin has is no slip weighed here


def test_a_twin_short_of_an_aa_must_be_far_commoner() -> None:
    for word, twin in (("स्वस्थ्य", "स्वास्थ्य"), ("समान्य", "सामान्य"), ("अपन", "अपना")):
        found = twin_of(word)
        assert found is not None and found[0] == twin
    assert twin_of("पंच") is None  # पांच is commoner, but not by enough: the panchayat's पंच
    assert twin_of("कराने") is None  # a causative is no slip of करने


def test_aa_slips_are_read_in_context() -> None:
    assert _t033("ज़िला अस्पताल में राष्ट्रीय स्वस्थ्य मिशन की टीम पहुंची।")
    assert _t033("फ़िलहाल दिल्ली में सात नए मामले समाने आए हैं।")
    assert not _t033("फ़िलहाल गांव में पंच और सरपंच चुने गए।")


def test_pairs_come_from_frequency_and_one_sign() -> None:
    assert twin_of("दुर") is not None and twin_of("दुर")[0] == "दूर"
    assert twin_of("बीना") is not None and twin_of("बीना")[0] == "बिना"
    assert twin_of("सकतीं") is None  # a verb's plural, not the slip of सकती
    assert twin_of("बिना") is None  # the commoner word has no commoner twin
    assert twin_of("के") is None  # function words are T003's


def test_a_syllable_is_weighed_only_against_a_light_verbs_perfective() -> None:
    assert twin_of("दि") is not None and twin_of("दि")[0] == "दी"
    assert twin_of("लि") is not None and twin_of("लि")[0] == "ली"
    assert twin_of("सि") is None and twin_of("बि") is None  # letter names: सी, बी
    assert [d.code for d in api.check("स्वास्थ्य विभाग ने जानकारी दि।")] == ["T033"]
    assert api.check("दि हिंदू ने ख़बर छापी और पुलिस ने जानकारी दी।") == []


def test_shipped_counts_cover_every_pair() -> None:
    """The table was built for the current pairs (rebuild it with
    ``bench/build_spelling_context.py --twins`` when they change)."""
    counts = twin_counts()
    seen = lexicon.corpus_zipf()  # words the same prose has at least twice
    missing = sorted(
        w for w in {*twin_pairs(), *twin_pairs().values()} if w in seen and w not in counts.unigrams
    )
    assert not missing


def test_twin_table_carries_its_licence() -> None:
    import gzip

    import msgpack

    from qa.data import data_dir

    with gzip.open(data_dir() / "spelling" / "twin-context.msgpack.gz", "rb") as handle:
        licence = msgpack.load(handle, raw=False)["licence"]
    assert "CC BY-SA 4.0" in licence and "Wikipedia" in licence and "T033" in licence


def _t033(text: str) -> list[str]:
    return [d.message for d in api.check(text, config=Config()) if d.code == "T033"]


def test_the_other_way_round_only_after_a_numeral() -> None:
    """मील is मिल's rarer twin: weighed only where a numeral stands before मिल."""
    assert "मील" in rarer_twins()["मिल"]
    assert _t033("ख़बर है कि गांव शहर से 5 मिल दूर है।")
    assert not _t033("ख़बर है कि गांव शहर से मिल दूर है।")  # no numeral: मिल's own reading stays


def test_one_strong_neighbour_speaks_where_the_other_is_unknown() -> None:
    assert _t033("फ़िलहाल दुकानें बंद हैं ताकी फ़्लोरेंटीना घर में रहें।")
    assert not _t033("ख़बर है कि मंदिरों में भी दीये जलाए गए।")  # a function word alone is no strong side


def test_the_odds_decide_where_one_counted_side_wants_a_far_commoner_twin() -> None:
    assert _t033("ख़बर है कि स्वास्थ्य विभाग की टिम जांच करने पहुंची।")  # की टीम: a function word's witness
    assert not _t033("ज़्यादातर घरों में मिट्टी का दीया जलाया गया।")  # दिया जलाया: the smoothing's guess
