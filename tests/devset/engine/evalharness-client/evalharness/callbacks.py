"""Client callbacks: deterministic sampling answers and a message collector, so scores are reproducible."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder

N = TypeVar("N", bound=BaseModel)
ServerMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


class ScriptedSampler:
    """Answers ``sampling/createMessage``: the first key found in the last user turn picks the reply."""

    def __init__(self, replies: Mapping[str, str] | None = None, *, default: str = "I cannot answer that.") -> None:
        self.replies = dict(replies or {})
        self.default = default
        self.requests: list[types.CreateMessageRequestParams] = []

    async def __call__(
        self, context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        self.requests.append(params)
        budget = params.maxTokens
        if budget <= 0:
            return types.ErrorData(code=types.INVALID_PARAMS, message="maxTokens must be positive")
        last = params.messages[-1].content
        blocks = last if isinstance(last, list) else [last]
        prompt = " ".join(b.text for b in blocks if isinstance(b, types.TextContent)).lower()
        words = next((text for key, text in self.replies.items() if key in prompt), self.default).split()
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=" ".join(words[:budget])),
            model="scripted-model-1",
            stopReason="maxTokens" if len(words) > budget else "endTurn",
        )


@dataclass
class MessageCollector:
    """``message_handler`` that keeps every notification and transport error the session forwards."""

    notifications: list[types.ServerNotificationType] = field(default_factory=lambda: [])
    errors: list[Exception] = field(default_factory=lambda: [])

    async def __call__(self, message: ServerMessage) -> None:
        if isinstance(message, types.ServerNotification):
            self.notifications.append(message.root)
        elif isinstance(message, Exception):
            self.errors.append(message)

    def of_type(self, kind: type[N]) -> list[N]:
        return [n for n in self.notifications if isinstance(n, kind)]
