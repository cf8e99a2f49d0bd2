"""JSON and Markdown reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .runner import CaseRun, TargetRun, summarize


def _case_json(run: CaseRun) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": run.case.id,
        "tool": run.case.tool,
        "elapsed_ms": round(run.elapsed_ms, 1),
        "passed": bool(run.verdict and run.verdict.passed),
        "reasons": run.verdict.reasons if run.verdict else [],
        "progress": [
            {"t": round(p.at, 3), "progress": p.progress, "total": p.total, "message": p.message}
            for p in run.progress
        ],
    }
    if run.result is not None:
        # Keep the raw result exactly as it travelled on the wire.
        out["result"] = json.loads(run.result.model_dump_json(exclude_none=True))
    else:
        out["error"] = {"code": run.error_code, "message": run.error_message, "timed_out": run.timed_out}
    return out


def target_json(run: TargetRun) -> dict[str, Any]:
    init = run.init
    return {
        "target": run.target.name,
        "command": [run.target.command, *run.target.args],
        "fatal": run.fatal,
        "server": init.serverInfo.model_dump() if init else None,
        "protocolVersion": init.protocolVersion if init else None,
        "capabilities": init.capabilities.model_dump(exclude_none=True) if init else None,
        "instructions": init.instructions if init else None,
        "ping_ms": run.ping_ms,
        "tools": [t.model_dump(exclude_none=True) for t in run.tools],
        "resourceTemplates": run.template_uris,
        "completions": run.completions,
        "logs": [{"level": l.level, "logger": l.logger, "data": l.data} for l in run.logs],
        "toolListChanged": run.list_changed,
        "cases": [_case_json(c) for c in run.cases],
    }


def write_json(runs: list[TargetRun], path: Path) -> None:
    payload = {"summary": summarize(runs), "targets": [target_json(r) for r in runs]}
    path.write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")


def write_markdown(runs: list[TargetRun], path: Path) -> None:
    lines = ["# evalbench report", ""]
    s = summarize(runs)
    lines.append(f"{s['passed']}/{s['cases']} cases passed across {s['targets']} servers.")
    lines.append("")
    lines.append("| server | version | protocol | tools | ping ms | passed |")
    lines.append("|---|---|---|---:|---:|---:|")
    for r in runs:
        if r.init is None:
            lines.append(f"| {r.target.name} | – | – | – | – | {r.fatal or 'not started'} |")
            continue
        ok = sum(1 for c in r.cases if c.verdict and c.verdict.passed)
        ping = f"{r.ping_ms:.1f}" if r.ping_ms is not None else "–"
        lines.append(
            f"| {r.target.name} | {r.init.serverInfo.version} | {r.init.protocolVersion} | {len(r.tools)} "
            f"| {ping} | {ok}/{len(r.cases)} |"
        )
    lines.append("")
    for r in runs:
        for c in r.cases:
            if c.verdict and not c.verdict.passed:
                lines.append(f"- **{r.target.name}/{c.case.id}**: {'; '.join(c.verdict.reasons)}")
                if c.result is not None and c.result.isError:
                    lines.append(f"  - error text: {c.verdict.text[:200]!r}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def tool_schemas(runs: list[TargetRun]) -> dict[str, dict[str, Any]]:
    """inputSchema/outputSchema per server/tool, for diffing between releases."""
    schemas: dict[str, dict[str, Any]] = {}
    for r in runs:
        for tool in r.tools:
            schemas[f"{r.target.name}/{tool.name}"] = {
                "input": tool.inputSchema,
                "output": tool.outputSchema,
                "readOnly": tool.annotations.readOnlyHint if tool.annotations else None,
            }
    return schemas
