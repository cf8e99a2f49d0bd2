"""Run reports: a pydantic model that embeds the protocol objects it was built from."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

import mcp.types as types
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from evalharness.scoring import CaseScore, describe_block
from evalharness.tracing import SessionTrace


class CaseRecord(BaseModel):
    case_id: str
    tool: str
    verdict: str
    score: float
    latency_ms: float | None = None
    failed_checks: list[str] = Field(default_factory=lambda: [])
    result: types.CallToolResult | None = None
    error: types.ErrorData | None = None
    blocks: list[dict[str, Any]] = Field(default_factory=lambda: [])

    @classmethod
    def from_score(cls, score: CaseScore) -> CaseRecord:
        return cls(
            case_id=score.case_id,
            tool=score.tool,
            verdict=score.verdict,
            score=round(score.score, 4),
            latency_ms=score.latency_ms,
            failed_checks=[c.name for c in score.checks if not c.passed],
            result=score.result,
            error=score.error,
            blocks=[describe_block(b) for b in score.result.content] if score.result else [],
        )


class EvalReport(BaseModel):
    suite: str
    started_at: datetime
    finished_at: datetime
    server: types.Implementation
    protocol_version: str
    capabilities: types.ServerCapabilities
    tools: list[types.Tool]
    cases: list[CaseRecord]
    trace_summary: dict[str, Any]

    @property
    def pass_rate(self) -> float:
        return sum(c.verdict == "pass" for c in self.cases) / len(self.cases) if self.cases else 0.0

    def summary(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude={"tools"})
        data["passRate"] = round(self.pass_rate, 4)
        return data

    def write(self, path: str | Path) -> Path:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.model_dump_json(by_alias=True, exclude_none=True, indent=2), encoding="utf-8")
        return target


def tool_snapshot(tool: types.Tool) -> dict[str, Any]:
    """Stored per tool so later runs can diff schemas."""
    snap = tool.model_dump(exclude_none=True)
    snap["argumentNames"] = sorted(tool.inputSchema.get("properties", {}))
    snap["hasOutputSchema"] = tool.outputSchema is not None
    if tool.annotations is not None:
        snap["readOnly"] = bool(tool.annotations.readOnlyHint)
    return snap


def build_report(
    suite_name: str,
    init: types.InitializeResult,
    tools: list[types.Tool],
    scores: list[CaseScore],
    trace: SessionTrace,
    started_at: datetime,
) -> EvalReport:
    negotiated = init.protocolVersion
    if negotiated not in SUPPORTED_PROTOCOL_VERSIONS:
        raise ValueError(f"unexpected protocol version {negotiated}")
    return EvalReport(
        suite=suite_name,
        started_at=started_at,
        finished_at=datetime.now(timezone.utc),
        server=init.serverInfo,
        protocol_version=negotiated,
        capabilities=init.capabilities,
        tools=tools,
        cases=[CaseRecord.from_score(s) for s in scores],
        trace_summary=trace.summary(),
    )
