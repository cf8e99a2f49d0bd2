"""Turn tool results (or protocol errors) into per-case scores."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

import mcp.types as types
from mcp.shared.exceptions import McpError

from evalharness.cases import EvalCase

Verdict = Literal["pass", "fail", "error", "timeout"]
ProgressEvent = tuple[float, float | None, str | None]


@dataclass
class CheckResult:
    name: str
    passed: bool
    detail: str = ""


@dataclass
class CaseScore:
    case_id: str
    tool: str
    verdict: Verdict
    checks: list[CheckResult] = field(default_factory=lambda: [])
    latency_ms: float | None = None
    error: types.ErrorData | None = None
    result: types.CallToolResult | None = None
    progress: list[ProgressEvent] = field(default_factory=lambda: [])

    @property
    def score(self) -> float:
        return sum(c.passed for c in self.checks) / len(self.checks) if self.checks else 0.0


def text_of(blocks: Sequence[types.Content]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, types.TextContent):
            parts.append(block.text)
        elif isinstance(block, types.EmbeddedResource) and isinstance(block.resource, types.TextResourceContents):
            parts.append(block.resource.text)
    return "\n".join(parts)


def describe_block(block: types.Content) -> dict[str, Any]:
    """Compact, JSON-friendly description of one content block for reports."""
    match block:
        case types.TextContent(text=text):
            return {"type": "text", "chars": len(text)}
        case types.ImageContent(mimeType=mime, data=data) | types.AudioContent(mimeType=mime, data=data):
            return {"type": block.type, "mimeType": mime, "bytes": len(base64.b64decode(data))}
        case types.ResourceLink(uri=uri, mimeType=mime):
            return {"type": "resource_link", "scheme": uri.scheme, "host": uri.host, "mimeType": mime}
        case types.EmbeddedResource(resource=resource):
            return {"type": "resource", "uri": str(resource.uri), "mimeType": resource.mimeType}
        case _:
            return {"type": block.type}


def mime_types(result: types.CallToolResult) -> set[str]:
    return {d["mimeType"] for d in map(describe_block, result.content) if d.get("mimeType")}


def score_result(
    case: EvalCase, result: types.CallToolResult, latency_ms: float, progress: list[ProgressEvent]
) -> CaseScore:
    expect = case.expect
    is_error = result.isError
    checks = [CheckResult("isError", is_error == expect.is_error, f"isError={is_error}")]
    if expect.structured is not None:
        actual = result.structuredContent or {}
        wrong = sorted(k for k, v in expect.structured.items() if actual.get(k) != v)
        checks.append(CheckResult("structuredContent", not wrong, f"mismatched: {wrong}" if wrong else ""))
    if expect.content_types:
        actual_types = [block.type for block in result.content]
        checks.append(CheckResult("contentTypes", actual_types == expect.content_types, ",".join(actual_types)))
    if expect.contains_text:
        missing = [needle for needle in expect.contains_text if needle not in text_of(result.content)]
        checks.append(CheckResult("containsText", not missing, f"missing: {missing}" if missing else ""))
    if expect.mime_type is not None:
        checks.append(CheckResult("mimeType", expect.mime_type in mime_types(result)))
    if expect.min_progress_events:
        checks.append(CheckResult("progress", len(progress) >= expect.min_progress_events, f"{len(progress)} events"))
    verdict: Verdict = "pass" if all(c.passed for c in checks) else "fail"
    return CaseScore(case.id, case.tool, verdict, checks, latency_ms, result=result, progress=progress)


def score_error(case: EvalCase, exc: McpError, latency_ms: float) -> CaseScore:
    code = exc.error.code
    if case.expect.error_code is not None:
        passed = code == case.expect.error_code
        check = CheckResult("errorCode", passed, f"{code}: {exc.error.message}")
        return CaseScore(case.id, case.tool, "pass" if passed else "fail", [check], latency_ms, error=exc.error)
    verdict: Verdict = "timeout" if code == httpx.codes.REQUEST_TIMEOUT else "error"
    check = CheckResult("protocol", False, f"{code}: {exc.error.message}")
    return CaseScore(case.id, case.tool, verdict, [check], latency_ms, error=exc.error)
