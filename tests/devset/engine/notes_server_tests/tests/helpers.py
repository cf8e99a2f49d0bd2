from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from mcp import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder
from mcp.types import (
    CallToolResult,
    ClientResult,
    CreateMessageRequestParams,
    CreateMessageResult,
    LoggingMessageNotificationParams,
    ServerNotification,
    ServerRequest,
    TextContent,
)

from notes_app.server import mcp


@dataclass
class Recorder:
    logs: list[LoggingMessageNotificationParams] = field(default_factory=list)
    notifications: list[str] = field(default_factory=list)
    progress: list[tuple[float, float | None]] = field(default_factory=list)
    sampled: list[CreateMessageRequestParams] = field(default_factory=list)

    async def on_log(self, params: LoggingMessageNotificationParams) -> None:
        self.logs.append(params)

    async def on_message(
        self,
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, ServerNotification):
            self.notifications.append(message.root.method)

    async def on_progress(self, progress: float, total: float | None, message: str | None) -> None:
        self.progress.append((progress, total))

    async def on_sample(
        self, context: RequestContext[ClientSession, Any], params: CreateMessageRequestParams
    ) -> CreateMessageResult:
        self.sampled.append(params)
        return CreateMessageResult(
            role="assistant",
            content=TextContent(type="text", text="three notes about groceries"),
            model="fake-llm",
            stopReason="endTurn",
        )


@asynccontextmanager
async def connected(recorder: Recorder | None = None, raise_exceptions: bool = True) -> AsyncIterator[ClientSession]:
    rec = recorder or Recorder()
    async with create_connected_server_and_client_session(
        mcp._mcp_server,
        read_timeout_seconds=timedelta(seconds=10),
        sampling_callback=rec.on_sample,
        logging_callback=rec.on_log,
        message_handler=rec.on_message,
        raise_exceptions=raise_exceptions,
    ) as session:
        yield session


def text_of(result: CallToolResult) -> str:
    parts: list[str] = []
    for block in result.content:
        assert isinstance(block, TextContent), f"unexpected block {block.type}"
        parts.append(block.text)
    return "\n".join(parts)
