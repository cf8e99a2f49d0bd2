"""Provider-neutral chat types and a scripted fake model for tests and dry runs."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Role = Literal["system", "user", "assistant", "tool"]

_ids = itertools.count(1)


@dataclass
class ToolCall:
    name: str
    arguments: dict[str, Any]
    id: str = field(default_factory=lambda: f"call_{next(_ids)}")


@dataclass
class ChatMessage:
    role: Role
    content: str
    tool_call_id: str | None = None
    tool_calls: list[ToolCall] = field(default_factory=list)


@dataclass
class LLMReply:
    text: str = ""
    tool_calls: list[ToolCall] = field(default_factory=list)
    stop_reason: Literal["end_turn", "tool_use", "max_tokens", "stop_sequence"] = "end_turn"


@dataclass
class CompletionRequest:
    messages: list[ChatMessage]
    tools: list[dict[str, Any]]
    max_tokens: int
    stop: list[str]


class ChatModel(Protocol):
    name: str

    async def complete(
        self,
        messages: Sequence[ChatMessage],
        *,
        tools: Sequence[dict[str, Any]] = (),
        max_tokens: int = 1024,
        stop: Sequence[str] = (),
    ) -> LLMReply: ...


Script = Callable[[CompletionRequest], LLMReply]


class FakeLLM:
    """Replays scripted replies; each entry is an LLMReply or a function of the request."""

    def __init__(self, script: Sequence[LLMReply | Script], name: str = "fake-llm-1") -> None:
        self.name = name
        self._script = list(script)
        self.requests: list[CompletionRequest] = []

    async def complete(
        self,
        messages: Sequence[ChatMessage],
        *,
        tools: Sequence[dict[str, Any]] = (),
        max_tokens: int = 1024,
        stop: Sequence[str] = (),
    ) -> LLMReply:
        request = CompletionRequest(list(messages), list(tools), max_tokens, list(stop))
        self.requests.append(request)
        if not self._script:
            return LLMReply(text="(fake model has nothing more to say)")
        step = self._script.pop(0)
        reply = step if isinstance(step, LLMReply) else step(request)
        if reply.tool_calls and reply.stop_reason == "end_turn":
            reply.stop_reason = "tool_use"
        if max_tokens and len(reply.text.split()) > max_tokens:
            reply.text = " ".join(reply.text.split()[:max_tokens])
            reply.stop_reason = "max_tokens"
        return reply


def last_tool_output(request: CompletionRequest) -> str:
    for message in reversed(request.messages):
        if message.role == "tool":
            return message.content
    return ""


def as_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))
