"""The name registry, fuzzy name clusters (N003), forbidden forms (N004), surname-first
names (N005) and ``qa names``."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from qa import api
from qa.checks import names_registry as reg
from qa.checks.names import small_edit
from qa.config import Config
from qa.errors import RuleDataError
from qa.text.normalize import key

from conftest import run_qa


def _codes(text: str, config: Config | None = None) -> list[tuple[str, str]]:
    return [(d.code, text[d.start : d.end]) for d in api.check(text, config=config) if d.code.startswith("N")]


def test_registry_has_enough_people_and_clean_data() -> None:
    people = reg.registry().people
    assert len(people) >= 100
    for person in people.values():
        for form in (*person.forms, *person.forbidden):
            assert all(unicodedata.is_normalized("NFC", w) for w in form), person.id
        accepted = {tuple(map(key, f)) for f in person.forms}
        assert not accepted & {tuple(map(key, f)) for f in person.forbidden}, person.id
    assert {"Xi Jinping", "Kim Jong Un", "Li Qiang"} <= {p.id for p in people.values() if p.surname_first}


def test_forbidden_forms() -> None:
    assert _codes("ज़्यादा राष्ट्रपति बिडेन ने कहा।") == [("N004", "बिडेन")]
    assert _codes("अध्यक्ष ओम बिड़ला ने सदन स्थगित किया।") == [("N004", "ओम बिड़ला")]
    found = api.check("ख़बर है कि जो बिडेन आए।")
    assert [(d.code, d.suggestions) for d in found if d.code == "N004"] == [("N004", ("जो बाइडन",))]


def test_two_people_with_similar_names_are_not_merged() -> None:
    text = (
        "लोकसभा अध्यक्ष ओम बिरला ने कहा कि बिरला सदन चलाएंगे। उद्योगपति कुमार मंगलम बिड़ला ने भी कहा "
        "कि बिड़ला समूह निवेश करेगा।"
    )
    assert _codes(text) == []


def test_registry_variants_that_differ_by_more_than_a_key() -> None:
    text = "राष्ट्रपति बाइडन ने कहा कि बाइडन प्रशासन तैयार है, बाइडेन ने दोहराया।"
    assert _codes(text) == [("N001", "बाइडेन")]


def test_house_name_form_from_a_profile() -> None:
    config = Config()
    config.values["house-style"] = {"profile": "digital"}
    assert _codes("राष्ट्रपति बाइडेन ने कहा कि बाइडेन प्रशासन तैयार है।", config) == [
        ("N001", "बाइडेन"),
        ("N001", "बाइडेन"),
    ]


@pytest.mark.parametrize(
    ("a", "b", "similar"),
    [
        ("रैना", "रेना", True),
        ("बोलीविया", "बोलिविया", True),
        ("महमूदाबादी", "मेहमूदाबादी", True),
        ("बिरला", "बिड़ला", False),  # र/ड़ is no slip
        ("स्पेन", "स्पेनी", False),  # an ending is an inflection
        ("राम", "रमा", False),  # too short
        ("सुनील", "सुशील", False),
    ],
)
def test_small_edit(a: str, b: str, similar: bool) -> None:
    assert small_edit(key(a), key(b)) is similar


def test_fuzzy_names_keep_different_first_names_apart() -> None:
    text = "अभिनेता रमेश अग्निहोत्री ने कहा। मंत्री सुरेश अग्नीहोत्री ने जवाब दिया। रमेश अग्निहोत्री फिर बोले।"
    assert _codes(text) == []
    same = "अभिनेता रमेश अग्निहोत्री ने कहा। अग्निहोत्री ने जवाब दिया। बाद में अग्नीहोत्री फिर बोले।"
    assert _codes(same) == [("N003", "अग्नीहोत्री")]


def test_surname_first_names() -> None:
    text = "चीन के राष्ट्रपति शी जिनपिंग ने कहा। “जिनपिंग ने फ़ोन किया,” अधिकारी ने बताया। बाद में शी बोले।"
    assert _codes(text) == [("N005", "जिनपिंग")]
    korean = "उत्तर कोरिया के नेता किम जोंग उन आए। जोंग उन ने कहा। किम ने दोहराया।"
    assert _codes(korean) == [("N005", "जोंग उन")]
    fixed = api.fix(korean, unsafe=True, select=["N005"]).text
    assert "किम ने कहा" in fixed


def test_houses_extend_the_registry(tmp_path) -> None:
    extra = tmp_path / "house-names.yaml"
    extra.write_text(
        "people:\n  - {id: Rajesh Khanna, name: राजेश खन्ना, forbidden: [राजेश खना]}\n", encoding="utf-8"
    )
    (tmp_path / "qa.toml").write_text('[names]\nfiles = ["house-names.yaml"]\n', encoding="utf-8")
    from qa.config import load

    config = load(tmp_path / "qa.toml")
    assert _codes("अभिनेता राजेश खना आए।", config) == [("N004", "राजेश खना")]


@pytest.mark.parametrize(
    "content",
    [
        "people: 3\n",
        "people:\n  - {id: X, name: राम, forbidden: [राम]}\n",
        "people:\n  - {name: राम}\n",
        "people:\n  - {id: X, name: राम, colour: red}\n",
        "people:\n  - {id: X, name: राम}\n  - {id: X, name: श्याम}\n",
        "[:",
    ],
)
def test_bad_registry_file_is_a_rule_data_error(tmp_path, content: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleDataError, match=r"bad\.yaml"):
        reg.read_people(path)


def test_qa_names_command(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("राष्ट्रपति ट्रंप ने कहा। ट्रंप प्रशासन तैयार है।\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("बाद में\nट्रम्प ने कहा कि सब गए।\n", encoding="utf-8")
    result = run_qa("names", str(tmp_path))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "ट्रंप 2 / ट्रम्प 1" in out and "b.txt:2:1" in out
    data = json.loads(run_qa("names", "--format", "json", str(tmp_path)).stdout)
    assert data["files"] == 2
    (cluster,) = data["clusters"]
    assert cluster["kind"] == "name" and [s["form"] for s in cluster["spellings"]] == ["ट्रंप", "ट्रम्प"]
    assert run_qa("names", str(tmp_path / "missing")).returncode == 2


def test_qa_names_similar_pairs(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("विधायक मेहमूदाबादी ने कहा। मेहमूदाबादी फिर बोले।\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("महमूदाबादी ने कहा कि ओम बिरला और बिड़ला मिले।\n", encoding="utf-8")
    plain = json.loads(run_qa("names", "--format", "json", str(tmp_path)).stdout)
    assert plain["clusters"] == []
    data = json.loads(run_qa("names", "--similar", "--format", "json", str(tmp_path)).stdout)
    assert [[s["form"] for s in c["spellings"]] for c in data["clusters"]] == [["मेहमूदाबादी", "महमूदाबादी"]]


def test_the_name_index_from_the_start_up_cache_is_the_one_worked_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The registry's token index and forbidden forms are kept in the start-up cache by
    person id; read back, they name the registry's own people."""
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path))
    cold = reg._registry.__wrapped__(())
    tokens, forbidden = cold._build_index()
    assert cold.token_people == tokens and key("बाइडन") in tokens
    warm = reg._registry.__wrapped__(())
    assert warm.token_people == tokens
    assert warm.forbidden == cold.forbidden
    assert warm.forbidden[(key("बिडेन"),)] == (warm.people["Joe Biden"], ("बाइडन",))
    assert all(person is warm.people[person.id] for person, _ in warm.forbidden.values())
    assert {k: (p.id, name) for k, (p, name) in warm.forbidden.items()} == forbidden
