"""Many different documents checked at once give each its own findings: per-document
analyses live on the rule context, never in module globals."""

from __future__ import annotations

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from itertools import combinations
from pathlib import Path
from random import Random

from qa.api import Session
from tests.conftest import SEED, run_qa

#: Lines that reach the shared analyses: the Unicode scan, word clusters (N), fact claims (F)
#: and ordinal forms (T), each after a conjunct, a matra and a nukta.
LINES = [
    *SEED.read_text(encoding="utf-8").splitlines(),
    "ज़्यादा राष्ट्रपति डोनाल्ड ट्रंप अमेरिका के 47वें राष्ट्रपति हैं, हालांकि,बातचीत जारी रही।",
    "ज़्यादा क्रिकेटर सुरेश रैना और सुरेश रेना ने अख़बार पढ़ा।",
    "ख़्याल रखें कि 21वी सदी में ज़्यादा लोग अख़बार पढ़ते हैं ।",
    "क़्वारंटीन में कोरोना और करोना के मरीज़ हैं।",
    "ज़्यादा\u200bलोग शी जिनपिंग ने फेंटानल पर कहा।",
]


def _documents(count: int) -> list[str]:
    """``count`` different documents, each a different selection of the lines."""
    lines = [line for line in LINES if line.strip()]
    choices = [*combinations(lines, 2), *combinations(lines, 3)]
    return ["\n".join(chosen) + "\n" for chosen in Random(16).sample(choices, count)]


def _cli_findings(texts: list[str], folder: Path) -> list[list[dict[str, object]]]:
    for i, text in enumerate(texts):
        (folder / f"doc{i:02}.txt").write_text(text, encoding="utf-8")
    done = run_qa("check", "--format", "json", "--jobs", "1", ".", cwd=folder)
    by_path: dict[str, list[dict[str, object]]] = {f"doc{i:02}.txt": [] for i in range(len(texts))}
    for record in json.loads(done.stdout)["diagnostics"]:
        by_path[str(record.pop("path"))].append(record)
    return [by_path[f"doc{i:02}.txt"] for i in range(len(texts))]


def _served(url: str, text: str) -> list[dict[str, object]]:
    request = urllib.request.Request(
        f"{url}/api/v1/check",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        records = json.loads(response.read())["diagnostics"]
    for record in records:
        record.pop("path")
    return list(records)


def test_concurrent_server_checks_match_the_cli(qa_server: str, tmp_path: Path) -> None:
    texts = _documents(24)
    assert len(set(texts)) == len(texts)
    expected = _cli_findings(texts, tmp_path)
    with ThreadPoolExecutor(8) as pool:
        served = list(pool.map(lambda t: _served(qa_server, t), texts * 2))
    assert served == expected * 2
    assert len({json.dumps(e) for e in expected}) > len(texts) // 2  # the documents differ in findings


def test_one_session_in_many_threads() -> None:
    session, texts = Session(), _documents(16)
    alone = [session.check(t).diagnostics for t in texts]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda t: session.check(t).diagnostics, texts * 3))
    assert together == alone * 3
