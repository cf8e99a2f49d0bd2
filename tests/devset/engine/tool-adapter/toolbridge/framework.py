"""Framework-side primitives: tool specs, tool outputs and chat messages.

The wire format uses camelCase keys (``mimeType``, ``isError``, ``toolCallId``)
because that is what the chat UI and the trace store expect.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

Role = Literal["system", "user", "assistant", "tool"]
PartType = Literal["text", "image", "audio", "file", "json"]


class ToolArguments(RootModel[dict[str, Any]]):
    """Arguments a model produced for a tool call."""

    @classmethod
    def parse(cls, raw: str | dict[str, Any] | ToolArguments | None) -> ToolArguments:
        if raw is None:
            return cls({})
        if isinstance(raw, ToolArguments):
            return raw
        if isinstance(raw, str):
            raw = raw.strip()
            return cls(json.loads(raw) if raw else {})
        return cls(dict(raw))

    def get(self, key: str, default: Any = None) -> Any:
        return self.root.get(key, default)

    def without_none(self) -> dict[str, Any]:
        return {k: v for k, v in self.root.items() if v is not None}


class ContentPart(BaseModel):
    """One piece of a chat message or tool output."""

    model_config = ConfigDict(populate_by_name=True)

    type: PartType
    text: str | None = None
    data: str | None = None
    mimeType: str | None = None
    uri: str | None = None
    value: Any = None

    @classmethod
    def of_text(cls, text: str) -> ContentPart:
        return cls(type="text", text=text)

    @classmethod
    def of_json(cls, value: Any) -> ContentPart:
        return cls(type="json", value=value, mimeType="application/json")

    def to_wire(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, exclude_none=True)


class ChatMessage(BaseModel):
    role: Role
    parts: list[ContentPart] = Field(default_factory=list)
    name: str | None = None
    toolCallId: str | None = None
    isError: bool = False

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.parts if p.type == "text" and p.text)


class ToolOutput(BaseModel):
    """What a tool hands back to the agent loop."""

    parts: list[ContentPart] = Field(default_factory=list)
    artifact: dict[str, Any] | None = None
    isError: bool = False

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.parts if p.type == "text" and p.text)

    def as_message(self, tool_call_id: str, name: str | None = None) -> ChatMessage:
        return ChatMessage(
            role="tool",
            parts=list(self.parts),
            name=name,
            toolCallId=tool_call_id,
            isError=self.isError,
        )

    def to_wire(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "content": [p.to_wire() for p in self.parts],
            "isError": self.isError,
        }
        if self.artifact is not None:
            payload["artifact"] = self.artifact
        return payload


class ParameterSpec(BaseModel):
    name: str
    type: str = "string"
    description: str | None = None
    required: bool = False
    enum: list[Any] | None = None
    default: Any = None
    items_type: str | None = None


class ToolSpec(BaseModel):
    """Framework tool description, close to an OpenAI function definition."""

    name: str
    description: str = ""
    parameters: list[ParameterSpec] = Field(default_factory=list)
    json_schema: dict[str, Any] = Field(default_factory=lambda: {"type": "object", "properties": {}})
    returns: dict[str, Any] | None = None
    read_only: bool = False
    destructive: bool = False
    tags: list[str] = Field(default_factory=list)

    def required_names(self) -> list[str]:
        return [p.name for p in self.parameters if p.required]

    def to_function(self) -> dict[str, Any]:
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": self.json_schema,
            },
        }


ToolCoroutine = Callable[[dict[str, Any]], Awaitable[ToolOutput]]


class ToolArgumentError(ValueError):
    pass


@dataclass
class FrameworkTool:
    """A callable tool as the agent framework sees it."""

    spec: ToolSpec
    coroutine: ToolCoroutine
    metadata: dict[str, Any] = field(default_factory=dict[str, Any])

    @property
    def name(self) -> str:
        return self.spec.name

    def validate(self, arguments: ToolArguments) -> None:
        missing = [n for n in self.spec.required_names() if n not in arguments.root]
        if missing:
            raise ToolArgumentError(f"{self.name}: missing required argument(s) {', '.join(missing)}")
        for param in self.spec.parameters:
            value = arguments.get(param.name)
            if param.enum is not None and value is not None and value not in param.enum:
                raise ToolArgumentError(f"{self.name}: {param.name}={value!r} not in {param.enum}")

    async def ainvoke(self, arguments: str | dict[str, Any] | ToolArguments | None = None) -> ToolOutput:
        args = ToolArguments.parse(arguments)
        self.validate(args)
        return await self.coroutine(args.without_none())

