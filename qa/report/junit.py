"""``--output-format junit``: JUnit XML for CI test tabs (GitLab, Jenkins, Azure).

One ``<testsuite>`` per file, one failing ``<testcase>`` per finding (a file without
findings has one passing test case), so a CI page lists the findings where it lists
failed tests. Characters XML 1.0 cannot carry (a control character in the copy, which
rule U008 reports) are written as ``\\xNN``.
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.etree import ElementTree as ET

import regex

from qa.meta import RuleMeta
from qa.report import FileResult
from qa.report.options import DEFAULT, ReportOptions

#: What XML 1.0 does not allow, even escaped.
_NOT_XML = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def _suite(result: FileResult) -> ET.Element:
    path = _xml(result.path)
    failures = len(result.diagnostics)
    suite = ET.Element("testsuite", name=path, tests=str(max(failures, 1)), failures=str(failures))
    if not failures:
        ET.SubElement(suite, "testcase", name="no problems", classname=path)
    for d in result.diagnostics:
        line, column = result.position(d.start)
        case = ET.SubElement(
            suite, "testcase", name=f"{d.code} at {line}:{column}", classname=path, file=path, line=str(line)
        )
        failure = ET.SubElement(case, "failure", message=_xml(d.message), type=d.code)
        quoted = result.source[d.start : d.end]
        failure.text = _xml(f"{result.path}:{line}:{column}: {d.code} {d.name}: {d.message}\n{quoted!r}")
    return suite


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = DEFAULT) -> str:
    suites = [_suite(result) for result in results]
    failures = sum(len(r.diagnostics) for r in results)
    tests = sum(int(s.get("tests", "0")) for s in suites)
    root = ET.Element("testsuites", name="qa", tests=str(tests), failures=str(failures))
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
