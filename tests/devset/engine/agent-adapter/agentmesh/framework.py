"""Core agent-framework types that every integration (MCP, OpenAPI, local python tools) targets."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

PartKind = Literal["text", "image", "audio", "file", "link", "data"]


class JsonSchema:
    """A thin wrapper around a JSON-schema dict, rooted at ``root``."""

    def __init__(self, root: dict[str, Any] | None = None) -> None:
        self.root: dict[str, Any] = dict(root or {"type": "object", "properties": {}})

    @property
    def properties(self) -> dict[str, Any]:
        return self.root.get("properties", {})

    @property
    def required(self) -> list[str]:
        return list(self.root.get("required", []))


@dataclass
class MessagePart:
    kind: PartKind
    text: str | None = None
    data: bytes | None = None
    mime_type: str | None = None
    uri: str | None = None
    name: str | None = None
    payload: dict[str, Any] | None = None


def text_part(text: str) -> MessagePart:
    return MessagePart(kind="text", text=text)


@dataclass
class ToolMessage:
    """What the agent loop appends to the transcript after a tool ran."""

    tool_name: str
    call_id: str
    parts: list[MessagePart] = field(default_factory=list)
    is_error: bool = False
    structured: dict[str, Any] | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.parts if p.kind == "text" and p.text)

    def to_provider_dict(self) -> dict[str, Any]:
        """Shape used by the provider adapters (camelCase, like most chat APIs)."""
        content = [{"type": p.kind, "text": p.text, "mimeType": p.mime_type} for p in self.parts]
        body = {"toolCallId": self.call_id, "isError": self.is_error, "content": content}
        return {**body, "structuredContent": self.structured}


@dataclass
class ChatTurn:
    role: Literal["system", "user", "assistant"]
    parts: list[MessagePart]


@dataclass
class ModelReply:
    text: str
    model: str
    stop_reason: Literal["end_turn", "max_tokens", "stop_sequence"] = "end_turn"


class ChatModel(Protocol):
    async def complete(
        self,
        system: str | None,
        turns: list[ChatTurn],
        *,
        max_tokens: int,
        stop: list[str] | None = None,
        model_hints: list[str] | None = None,
    ) -> ModelReply: ...


ToolInvoker = Callable[[dict[str, Any]], Awaitable[ToolMessage]]


@dataclass
class AgentTool:
    name: str
    description: str
    parameters: JsonSchema
    invoke: ToolInvoker
    output_schema: JsonSchema | None = None
    title: str | None = None
    read_only: bool = False
    destructive: bool = True
    idempotent: bool = False
    open_world: bool = True
    long_running: bool = False
    source: str = "local"
    tags: set[str] = field(default_factory=set)

    @property
    def needs_confirmation(self) -> bool:
        return self.destructive and not self.read_only

    def to_function_spec(self) -> dict[str, Any]:
        spec = {"name": self.name, "description": self.description, "parameters": self.parameters.root}
        return {"type": "function", "function": spec}

    async def __call__(self, **arguments: Any) -> ToolMessage:
        missing = [name for name in self.parameters.required if name not in arguments]
        if missing:
            error = text_part(f"missing required argument(s): {', '.join(missing)}")
            return ToolMessage(tool_name=self.name, call_id="local", parts=[error], is_error=True)
        return await self.invoke(arguments)
