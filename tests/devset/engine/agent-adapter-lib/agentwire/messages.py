"""Framework-native message types.

Everything an agent sees (tool output, prompts, sampled completions) is
expressed with these models so that the rest of the framework never has to
know which protocol a tool came from.  The wire shape mirrors the JSON the
agent runtime already persists, which is why a few keys are camelCase.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, RootModel

Role = Literal["system", "user", "assistant", "tool"]


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True)


class TextPart(_Part):
    type: Literal["text"] = "text"
    text: str


class ImagePart(_Part):
    type: Literal["image"] = "image"
    data: str
    mimeType: str = "image/png"


class AudioPart(_Part):
    type: Literal["audio"] = "audio"
    data: str
    mimeType: str = "audio/wav"


class FilePart(_Part):
    """An inline file: either decoded text or a base64 blob."""

    type: Literal["file"] = "file"
    uri: str
    mimeType: str | None = None
    text: str | None = None
    blob: str | None = None

    @property
    def is_binary(self) -> bool:
        return self.blob is not None


class LinkPart(_Part):
    """A pointer the agent may choose to dereference later."""

    type: Literal["link"] = "link"
    uri: str
    name: str
    description: str | None = None
    mimeType: str | None = None
    size: int | None = None


Part = Annotated[TextPart | ImagePart | AudioPart | FilePart | LinkPart, Field(discriminator="type")]


class ChatMessage(BaseModel):
    role: Role
    parts: list[Part] = Field(default_factory=list)
    name: str | None = None
    toolCallId: str | None = None
    isError: bool = False
    artifact: dict[str, Any] | None = None

    @classmethod
    def system(cls, text: str) -> ChatMessage:
        return cls(role="system", parts=[TextPart(text=text)])

    @classmethod
    def user(cls, text: str) -> ChatMessage:
        return cls(role="user", parts=[TextPart(text=text)])

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.parts if isinstance(p, TextPart))


class Transcript(RootModel[list[ChatMessage]]):
    """Ordered conversation history, serialisable as a plain JSON list."""

    root: list[ChatMessage] = Field(default_factory=list)

    def append(self, message: ChatMessage) -> None:
        self.root.append(message)

    def __len__(self) -> int:
        return len(self.root)

    @property
    def last(self) -> ChatMessage | None:
        return self.root[-1] if self.root else None

    def to_wire(self) -> list[dict[str, Any]]:
        return [m.model_dump(exclude_none=True) for m in self.root]


class ToolSpec(BaseModel):
    """A tool as advertised to the model (OpenAI-style function spec)."""

    name: str
    description: str = ""
    parameters: dict[str, Any] = Field(default_factory=lambda: {"type": "object", "properties": {}})
    returns: dict[str, Any] | None = None
    readOnly: bool = False
    destructive: bool = False
    server: str | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)


@dataclass
class ModelReply:
    text: str
    model: str
    stop_reason: Literal["end_turn", "stop_sequence", "max_tokens"] = "end_turn"
    usage: dict[str, int] = field(default_factory=dict)


class ChatModel(Protocol):
    async def generate(
        self,
        messages: list[ChatMessage],
        *,
        max_tokens: int,
        stop: list[str] | None = None,
        temperature: float | None = None,
        model_hint: str | None = None,
    ) -> ModelReply: ...


class EchoModel:
    """Deterministic stand-in model used by demos and tests."""

    def __init__(self, name: str = "echo-1", prefix: str = "echo: ") -> None:
        self.name = name
        self.prefix = prefix
        self.calls: list[list[ChatMessage]] = []

    async def generate(
        self,
        messages: list[ChatMessage],
        *,
        max_tokens: int,
        stop: list[str] | None = None,
        temperature: float | None = None,
        model_hint: str | None = None,
    ) -> ModelReply:
        self.calls.append(messages)
        last_user = next((m for m in reversed(messages) if m.role == "user"), None)
        text = self.prefix + (last_user.text if last_user else "")
        words = text.split()
        if len(words) > max_tokens:
            return ModelReply(" ".join(words[:max_tokens]), model_hint or self.name, "max_tokens")
        for marker in stop or []:
            if marker and marker in text:
                return ModelReply(text.split(marker, 1)[0], model_hint or self.name, "stop_sequence")
        return ModelReply(text, model_hint or self.name, "end_turn", {"output_tokens": len(words)})
