"""The small slice of agentkit's message model that the adapters produce."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

PartKind = Literal["text", "image", "audio", "file", "link", "json"]


class ToolError(RuntimeError):
    """A tool finished but reported failure; the agent sees the text."""


class ToolTimeout(ToolError):
    """The server did not answer within the configured call timeout."""


@dataclass
class MessagePart:
    kind: PartKind
    text: str | None = None
    data: str | None = None
    mime_type: str | None = None
    uri: str | None = None
    payload: dict[str, Any] | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class ToolMessage:
    tool_name: str
    parts: list[MessagePart]
    is_error: bool = False
    structured: dict[str, Any] | None = None
    trace: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.parts if p.text)
