"""A tiny offline "model" used when no real LLM backend is configured.

It spots tool names in the user's message, pulls ``key=value`` arguments out of
the text and, once tool results come back, echoes them as the answer.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

Role = Literal["system", "user", "assistant", "tool"]
StopReason = Literal["endTurn", "toolUse", "maxTokens"]

_ids = itertools.count(1)
_KV = re.compile(r"(\w+)=(\"[^\"]*\"|'[^']*'|\S+)")


@dataclass
class ToolCall:
    name: str
    arguments: dict[str, Any]
    id: str = field(default_factory=lambda: f"call_{next(_ids)}")


@dataclass
class ChatMessage:
    role: Role
    content: str
    tool_calls: list[ToolCall] = field(default_factory=list)
    tool_call_id: str | None = None
    is_error: bool = False

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {"role": self.role, "content": self.content}
        if self.tool_calls:
            out["toolCalls"] = [{"id": c.id, "name": c.name, "arguments": c.arguments} for c in self.tool_calls]
        if self.tool_call_id is not None:
            out["toolCallId"] = self.tool_call_id
            out["isError"] = self.is_error
        return out


@dataclass
class ModelReply:
    text: str
    tool_calls: list[ToolCall]
    stop_reason: StopReason


def _coerce(raw: str, schema: dict[str, Any] | None) -> Any:
    if raw[:1] in "\"'":
        raw = raw[1:-1]
    kind = (schema or {}).get("type")
    if kind in ("integer", "number", "array", "object"):
        return json.loads(raw)
    if kind == "boolean":
        return raw.lower() in ("1", "true", "yes")
    return raw


class RuleBasedModel:
    name = "shellpilot-rules-1"

    def __init__(self, max_tokens: int = 512) -> None:
        self.max_tokens = max_tokens

    def complete(self, messages: list[ChatMessage], tools: list[dict[str, Any]]) -> ModelReply:
        last = messages[-1]
        if last.role == "tool":
            return self._summarise(messages)
        if calls := self._plan(last.content, tools):
            return ModelReply(text="", tool_calls=calls, stop_reason="toolUse")
        return ModelReply(text=f"I have no tool for: {last.content}", tool_calls=[], stop_reason="endTurn")

    def _plan(self, text: str, tools: list[dict[str, Any]]) -> list[ToolCall]:
        if explicit := re.match(r"^/call\s+(\S+)\s*(.*)$", text.strip(), re.S):
            return [ToolCall(name=explicit.group(1), arguments=json.loads(explicit.group(2) or "{}"))]
        for spec in tools:
            short = spec["name"].split("__")[-1]
            if re.search(rf"\b{re.escape(short)}\b", text):
                props: dict[str, Any] = spec.get("parameters", {}).get("properties", {})
                args = {k: _coerce(v, props.get(k)) for k, v in _KV.findall(text) if k in props}
                return [ToolCall(name=spec["name"], arguments=args)]
        return []

    def _summarise(self, messages: list[ChatMessage]) -> ModelReply:
        tail: list[str] = []
        for msg in reversed(messages):
            if msg.role != "tool":
                break
            tail.insert(0, ("error: " if msg.is_error else "") + msg.content)
        return ModelReply(text="\n".join(tail), tool_calls=[], stop_reason="endTurn")

    def sample(self, prompt: str, system: str | None = None, max_tokens: int | None = None) -> tuple[str, StopReason]:
        budget = min(max_tokens or self.max_tokens, self.max_tokens)
        words = prompt.split()
        head = f"[{system}] " if system else ""
        if len(words) > budget:
            return head + " ".join(words[:budget]), "maxTokens"
        return head + "summary: " + " ".join(words), "endTurn"
