"""``--format sarif``: SARIF 2.1.0, columns counted in Unicode code points."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from qa import __version__
from qa.families import FAMILIES
from qa.meta import RuleMeta
from qa.report import FileResult

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    return PurePath(path).as_posix() if path != "-" else "stdin"


def _tags(meta: RuleMeta) -> list[str]:
    family = FAMILIES.get(meta.family)
    return [family.sarif_tag] if family else []


def _rule(meta: RuleMeta) -> dict[str, Any]:
    return {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.doc or meta.summary},
        "help": {"text": meta.doc or meta.summary},
        "defaultConfiguration": {"level": _LEVELS[str(meta.severity)]},
        "properties": {"family": meta.family, "fix": meta.fix, "tags": _tags(meta)},
    }


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], *, color: bool = False) -> str:
    used = sorted({d.code for r in results for d in r.diagnostics} & rules.keys())
    index = {code: i for i, code in enumerate(used)}
    sarif_results = []
    for result in results:
        for d in result.diagnostics:
            line, column = result.position(d.start)
            end_line, end_column = result.position(d.end)
            region = {
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column,
                "charOffset": d.start,
                "charLength": d.end - d.start,
                "snippet": {"text": result.source[d.start : d.end]},
            }
            location = {
                "physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}, "region": region}
            }
            item: dict[str, Any] = {
                "ruleId": d.code,
                "level": _LEVELS[str(d.severity)],
                "message": {"text": d.message},
                "locations": [location],
            }
            if d.code in index:
                item["ruleIndex"] = index[d.code]
            if d.fix is not None:
                item["fixes"] = [_fix(result, d.fix.edits, d.fix.applicability)]
            sarif_results.append(item)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "qa",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/qa-hindi/",
                        "rules": [_rule(rules[code]) for code in used],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _fix(result: FileResult, edits: Any, applicability: str) -> dict[str, Any]:
    replacements = []
    for edit in edits:
        line, column = result.position(edit.start)
        end_line, end_column = result.position(edit.end)
        replacements.append(
            {
                "deletedRegion": {
                    "startLine": line,
                    "startColumn": column,
                    "endLine": end_line,
                    "endColumn": end_column,
                },
                "insertedContent": {"text": edit.replacement},
            }
        )
    return {
        "description": {"text": f"{applicability} fix"},
        "artifactChanges": [{"artifactLocation": {"uri": _uri(result.path)}, "replacements": replacements}],
    }
