"""``--output-format sarif``: SARIF 2.1.0 for code scanning, columns in Unicode code points.

Artifact URIs are relative to ``%SRCROOT%`` (the folder qa ran in, given in
``originalUriBaseIds``) and percent-encoded; a file outside it is an absolute ``file://``
URI. Each result carries ``partialFingerprints`` that survive unrelated edits (see
:mod:`qa.report.fingerprint`), and each rule a ``helpUri`` and Markdown help.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from qa import __version__
from qa.diagnostic import Diagnostic, Edit
from qa.families import FAMILIES
from qa.meta import RuleMeta
from qa.report import FileResult
from qa.report.fingerprint import KEY, fingerprints
from qa.report.options import DEFAULT, ReportOptions
from qa.report.paths import BASE_ID, artifact_uri, base_uri
from qa.report.rule_help import help_uri, markdown

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _tags(meta: RuleMeta) -> list[str]:
    family = FAMILIES.get(meta.family)
    return [family.sarif_tag] if family else []


def _rule(meta: RuleMeta, rules_url: str) -> dict[str, Any]:
    text = meta.doc or meta.summary
    return {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": text},
        "helpUri": help_uri(meta, rules_url),
        "help": {"text": text, "markdown": markdown(meta, rules_url)},
        "defaultConfiguration": {"level": _LEVELS[str(meta.severity)]},
        "properties": {"family": meta.family, "fix": meta.fix, "tags": _tags(meta)},
    }


def _location(result: FileResult, base: str | None) -> dict[str, Any]:
    uri, relative = artifact_uri(result.path, base)
    return {"uri": uri, "uriBaseId": BASE_ID} if relative else {"uri": uri}


def _region(result: FileResult, start: int, end: int) -> dict[str, int]:
    line, column = result.position(start)
    end_line, end_column = result.position(end)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(
    result: FileResult, d: Diagnostic, where: dict[str, Any], fingerprint: str, index: Mapping[str, int]
) -> dict[str, Any]:
    region = {
        **_region(result, d.start, d.end),
        "charOffset": d.start,
        "charLength": d.end - d.start,
        "snippet": {"text": result.source[d.start : d.end]},
    }
    item: dict[str, Any] = {
        "ruleId": d.code,
        "level": _LEVELS[str(d.severity)],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {"artifactLocation": where, "region": region}}],
        "partialFingerprints": {KEY: fingerprint},
    }
    if d.code in index:
        item["ruleIndex"] = index[d.code]
    if d.fix is not None:
        item["fixes"] = [_fix(result, where, d.fix.edits, d.fix.applicability)]
    return item


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = DEFAULT) -> str:
    used = sorted({d.code for r in results for d in r.diagnostics} & rules.keys())
    index = {code: i for i, code in enumerate(used)}
    sarif_results = []
    for result in results:
        where = _location(result, options.base)
        for d, fingerprint in zip(
            result.diagnostics, fingerprints(result.source, result.diagnostics), strict=True
        ):
            sarif_results.append(_result(result, d, where, fingerprint, index))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "qa",
                "version": __version__,
                "informationUri": options.rules_url,
                "rules": [_rule(rules[code], options.rules_url) for code in used],
            }
        },
    }
    if options.base is not None:
        run["originalUriBaseIds"] = {BASE_ID: {"uri": base_uri(options.base)}}
    run |= {"columnKind": "unicodeCodePoints", "results": sarif_results}
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _fix(
    result: FileResult, where: dict[str, Any], edits: tuple[Edit, ...], applicability: str
) -> dict[str, Any]:
    replacements = [
        {"deletedRegion": _region(result, e.start, e.end), "insertedContent": {"text": e.replacement}}
        for e in edits
    ]
    return {
        "description": {"text": f"{applicability} fix"},
        "artifactChanges": [{"artifactLocation": where, "replacements": replacements}],
    }
