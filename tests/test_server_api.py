"""``qa serve`` over real HTTP: LanguageTool's wire format, errors, limits and the native API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server_fixture import start_server, stop_server

COPY = "ज़्यादा राष्ट्रपति ने कहा ,ठीक है।"


@pytest.fixture(scope="module")
def http(qa_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=qa_server, timeout=30) as client:
        yield client


def test_form_body_is_parsed_whatever_the_content_type(http: httpx.Client) -> None:
    """LTeX sends a form body labelled application/json; the answer must not change."""
    form = {"language": "hi-IN", "text": COPY}
    plain = http.post("/v2/check", data=form).json()
    ltex = http.post(
        "/v2/check",
        content=httpx.QueryParams(form).__str__(),
        headers={"Content-Type": "application/json"},
    ).json()
    by_get = http.get("/v2/check", params=form).json()
    assert plain["matches"] == ltex["matches"] == by_get["matches"]
    (match,) = plain["matches"]
    assert (match["offset"], match["length"], match["rule"]["id"]) == (COPY.index(" ,"), 2, "P002")
    assert plain["language"]["code"] == "hi-IN" and plain["software"]["apiVersion"] == 1


def test_annotated_data_offsets_count_the_markup(http: httpx.Client) -> None:
    data = {
        "annotation": [
            {"markup": "<p>", "interpretAs": "\n\n"},
            {"text": "ज़्यादा राष्ट्रपति ने "},
            {"markup": "<b>"},
            {"text": "कहा"},
            {"markup": "</b>"},
            {"text": " ,ठीक है।"},
        ]
    }
    original = "".join(part.get("text", part.get("markup", "")) for part in data["annotation"])
    answer = http.post("/v2/check", data={"language": "auto", "data": json.dumps(data)}).json()
    (match,) = answer["matches"]
    assert original[match["offset"] : match["offset"] + match["length"]] == " ,"
    assert "<b>" not in match["sentence"] and answer["language"]["detectedLanguage"]["code"] == "hi-IN"


def test_utf16_offsets_and_context_with_newlines_as_spaces(http: httpx.Client) -> None:
    text = "😀 पहली पंक्ति।\n" + COPY
    (match,) = http.post("/v2/check", data={"language": "hi", "text": text}).json()["matches"]
    assert match["offset"] == text.index(" ,") + 1  # the emoji is two UTF-16 code units
    context = match["context"]
    units = context["text"].encode("utf-16-le")  # LanguageTool's offsets count UTF-16 code units
    start, end = 2 * context["offset"], 2 * (context["offset"] + context["length"])
    assert "\n" not in context["text"] and units[start:end].decode("utf-16-le") == " ,"


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"text": COPY}, 400, "Missing 'language'"),
        ({"language": "hi"}, 400, "Missing 'text' or 'data'"),
        ({"language": "hi", "text": "क", "data": "{}"}, 400, "not both"),
        ({"language": "de-DE", "text": "Hallo"}, 400, "not a language code known"),
        ({"language": "auto", "text": "This is English."}, 400, "does not look like Hindi"),
        ({"language": "hi", "text": COPY, "level": "eager"}, 400, "level"),
        ({"language": "hi", "text": COPY, "enabledOnly": "true"}, 400, "enabledOnly"),
        ({"language": "hi", "data": "not json"}, 400, "parse JSON"),
        ({"language": "hi", "text": "क" * 50_001}, 413, "exceeds the limit"),
    ],
)
def test_errors_are_plain_text_with_languagetool_status_codes(
    http: httpx.Client, params: dict[str, str], status: int, message: str
) -> None:
    response = http.post("/v2/check", data=params)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text.startswith("Error: ") and message in response.text


def test_oversized_body_is_413_and_unknown_action_404(http: httpx.Client) -> None:
    response = http.post("/v2/check", content=b"language=hi&text=" + b"k" * 300_000)
    assert response.status_code == 413 and response.text.startswith("Error: ")
    assert http.post("/api/v1/check", json={"text": "क" * 100_000}).status_code == 413
    response = http.get("/v2/words")
    assert response.status_code == 404 and response.text == "Error: Unsupported action: '/v2/words'"


def test_categories_and_picky(http: httpx.Client) -> None:
    text = COPY + "\nदूसरी  पंक्ति"

    def ids(**params: str) -> list[str]:
        answer = http.post("/v2/check", data={"language": "hi", "text": text, **params}).json()
        return [m["rule"]["id"] for m in answer["matches"]]

    assert ids() == ["P002", "P004"]
    assert ids(disabledCategories="TYPOGRAPHY") == []
    assert ids(enabledOnly="true", enabledCategories="TYPOGRAPHY", disabledRules="") == ["P002", "P004"]
    assert ids(disabledRules="SPACE_BEFORE_PUNCTUATION") == ["P004"]
    assert set(ids(level="picky")) >= {"P002", "P004"}


def test_info_endpoints(http: httpx.Client) -> None:
    assert http.get("/v2/languages").json() == [{"name": "Hindi", "code": "hi", "longCode": "hi-IN"}]
    assert http.get("/v2/healthcheck").text == "OK"
    assert http.get("/v2/maxtextlength").text == "50000"
    assert http.get("/v2/info").json()["software"]["name"] == "qa"
    info = http.get("/v2/configinfo", params={"language": "hi-IN"}).json()
    assert info["parameter"]["maxTextLength"] == 50000
    by_id = {rule["ruleId"]: rule for rule in info["rules"]}
    assert (by_id["P002"]["categoryId"], by_id["P002"]["locQualityIssueType"]) == ("TYPOGRAPHY", "whitespace")
    assert http.get("/v2/configinfo", params={"language": "fr"}).status_code == 400


def test_native_check_matches_the_cli_json_report(http: httpx.Client, qa_cli) -> None:
    answer = http.post("/api/v1/check", json={"text": COPY, "date": "2026-11-26"}).json()
    cli = json.loads(qa_cli("check", "-", "--format", "json", input=COPY.encode()).stdout)
    assert answer == cli


def test_native_formats_selection_fix_and_rules(http: httpx.Client) -> None:
    html = "<p>ज़्यादा राष्ट्रपति ने <b>कहा</b> ,ठीक&nbsp;है।</p>"
    records = http.post("/api/v1/check", json={"text": html, "format": "html"}).json()["diagnostics"]
    (record,) = [r for r in records if r["code"] == "P002"]
    assert html[record["start"] : record["end"]] == " ,"
    payload = json.dumps({"headline": COPY, "slug": COPY}, ensure_ascii=False)
    (record,) = http.post("/api/v1/check", json={"text": payload, "format": "cms-json"}).json()["diagnostics"]
    assert record["field"] == "headline"
    assert http.post("/api/v1/check", json={"text": COPY, "ignore": ["P002"]}).json()["diagnostics"] == []
    unknown = http.post("/api/v1/check", json={"text": COPY, "select": ["Q999"]})
    assert unknown.status_code == 400 and "Q999" in unknown.json()["detail"]
    fixed = http.post("/api/v1/fix", json={"text": COPY}).json()
    assert fixed["text"] == "ज़्यादा राष्ट्रपति ने कहा, ठीक है।" and fixed["diagnostics"] == []
    rules = {rule["code"]: rule for rule in http.get("/api/v1/rules").json()}
    assert rules["P002"]["name"] == "space-before-punctuation" and rules["P002"]["default"] is True


def test_no_cors_by_default_and_openapi_is_served(http: httpx.Client) -> None:
    response = http.post("/api/v1/check", json={"text": COPY}, headers={"Origin": "https://cms.example"})
    assert "access-control-allow-origin" not in response.headers
    paths = http.get("/openapi.json").json()["paths"]
    assert {"/api/v1/check", "/api/v1/fix", "/api/v1/rules", "/v2/check"} <= set(paths)


def test_cors_when_configured(tmp_path: Path) -> None:
    (tmp_path / "qa.toml").write_text('[server]\ncors-origins = ["https://cms.example"]\n', encoding="utf-8")
    process, url = start_server(tmp_path, env={"QA_LANGUAGETOOL_URL": ""})
    try:
        response = httpx.post(
            f"{url}/v2/check",
            data={"language": "hi", "text": COPY},
            headers={"Origin": "https://cms.example"},
        )
        assert response.headers["access-control-allow-origin"] == "https://cms.example"
        too_large = httpx.post(
            f"{url}/api/v1/check",
            json={"text": "क" * 400_000},
            headers={"Origin": "https://cms.example"},
        )
        assert too_large.status_code == 413  # the browser may read why
        assert too_large.headers["access-control-allow-origin"] == "https://cms.example"
    finally:
        stop_server(process)


def test_serve_binds_loopback_by_default() -> None:
    from qa.commands.serve import serve

    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_chunked_body_over_the_limit_is_413(http: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"language=hi&text="
        for _ in range(30):
            yield b"k" * 10_000

    response = http.post("/v2/check", content=chunks())
    assert response.status_code == 413 and response.text.startswith("Error: ")


def test_serve_sees_an_edited_house_word_list(tmp_path: Path) -> None:
    """A long-running server reads an accept file again once it changes."""
    (tmp_path / "qa.toml").write_text('[lexicon]\naccept-files = ["words.txt"]\n', encoding="utf-8")
    (tmp_path / "words.txt").write_text("x\n", encoding="utf-8")
    process, url = start_server(tmp_path, env={"QA_LANGUAGETOOL_URL": ""})
    try:

        def codes() -> list[str]:
            answer = httpx.post(f"{url}/api/v1/check", json={"text": "उसने वायस की बात कही।"}, timeout=30)
            return [d["code"] for d in answer.json()["diagnostics"]]

        assert codes() == ["T002"]
        (tmp_path / "words.txt").write_text("x\nवायस\n", encoding="utf-8")
        assert codes() == []
    finally:
        stop_server(process)
