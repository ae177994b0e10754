"""The HTML report: a pure function of the results, checked in headless Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from languagetool_fixture import unavailable

from qa.diagnostic import Diagnostic, Severity
from qa.report import FileResult
from qa.report.html import render

from conftest import ROOT, SEED, run_qa

SEED_DATE = "2025-01-21"
SEED_ARG = str(SEED.relative_to(ROOT))  # the report shows the path as given
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside the report's article."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def find(self, tag: str, cls: str | None = None) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and (cls is None or cls in a.get("class", "").split())]


def _diagnostic(code: str, start: int, end: int, severity: Severity = Severity.WARNING) -> Diagnostic:
    return Diagnostic(code, "name", severity, f"message <{code}>", start, end, ("सुझाव",), None)


def test_overlapping_and_empty_findings_each_get_one_anchor() -> None:
    source = "राष्ट्रपति <b> ने कहा"
    found = [
        _diagnostic("T001", 0, 10),
        _diagnostic("P004", 5, 13, Severity.ERROR),
        _diagnostic("P001", 14, 14),
    ]
    page = render([FileResult("a&b.txt", source, found)], {})
    tags = Elements(page)
    assert len(tags.find("span", "anchor")) == 3
    assert len(tags.find("li")) == 3
    assert [m["data-d"] for m in tags.find("mark", "hl")] == ["0-0", "0-0 0-1", "0-1", "0-2"]
    assert tags.find("mark", "zero")[0]["data-first"] == "0-2"
    described = {a["id"] for a in tags.find("span", "body")}
    assert all(set(m["aria-describedby"].split()) <= described for m in tags.find("mark", "hl"))
    assert "&lt;b" in page and "<b>" not in page and "a&amp;b.txt" in page
    assert render([FileResult("a&b.txt", source, found)], {}) == page  # a pure function


def test_no_files_is_still_a_page() -> None:
    page = render([], {})
    assert "<title>qa report: 0 files</title>" in page and "All clear" in page


def test_self_contained() -> None:
    page = render([FileResult("x.txt", "क,ख", [_diagnostic("P001", 1, 2)])], {})
    assert "http://" not in page and "https://" not in page and " src=" not in page
    assert "Noto Sans Devanagari" in page and 'name="viewport"' in page


def chromium(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("chromium")
    if binary is None:
        unavailable("Debian's chromium is not installed (make system-deps)")
    command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _report(tmp_path: Path, article: str) -> tuple[Path, list[dict[str, object]]]:
    """The HTML report of ``article`` in a file, and its findings as JSON records."""
    report = tmp_path / "report.html"
    done = run_qa("check", "--exit-zero", "--date", SEED_DATE, "--format", "html", "-o", str(report), article)
    assert done.returncode == 0, done.stderr.decode()
    records = json.loads(
        run_qa("check", "--exit-zero", "--date", SEED_DATE, "--format", "json", article).stdout
    )
    return report, records["diagnostics"]


@pytest.fixture
def seed_report(tmp_path: Path) -> tuple[Path, list[dict[str, object]]]:
    return _report(tmp_path, SEED_ARG)


# Appended to a copy of the report: press j, j, k, j, then untick "warning".
_DRIVE = """<script>
function key(k){document.dispatchEvent(new KeyboardEvent('keydown',{key:k,bubbles:true}));}
key('j');key('j');key('k');key('j');
document.body.dataset.current=document.querySelector('li.current').dataset.d;
document.body.dataset.markCurrent=document.querySelectorAll('mark.current').length;
var box=document.querySelector('.filters input[value=warning]');box.checked=false;
box.dispatchEvent(new Event('change'));
</script></body>"""


@pytest.mark.chromium
def test_seed_report_inchromium(seed_report: tuple[Path, list[dict[str, object]]], tmp_path: Path) -> None:
    report, records = seed_report
    assert records, "the seed article has findings"
    dom = chromium("--dump-dom", report.as_uri(), tmp_path=tmp_path)
    tags = Elements(dom.stdout)
    body = tags.find("body")[0]
    assert body["data-ready"] == "1", dom.stderr[-500:]
    assert int(body["data-visible"]) == len(records)
    anchors = [a["id"] for a in tags.find("span", "anchor")]
    assert len(anchors) == len(records) == len(tags.find("li"))
    source = SEED.read_text(encoding="utf-8")
    firsts = {i for m in tags.find("mark", "hl") for i in m["data-first"].split()}
    assert firsts == {a.removeprefix("d") for a in anchors}
    assert {r["text"] for r in records} <= set(source[r["start"] : r["end"]] for r in records)

    ARTIFACTS.mkdir(exist_ok=True)
    for name, size in (("seed-report.png", "1280,900"), ("seed-report-phone.png", "390,844")):
        shot = ARTIFACTS / name
        shot.unlink(missing_ok=True)
        chromium(f"--screenshot={shot}", f"--window-size={size}", report.as_uri(), tmp_path=tmp_path)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.chromium
def test_keyboard_navigation_and_filters(
    seed_report: tuple[Path, list[dict[str, object]]], tmp_path: Path
) -> None:
    report, records = seed_report
    driven = tmp_path / "driven.html"
    driven.write_text(report.read_text(encoding="utf-8").replace("</body>", _DRIVE), encoding="utf-8")
    body = Elements(chromium("--dump-dom", driven.as_uri(), tmp_path=tmp_path).stdout).find("body")[0]
    assert len(records) >= 2
    assert body["data-current"] == "0-1"  # j, j, k, j: first, second, first, second
    assert body["data-mark-current"] == "1"
    warnings = sum(1 for r in records if r["severity"] == "warning")
    assert int(body["data-visible"]) == len(records) - warnings


HABIT_ARG = "fixtures/articles/house-habit.txt"


def test_a_house_habit_is_one_closed_group_after_the_other_findings(tmp_path: Path) -> None:
    report, records = _report(tmp_path, HABIT_ARG)
    habit = [r for r in records if r["code"] == "P002"]
    others = [r for r in records if r["code"] != "P002"]
    assert len(habit) >= 10 and others
    html = report.read_text(encoding="utf-8")
    tags = Elements(html)
    groups = tags.find("li", "group")
    assert [g["data-code"] for g in groups] == ["P002"]
    assert "open" not in tags.find("details")[0]
    assert f"<summary>{len(habit)} × P002 space-before-punctuation, all fixable with --fix</summary>" in html
    items = [a for a in tags.find("li") if "data-d" in a]
    assert [a["data-code"] for a in items] == [r["code"] for r in others] + ["P002"] * len(habit)
    assert len(tags.find("span", "anchor")) == len(records)  # every finding keeps its place in the text
    # the fix of a space shows the space as a dot: "हुई·। → हुई।"
    assert html.count('<span class=ws title="space">·</span>') >= len(habit)
    assert '<option value="P002">P002 space-before-punctuation (12)</option>' in html


# Appended to a copy of the habit report: count what shows, pick P002 in the rule filter,
# count again, then go back to all rules.
_FILTER = """<script>
var b=document.body,select=document.querySelector('.filters select');
b.dataset.before=b.dataset.visible;
select.value='P002';select.dispatchEvent(new Event('change'));
b.dataset.p002=b.dataset.visible;
b.dataset.open=document.querySelector('li.group details').open?'1':'0';
b.dataset.hiddenMarks=document.querySelectorAll('mark.hl.off').length;
b.dataset.shownOthers=[].filter.call(document.querySelectorAll('li[data-d]'),function(li){
 return li.dataset.code!=='P002'&&li.offsetParent!==null;}).length;
select.value='';select.dispatchEvent(new Event('change'));
b.dataset.after=b.dataset.visible;
b.dataset.dot=getComputedStyle(document.querySelector('.fix .ws')).display;
</script></body>"""


@pytest.mark.chromium
def test_rule_filter_and_groups_in_chromium(tmp_path: Path) -> None:
    report, records = _report(tmp_path, HABIT_ARG)
    driven = tmp_path / "driven.html"
    driven.write_text(report.read_text(encoding="utf-8").replace("</body>", _FILTER), encoding="utf-8")
    body = Elements(chromium("--dump-dom", driven.as_uri(), tmp_path=tmp_path).stdout).find("body")[0]
    habit = sum(1 for r in records if r["code"] == "P002")
    assert int(body["data-before"]) == len(records) - habit  # the group starts closed
    assert int(body["data-p002"]) == habit and body["data-open"] == "1"
    assert int(body["data-shown-others"]) == 0
    assert int(body["data-hidden-marks"]) >= len(records) - habit
    assert int(body["data-after"]) == len(records)  # the opened group stays open
    assert body["data-dot"] == "inline"
