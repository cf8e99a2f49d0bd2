"""Ready-made client callbacks for sampling, roots and notifications."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mcp import ClientSession
from mcp.client.session import MessageHandlerFnT
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder
from mcp.types import (
    ClientResult,
    CreateMessageRequestParams,
    CreateMessageResult,
    ErrorData,
    ListRootsResult,
    Root,
    ServerNotification,
    ServerRequest,
    TextContent,
)
from pydantic import FileUrl


class ScriptedSampler:
    """A sampling callback that answers from a function instead of an LLM (tests, demos)."""

    def __init__(self, reply: Callable[[str], str], model: str = "scripted-1") -> None:
        self.reply = reply
        self.model = model
        self.requests: list[CreateMessageRequestParams] = []

    async def __call__(
        self, context: RequestContext[ClientSession, Any], params: CreateMessageRequestParams
    ) -> CreateMessageResult | ErrorData:
        self.requests.append(params)
        last = params.messages[-1].content
        if not isinstance(last, TextContent):
            return ErrorData(code=-32602, message="only text prompts are supported")
        return CreateMessageResult(
            role="assistant",
            content=TextContent(type="text", text=self.reply(last.text)[: params.maxTokens * 4]),
            model=self.model,
            stopReason="endTurn",
        )


class RootsProvider:
    def __init__(self, *paths: Path) -> None:
        self.paths = list(paths)

    async def __call__(self, context: RequestContext[ClientSession, Any]) -> ListRootsResult | ErrorData:
        return ListRootsResult(
            roots=[Root(uri=FileUrl(p.resolve().as_uri()), name=p.name or str(p)) for p in self.paths]
        )


def collect_notifications(sink: list[str]) -> MessageHandlerFnT:
    """A message handler that records the method of every server notification."""

    async def handler(
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, ServerNotification):
            sink.append(message.root.method)
        elif isinstance(message, Exception):
            sink.append(f"error:{type(message).__name__}")

    return handler
