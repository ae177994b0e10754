"""The fact base (every office table), claim checking and date-derived counts."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
import regex

from qa import api
from qa.checks import facts_data, facts_index
from qa.checks.facts import _allowed
from qa.errors import ConfigError
from tests.conftest import SEED

BASE = facts_data.load()
OFFICES = {o.id: o for o in BASE.offices}
SEED_DATE = dt.date(2025, 1, 21)


def test_fact_files_have_no_problems() -> None:
    assert facts_data.problems() == []


def test_the_fact_base_from_the_start_up_cache_is_the_parsed_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path))
    parsed = facts_data._parse(facts_data.fact_files())
    cold = facts_data.load.__wrapped__()
    warm = facts_data.load.__wrapped__()  # read back from the entry the cold call wrote
    assert list(tmp_path.glob("facts-*.marshal"))
    assert cold == warm == parsed and any(t.terms[0][1] is None for o in warm.offices for t in o.tenures)


def test_name_patterns_from_the_start_up_cache_are_the_ones_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fact base's name patterns are kept for the next process; what it reads back is
    what it made (every holder's aliases, and names with dots and spaces)."""
    monkeypatch.setenv("QA_DATA_CACHE", str(tmp_path))
    names = [alias for o in BASE.offices for t in o.tenures for alias in t.aliases] + ["जे. डी. वेंस"]
    monkeypatch.setattr(facts_index, "_patterns", functools.cache(facts_index._patterns.__wrapped__))
    made = facts_index.names_pattern(names)
    facts_index._patterns()._save()  # as the process would at exit
    monkeypatch.setattr(facts_index, "_patterns", functools.cache(facts_index._patterns.__wrapped__))
    assert facts_index._patterns().get(tuple(sorted(set(names), key=facts_index._longest_first))) == made
    assert facts_index.names_pattern(reversed(names)) == made
    assert regex.search(made, "उप राष्ट्रपति जे.डी. वेंस ने कहा").group().strip() == "जे.डी. वेंस"


@pytest.mark.parametrize("office", BASE.offices, ids=lambda o: o.id)
def test_nth_holder_has_ordinal_n(office: facts_data.Office) -> None:
    numbered = [t for t in office.tenures if not t.acting]
    first = 1 if office.complete else numbered[0].ordinal
    assert [t.ordinal for t in numbered] == list(range(first, first + len(numbered)))
    assert [t.start for t in numbered] == sorted(t.start for t in numbered)
    assert all(t.source for t in office.tenures)


@pytest.mark.parametrize(
    ("office", "count", "people"),
    [("us-president", 47, 45), ("india-president", 15, 15), ("india-prime-minister", 14, 14),
     ("lok-sabha", 18, 18), ("india-vice-president", 15, 15), ("un-secretary-general", 9, 9)],
)  # fmt: skip
def test_complete_lists(office: str, count: int, people: int) -> None:
    tenures = [t for t in OFFICES[office].tenures if not t.acting]
    assert len(tenures) == count
    assert len({t.holder for t in tenures}) == people


@pytest.mark.parametrize(
    ("office", "holder", "ordinals"),
    [("us-president", "donald-trump", (45, 47)), ("us-president", "grover-cleveland", (22, 24)),
     ("us-president", "joe-biden", (46,)), ("us-president", "george-washington", (1,)),
     ("india-prime-minister", "narendra-modi", (14, 15)), ("india-prime-minister", "jawaharlal-nehru", (1,)),
     ("india-prime-minister", "gulzarilal-nanda", (2,)), ("india-president", "droupadi-murmu", (15,)),
     ("india-president", "rajendra-prasad", (1,)), ("india-president", "v-v-giri", (4,)),
     ("india-vice-president", "c-p-radhakrishnan", (15,)), ("india-chief-justice", "surya-kant", (53,)),
     ("india-chief-election-commissioner", "gyanesh-kumar", (26,)), ("pope", "leo-xiv", (267,)),
     ("us-vice-president", "jd-vance", (50,)), ("un-secretary-general", "antonio-guterres", (9,))],
)  # fmt: skip
def test_known_ordinals_and_disputed_numbering(office: str, holder: str, ordinals: tuple[int, ...]) -> None:
    assert OFFICES[office].ordinals_of(holder) == ordinals


@pytest.mark.parametrize(
    ("office", "day", "holder"),
    [("us-president", "2025-01-19", "joe-biden"), ("us-president", "2025-01-20", "donald-trump"),
     ("lok-sabha", "2025-01-21", "lok-sabha-18"), ("lok-sabha", "2024-01-01", "lok-sabha-17"),
     ("india-chief-justice", "2025-12-01", "surya-kant"), ("india-vice-president", "2025-08-01", None),
     ("india-president", "1969-06-01", None), ("pope", "2025-05-01", None)],
)  # fmt: skip
def test_holder_on_a_date(office: str, day: str, holder: str | None) -> None:
    tenure = OFFICES[office].tenure_on(dt.date.fromisoformat(day))
    assert (tenure.holder if tenure else None) == holder


def _f(text: str, code: str = "F020", date: dt.date | None = SEED_DATE) -> list:
    return [d for d in api.check(text, date=date, select=[code])]


def test_seed_article_claim_is_verified() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert _f(text) == []
    verified = _f(text, "F021")
    assert [text[d.start : d.end] for d in verified] == ["47वें राष्ट्रपति"]
    assert "Donald Trump" in verified[0].message


def test_seed_article_with_46_is_reported() -> None:
    text = SEED.read_text(encoding="utf-8").replace("47वें", "46वें")
    found = _f(text)
    assert [text[d.start : d.end] for d in found] == ["46वें"]
    assert "45th and 47th" in found[0].message and "whitehouse.gov" in found[0].message
    assert found[0].suggestions == ("45वें", "47वें")


def test_library_callers_may_pass_the_date_as_a_string() -> None:
    text = "देश आज 80वां स्वतंत्रता दिवस मना रहा है।"
    assert [d.code for d in api.check(text, date="2025-08-15", select=["F030"])] == ["F030"]
    assert api.check(text, date="2026-08-15", select=["F030"]) == []
    with pytest.raises(ConfigError, match="2025-13-01"):
        api.check(text, date="2025-13-01")


def test_count_message_names_the_person_not_an_id() -> None:
    (found,) = api.check("इंदिरा गांधी की 105वीं जयंती मनाई गई।", date="2024-11-19", select=["F030"])
    assert "107th" in found.message and "इंदिरा गांधी" in found.message
    assert "indira-gandhi" not in found.message


def test_seed_claim_through_the_cli(qa_cli) -> None:
    result = qa_cli("check", "--date", "2025-01-21", "--select", "F", str(SEED))
    assert b"F020" not in result.stdout


@pytest.mark.parametrize(
    ("text", "reported"),
    [("16वें प्रधानमंत्री नरेंद्र मोदी ने कहा।", ["16वें"]),
     ("15वें प्रधानमंत्री नरेंद्र मोदी ने कहा।", []),
     ("14वें प्रधानमंत्री नरेंद्र मोदी ने कहा।", []),
     ("द्रौपदी मुर्मू भारत की 15वीं राष्ट्रपति हैं।", []),
     ("द्रौपदी मुर्मू भारत की 16वीं राष्ट्रपति हैं।", ["16वीं"]),
     ("ग्रोवर क्लीवलैंड 24वें राष्ट्रपति बने।", []),
     ("ग्रोवर क्लीवलैंड 23वें राष्ट्रपति बने।", ["23वें"]),
     ("संयुक्त राष्ट्र के 8वें महासचिव एंटोनियो गुटेरेस ने कहा।", ["8वें"]),
     ("ट्रंप 47वें अमेरिकी राष्ट्रपति हैं।", []),
     ("ट्रंप 46वें अमेरिकी राष्ट्रपति हैं।", ["46वें"]),
     ("भारत के पंद्रहवें राष्ट्रपति रामनाथ कोविंद थे।", ["पंद्रहवें"]),
     ("वे देश के 16वें प्रधानमंत्री हैं।", []),  # a pronoun: no claim
     ("ट्रंप ने रूस के 3वें राष्ट्रपति से बात की।", []),  # an office the fact base lacks
     ("बाइडन ने कहा कि अमेरिका के 47वें राष्ट्रपति ने वादा तोड़ा।", []),
     ("ट्रंप ने अमेरिका के 16वें राष्ट्रपति अब्राहम लिंकन की तारीफ़ की।", []),
     ("ओबामा ने कहा कि 45वें राष्ट्रपति के रूप में शपथ लेने वाले आए।", []),  # another clause
     ("ट्रंप, जिन्होंने हिलेरी को हराया था, 46वें राष्ट्रपति बने।", ["46वें"]),
     ("मोदी ने कहा कि ट्रंप अमेरिका के 46वें राष्ट्रपति हैं।", ["46वें"]),
     ("भारत के प्रथम राष्ट्रपति डॉ॰ राजेन्द्र प्रसाद ने उद्घाटन किया।", []),
     ("भारत के द्वितीय राष्ट्रपति डॉ॰ राजेन्द्र प्रसाद ने उद्घाटन किया।", ["द्वितीय"]),
     ("पोप लियो 14वें ने कहा।", []),  # a regnal number, not an office ordinal
     ("कैथोलिक समुदाय के 266वें पोप लियो 14वें चुने गए।", ["266वें"]),
     ("जेडी वेंस अमेरिका के 49वें उपराष्ट्रपति बने।", ["49वें"]),
     ("कमला हैरिस अमेरिका की 49वीं उपराष्ट्रपति थीं।", []),
     ("संजीव खन्ना देश के 50वें मुख्य न्यायाधीश बने।", ["50वें"]),
     ("अमेरिकी राष्ट्रपति ट्रंप, जो देश के 46वें राष्ट्रपति हैं, ने बयान दिया।", ["46वें"]),
     ("ओबामा के बाद ट्रंप 45वें राष्ट्रपति बने और बाइडन 46वें।", [])],
)  # fmt: skip
def test_claims(text: str, reported: list[str]) -> None:
    assert [text[d.start : d.end] for d in _f(text)] == reported


def test_current_holder_uses_the_date_and_says_when_it_is_today() -> None:
    text = "मौजूदा 17वीं लोकसभा में बहस हुई।"
    assert len(_f(text, "F022", dt.date(2025, 3, 1))) == 1
    assert _f(text, "F022", dt.date(2023, 3, 1)) == []
    today = _f("मौजूदा 1वीं लोकसभा में बहस हुई।", "F022", None)
    assert today and "today" in today[0].message


@pytest.mark.parametrize(
    ("text", "day", "reported"),
    [("अमेरिका के 48वें राष्ट्रपति ने कहा।", "2025-06-01", True),
     ("अमेरिका के 47वें राष्ट्रपति ने कहा।", "2025-01-19", True),
     ("अमेरिका के 47वें राष्ट्रपति ने कहा।", "2025-01-20", False),
     ("देश के 16वें प्रधानमंत्री ने कहा।", "2025-06-01", True),
     ("देश के 15वें प्रधानमंत्री ने कहा।", "2025-06-01", False),  # Modi, counted with Nanda
     ("19वीं लोकसभा के चुनाव 2029 में होंगे।", "2025-06-01", False),
     ("राष्ट्रपति ने कहा कि 48वें राष्ट्रपति कौन होंगे, पता नहीं।", "2025-06-01", False)],
)  # fmt: skip
def test_not_yet_held(text: str, day: str, reported: bool) -> None:
    assert bool(_f(text, "F024", dt.date.fromisoformat(day))) is reported


@pytest.mark.parametrize(
    ("ordinal", "day", "ok"),
    [("79वां", "2025-08-10", True), ("79वां", "2025-08-15", True), ("79वां", "2025-08-16", True),
     ("80वां", "2025-08-14", False), ("80वां", "2025-08-15", False), ("80वां", "2025-08-16", False),
     ("80वां", "2026-01-10", True), ("78वां", "2025-01-21", True), ("78वां", "2025-03-01", False),
     ("78वां", "2025-08-15", False)],
)  # fmt: skip
def test_independence_day_around_15_august(ordinal: str, day: str, ok: bool) -> None:
    found = _f(f"देश ने {ordinal} स्वतंत्रता दिवस मनाया।", "F030", dt.date.fromisoformat(day))
    assert (found == []) is ok


@pytest.mark.parametrize(
    ("ordinal", "day", "ok"),
    [("76वें", "2025-01-21", True), ("76वें", "2025-01-26", True), ("76वें", "2025-01-27", True),
     ("77वें", "2025-01-25", False), ("77वें", "2025-01-27", False), ("77वें", "2025-12-20", True),
     ("75वें", "2025-01-25", False), ("76वें", "2025-06-01", True)],
)  # fmt: skip
def test_republic_day_around_26_january(ordinal: str, day: str, ok: bool) -> None:
    found = _f(f"{ordinal} गणतंत्र दिवस की परेड हुई।", "F030", dt.date.fromisoformat(day))
    assert (found == []) is ok


def test_allowed_counts_near_the_day() -> None:
    independence = dt.date(1947, 8, 15)
    assert _allowed(independence, dt.date(2025, 8, 15), 1) == (79,)
    assert _allowed(independence, dt.date(2025, 1, 21), 1) == (78, 79)
    assert _allowed(independence, dt.date(2025, 12, 1), 1) == (79,)


@pytest.mark.parametrize(
    ("text", "day", "ok"),
    [("महात्मा गांधी की 156वीं जयंती पर", "2025-10-02", True),
     ("महात्मा गांधी की 155वीं जयंती पर", "2025-10-02", False),
     ("बापू की 77वीं पुण्यतिथि पर", "2025-01-30", True),
     ("156वीं गांधी जयंती पर", "2025-10-02", True),
     ("157वीं गांधी जयंती पर", "2025-10-02", False),
     ("आज़ादी की 78वीं वर्षगांठ पर", "2025-08-15", True),
     ("आज़ादी की 80वीं वर्षगांठ पर", "2025-08-15", False),
     ("भाजपा का 45वां स्थापना दिवस", "2025-04-06", True),
     ("भाजपा का 46वां स्थापना दिवस", "2025-04-06", True),
     ("भाजपा का 47वां स्थापना दिवस", "2025-04-06", False),
     ("बाबासाहेब आंबेडकर का 69वां महापरिनिर्वाण दिवस", "2025-12-06", True),
     ("1969 में गांधी की 100वीं जयंती मनाई गई", "2025-10-02", True),
     ("भारत की आजादी की 75वीं वर्षगांठ मनाने की तैयारी", "2021-03-12", True),  # a coming count
     ("आगामी 80वें स्वतंत्रता दिवस की तैयारी", "2025-01-21", True),
     ("भारत की आजादी की 75वीं वर्षगांठ पर बधाई", "2021-03-12", False)],
)  # fmt: skip
def test_anniversaries(text: str, day: str, ok: bool) -> None:
    assert (_f(text, "F030", dt.date.fromisoformat(day)) == []) is ok


def test_facts_check_cli_ok(qa_cli) -> None:
    result = qa_cli("facts", "check")
    assert result.returncode == 0 and result.stdout.startswith(b"ok:")


OFFICE = """\
id: test-mayor
title: Mayor of Testpur
nouns: [महापौर]
places: [टेस्टपुर]
complete: true
source: test fixture
holders:
  - {id: a, name: A, aliases: [अमित शर्मा], ordinal: 1, terms: [[2000-01-01, 2005-01-01]]}
  - {id: b, name: B, aliases: [बीना वर्मा], ordinal: 2, terms: [[2005-01-01, null]]}
"""


@pytest.mark.parametrize(
    ("change", "problem"),
    [("2000-01-01, 2005-01-01", None),
     ("[2005-01-01, null]", None),
     ("ordinal: 2", None)],
)  # fmt: skip
def test_desk_office_file_is_validated(tmp_path: Path, qa_cli, change: str, problem: str | None) -> None:
    (tmp_path / "mayor.yaml").write_text(OFFICE, encoding="utf-8")
    assert qa_cli("facts", "check", str(tmp_path)).returncode == 0
    broken = {
        "2000-01-01, 2005-01-01": OFFICE.replace("2000-01-01, 2005-01-01", "2000-01-01, 2006-01-01"),
        "[2005-01-01, null]": OFFICE.replace("ordinal: 2", "ordinal: 3"),
        "ordinal: 2": OFFICE.replace("ordinal: 2, ", ""),
    }[change]
    (tmp_path / "mayor.yaml").write_text(broken, encoding="utf-8")
    result = qa_cli("facts", "check", str(tmp_path))
    assert result.returncode == 1
    assert b"mayor.yaml" in result.stdout
    assert any(word in result.stdout for word in (b"overlap", b"expected 2", b"acting"))


def test_desk_office_is_used_by_the_rules(tmp_path: Path, qa_cli) -> None:
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "mayor.yaml").write_text(OFFICE, encoding="utf-8")
    (tmp_path / "qa.toml").write_text('[facts]\npaths = ["facts"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("टेस्टपुर के 5वें महापौर बीना वर्मा ने कहा।\n", encoding="utf-8")
    config, article = str(tmp_path / "qa.toml"), str(tmp_path / "a.txt")
    result = qa_cli("check", "--config", config, "--select", "F020", article)
    assert b"F020" in result.stdout and b"2nd Mayor of Testpur" in result.stdout


def test_broken_fact_file_is_a_one_line_error(tmp_path: Path, qa_cli) -> None:
    (tmp_path / "bad.yaml").write_text("id: [", encoding="utf-8")
    result = qa_cli("facts", "check", str(tmp_path))
    assert result.returncode == 1 and b"bad.yaml: not valid YAML" in result.stdout
    assert b"Traceback" not in result.stderr


def test_front_matter_date_is_used_and_named() -> None:
    text = "---\ndate: 2025-08-15\n---\n\nदेश ने 80वां स्वतंत्रता दिवस मनाया।\n"
    found = api.check(text, format="markdown", select=["F030"])
    assert [text[d.start : d.end] for d in found] == ["80वां"]
    assert "article date 2025-08-15" in found[0].message and "79th" in found[0].message
    assert found[0].suggestions == ("79वां",)


def test_broken_desk_fact_file_stops_the_check(tmp_path: Path, qa_cli) -> None:
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "mayor.yaml").write_text(OFFICE.replace("title: Mayor of Testpur\n", ""), "utf-8")
    (tmp_path / "qa.toml").write_text('[facts]\npaths = ["facts"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("टेस्टपुर के 5वें महापौर बीना वर्मा ने कहा।\n", encoding="utf-8")
    config, article = str(tmp_path / "qa.toml"), str(tmp_path / "a.txt")
    result = qa_cli("check", "--config", config, "--select", "F020", article)
    assert result.returncode == 2
    assert b"mayor.yaml" in result.stderr and b"'title' is required" in result.stderr
    assert b"Traceback" not in result.stderr
    # a text without an ordinal needs no fact base, but the desk's file is still checked
    (tmp_path / "b.txt").write_text("टेस्टपुर के महापौर बीना वर्मा ने कहा।\n", encoding="utf-8")
    result = qa_cli("check", "--config", config, "--select", "F020,F022,F024", str(tmp_path / "b.txt"))
    assert result.returncode == 2 and b"'title' is required" in result.stderr
