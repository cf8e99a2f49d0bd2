"""Text and JSON rendering of a Report."""

from __future__ import annotations

import json
from typing import Any

from mcp_doctor.checks import CheckResult, Status
from mcp_doctor.probe import Report, summarize

ICONS = {Status.OK: "✔", Status.WARN: "!", Status.FAIL: "✘", Status.SKIP: "-"}


def _line(result: CheckResult) -> str:
    match result:
        case CheckResult(status=Status.SKIP, check=name, summary=summary):
            return f"  {ICONS[Status.SKIP]} {name:<12} skipped ({summary})"
        case CheckResult(status=status, check=name, summary=summary, elapsed_ms=float() as ms):
            return f"  {ICONS[status]} {name:<12} {summary}  [{ms:.0f} ms]"
        case CheckResult(status=status, check=name, summary=summary):
            return f"  {ICONS[status]} {name:<12} {summary}"


def render_text(report: Report, *, verbose: bool = False) -> str:
    lines = [f"mcp-doctor: {report.target}"]
    if report.fatal:
        lines.append(f"  ✘ {report.fatal}")
        return "\n".join(lines)
    if report.init is not None:
        info = report.init.serverInfo
        lines.append(f"  server {info.name} {info.version}, protocol {report.init.protocolVersion}")
        lines.append(f"  connected in {report.connect_ms:.0f} ms")
    for result in report.results:
        lines.append(_line(result))
        if verbose or result.status in (Status.FAIL, Status.WARN):
            lines.extend(f"      {d}" for d in result.details)
    if report.inbox.logs:
        lines.append(f"  server sent {len(report.inbox.logs)} log message(s)")
    lines.append(f"result: {report.worst.value}")
    return "\n".join(lines)


def render_json(report: Report) -> str:
    doc: dict[str, Any] = summarize(report)
    doc["fatal"] = report.fatal
    doc["connect_ms"] = round(report.connect_ms, 1)
    doc["server"] = report.init.model_dump(mode="json", exclude_none=True) if report.init else None
    doc["checks"] = [
        {
            "check": r.check,
            "status": r.status.value,
            "summary": r.summary,
            "details": r.details,
            "elapsed_ms": None if r.elapsed_ms is None else round(r.elapsed_ms, 1),
        }
        for r in report.results
    ]
    doc["notifications"] = {"logs": report.inbox.logs, "list_changed": report.inbox.list_changed}
    return json.dumps(doc, indent=2)
