"""Append-only audit trail of tool calls that went through the bridge.

Entries use camelCase keys so the log can be shipped as-is to the compliance
service, which also ingests audit records from the TypeScript agents.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from pydantic import RootModel

REDACTED = "***"
_SECRET_HINTS = ("password", "secret", "token", "apikey", "api_key")


def redact(arguments: Mapping[str, Any] | None) -> dict[str, Any]:
    if not arguments:
        return {}
    cleaned: dict[str, Any] = {}
    for key, value in arguments.items():
        if any(hint in key.lower() for hint in _SECRET_HINTS):
            cleaned[key] = REDACTED
        elif isinstance(value, Mapping):
            cleaned[key] = redact(cast(Mapping[str, Any], value))
        else:
            cleaned[key] = value
    return cleaned


def summarize_result(payload: Mapping[str, Any]) -> dict[str, Any]:
    """Reduce a dumped tool result to the fields the auditors care about."""
    content = payload.get("content") or []
    text_parts = [block.get("text", "") for block in content if isinstance(block, Mapping) and block.get("type") == "text"]
    summary: dict[str, Any] = {
        "isError": bool(payload.get("isError", False)),
        "contentBlocks": len(content),
        "textPreview": " ".join(text_parts)[:200],
    }
    structured = payload.get("structuredContent")
    if structured is not None:
        summary["structuredKeys"] = sorted(structured)
    return summary


class AuditTrail(RootModel[list[dict[str, Any]]]):
    """The in-memory list of entries; ``.root`` is what gets flushed to disk."""

    root: list[dict[str, Any]] = []

    def entries(self) -> Iterator[dict[str, Any]]:
        return iter(self.root)

    def __len__(self) -> int:
        return len(self.root)

    def for_tool(self, tool_name: str) -> list[dict[str, Any]]:
        return [entry for entry in self.root if entry["toolName"] == tool_name]

    def errors(self) -> list[dict[str, Any]]:
        return [entry for entry in self.root if entry.get("isError")]


class AuditLog:
    def __init__(self, path: str | Path | None = None, *, clock: Any = time.time) -> None:
        self._path = Path(path) if path is not None else None
        self._clock = clock
        self.trail = AuditTrail([])

    def record_call(
        self,
        *,
        tool_name: str,
        upstream_name: str,
        arguments: Mapping[str, Any] | None,
        request_id: str | int | None,
        duration_ms: float,
        result: Mapping[str, Any] | None = None,
        error_code: int | None = None,
        error_message: str | None = None,
        session_id: str | None = None,
    ) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "ts": round(self._clock(), 3),
            "toolName": tool_name,
            "upstreamTool": upstream_name,
            "requestId": request_id,
            "arguments": redact(arguments),
            "durationMs": round(duration_ms, 1),
            "upstreamSession": session_id,
        }
        if result is not None:
            entry.update(summarize_result(result))
        if error_code is not None:
            entry["isError"] = True
            entry["errorCode"] = error_code
            entry["errorMessage"] = error_message
        entry.setdefault("isError", False)
        self.trail.root.append(entry)
        if self._path is not None:
            with self._path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(entry, default=str) + "\n")
        return entry

    def stats(self) -> dict[str, Any]:
        calls = list(self.trail.entries())
        durations = [entry["durationMs"] for entry in calls]
        return {
            "totalCalls": len(calls),
            "errorCount": len(self.trail.errors()),
            "maxDurationMs": max(durations, default=0.0),
            "tools": sorted({entry["toolName"] for entry in calls}),
        }

    @classmethod
    def replay(cls, path: str | Path) -> AuditTrail:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return AuditTrail([json.loads(line) for line in lines if line.strip()])
