"""What happened during a run, with the SDK objects kept as-is for later inspection."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import mcp.types as types

from agentloop.llm import ToolCall


@dataclass
class ToolExchange:
    call: ToolCall
    tool: types.Tool | None = None
    result: types.CallToolResult | None = None
    error: types.ErrorData | None = None
    attempts: int = 1
    elapsed: float = 0.0
    progress: list[tuple[float, float | None, str | None]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.error is not None or (self.result is not None and self.result.isError)

    def to_dict(self) -> dict[str, Any]:
        return {
            "call": {"id": self.call.id, "name": self.call.name, "arguments": self.call.arguments},
            "tool": self.tool.model_dump(mode="json", exclude_none=True) if self.tool else None,
            "result": self.result.model_dump(mode="json", exclude_none=True) if self.result else None,
            "error": self.error.model_dump(mode="json", exclude_none=True) if self.error else None,
            "attempts": self.attempts,
            "elapsed": round(self.elapsed, 4),
            "progress": [list(p) for p in self.progress],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ToolExchange:
        call = data["call"]
        return cls(
            call=ToolCall(name=call["name"], arguments=call["arguments"], id=call["id"]),
            tool=types.Tool.model_validate(data["tool"]) if data.get("tool") else None,
            result=types.CallToolResult.model_validate(data["result"]) if data.get("result") else None,
            error=types.ErrorData.model_validate(data["error"]) if data.get("error") else None,
            attempts=data.get("attempts", 1),
            elapsed=data.get("elapsed", 0.0),
            progress=[(p[0], p[1], p[2]) for p in data.get("progress", [])],
        )


@dataclass
class Transcript:
    server: types.Implementation | None = None
    prompt: types.GetPromptResult | None = None
    resources: list[types.ReadResourceResult] = field(default_factory=list)
    exchanges: list[ToolExchange] = field(default_factory=list)
    logs: list[types.LoggingMessageNotificationParams] = field(default_factory=list)
    answer: str = ""

    @property
    def error_count(self) -> int:
        return sum(1 for e in self.exchanges if e.failed)

    def tools_used(self) -> list[str]:
        return [e.call.name for e in self.exchanges]

    def structured_results(self) -> dict[str, dict[str, Any]]:
        return {
            e.call.id: e.result.structuredContent
            for e in self.exchanges
            if e.result is not None and e.result.structuredContent is not None
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "server": self.server.model_dump(mode="json", exclude_none=True) if self.server else None,
            "prompt": self.prompt.model_dump(mode="json", exclude_none=True) if self.prompt else None,
            "resources": [r.model_dump(mode="json", exclude_none=True) for r in self.resources],
            "exchanges": [e.to_dict() for e in self.exchanges],
            "logs": [entry.model_dump(mode="json", exclude_none=True) for entry in self.logs],
            "answer": self.answer,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, raw: str) -> Transcript:
        data = json.loads(raw)
        return cls(
            server=types.Implementation.model_validate(data["server"]) if data.get("server") else None,
            prompt=types.GetPromptResult.model_validate(data["prompt"]) if data.get("prompt") else None,
            resources=[types.ReadResourceResult.model_validate(r) for r in data.get("resources", [])],
            exchanges=[ToolExchange.from_dict(e) for e in data.get("exchanges", [])],
            logs=[types.LoggingMessageNotificationParams.model_validate(entry) for entry in data.get("logs", [])],
            answer=data.get("answer", ""),
        )
