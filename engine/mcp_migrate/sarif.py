"""`--output-format sarif`: a SARIF 2.1.0 log, as GitHub code scanning and other CI tools read it.

Positions are the engine's: 1-based lines and 1-based UTF-16 columns, SARIF's default column kind.
A finding with edits carries them as a SARIF fix; findings of one fix group (fixes that only work
together) each carry the whole group's edits, so a tool applying one result's fix applies them all.
"""

import os
from typing import Dict, Iterable, List
from urllib.parse import quote

from . import __version__
from .annotations import finding_level
from .api import list_rules
from .links import GUIDE_URL, guide_url

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"


def _location(path: str) -> dict:
    if os.path.isabs(path):
        return {"uri": "file://" + quote(path.replace(os.sep, "/"))}
    rel = os.path.normpath(path).replace(os.sep, "/")
    return {"uri": quote(rel), "uriBaseId": SRCROOT}


def _region(start: dict, end: dict) -> dict:
    return {
        "startLine": start["line"],
        "startColumn": start["column"],
        "endLine": end["line"],
        "endColumn": end["column"],
    }


def _rule(r: dict) -> dict:
    return {
        "id": r["code"],
        "name": r["title"],
        "shortDescription": {"text": r["title"]},
        "fullDescription": {"text": " ".join(r["summary"].split())},
        "help": {
            "text": "%s\n\nBefore:\n%s\n\nAfter:\n%s" % (" ".join(r["why"].split()), r["before"], r["after"]),
            "markdown": "%s\n\nBefore:\n```python\n%s\n```\n\nAfter:\n```python\n%s\n```"
            % (" ".join(r["why"].split()), r["before"], r["after"]),
        },
        "helpUri": guide_url(r["anchor"]),
        "defaultConfiguration": {"level": "error"},
        "properties": {"fix_class": r["fix_class"], "tags": ["mcp", "migration", r["code"][:3]]},
    }


def _result(path: str, f: dict, rule_index: int, edits: List[dict]) -> dict:
    loc = _location(path)
    res = {
        "ruleId": f["rule"],
        "ruleIndex": rule_index,
        "level": finding_level(f),
        "message": {"text": "%s (%s)" % (f["message"], guide_url(f["anchor"]))},
        "locations": [{"physicalLocation": {"artifactLocation": loc, "region": _region(f["start"], f["end"])}}],
        "properties": {"fix_class": f["fix_class"], "applied": f["applied"], "advisory": f["advisory"]},
    }
    if edits:
        res["fixes"] = [
            {
                "description": {"text": f["message"]},
                "artifactChanges": [
                    {
                        "artifactLocation": loc,
                        "replacements": [
                            {"deletedRegion": _region(e["start"], e["end"]), "insertedContent": {"text": e["text"]}}
                            for e in edits
                        ],
                    }
                ],
            }
        ]
    return res


def sarif_log(files: Iterable[dict], skipped: Iterable[dict], cwd: str, ok: bool) -> dict:
    rules = list_rules()
    index = {r["code"]: i for i, r in enumerate(rules)}
    results: List[dict] = []
    for rep in files:
        groups: Dict[str, List[dict]] = {}
        for f in rep["findings"]:
            if f.get("group"):
                groups.setdefault(f["group"], []).extend(f["edits"])
        results += [
            _result(rep["path"], f, index[f["rule"]], groups[f["group"]] if f.get("group") else f["edits"])
            for f in rep["findings"]
        ]
    notes = [
        {
            "level": "error" if s["failed"] else "warning",
            "message": {"text": "skipped: %s" % s["reason"]},
            "locations": [{"physicalLocation": {"artifactLocation": _location(s["path"])}}],
        }
        for s in skipped
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mcp-migrate",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": GUIDE_URL,
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": "file://" + quote(cwd.replace(os.sep, "/").rstrip("/") + "/")}},
                "invocations": [{"executionSuccessful": ok, "toolExecutionNotifications": notes}],
                "columnKind": "utf16CodeUnits",
                "results": results,
            }
        ],
    }
