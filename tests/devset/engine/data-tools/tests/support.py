"""Shared fixtures: an in-memory client/server pair plus fake client capabilities."""

from __future__ import annotations

import sys
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import anyio

from mcp import ClientSession
from mcp.server.fastmcp import FastMCP
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_client_server_memory_streams
from mcp.types import (
    CallToolResult,
    CreateMessageRequestParams,
    CreateMessageResult,
    ElicitRequestFormParams,
    ElicitRequestParams,
    ElicitResult,
    ErrorData,
    Implementation,
    InitializeResult,
    LoggingMessageNotificationParams,
    TextContent,
)

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from datatools.client import NotificationLog  # noqa: E402
from datatools.config import ServerConfig  # noqa: E402
from datatools.server import create_server  # noqa: E402
from datatools.state import AppState  # noqa: E402
from datatools.store import DatasetStore  # noqa: E402

CLIENT_INFO = Implementation(name="datatools-tests", version="0.0.1")


def structured(result: CallToolResult) -> dict[str, Any]:
    """Structured output of a successful tool call."""
    assert not result.isError, result.content
    assert result.structuredContent is not None
    return result.structuredContent


def make_server(**overrides: Any) -> FastMCP[AppState]:
    config = ServerConfig(**overrides)
    return create_server(config, DatasetStore.from_catalog(config.data_dir))


@dataclass
class FakeModel:
    """Stands in for the client's LLM when the server asks for sampling."""

    reply: str = "Sales peak in the west region; two returns were flagged."
    requests: list[CreateMessageRequestParams] = field(default_factory=list)

    async def __call__(
        self, context: RequestContext[ClientSession, Any], params: CreateMessageRequestParams
    ) -> CreateMessageResult | ErrorData:
        self.requests.append(params)
        if params.maxTokens < 10:
            return ErrorData(code=-1, message="budget too small")
        return CreateMessageResult(
            role="assistant",
            content=TextContent(type="text", text=self.reply),
            model="fake-analyst-1",
            stopReason="endTurn",
        )


@dataclass
class ScriptedUser:
    """Answers elicitation requests with a fixed action/content."""

    action: str = "accept"
    content: dict[str, str | int | float | bool | list[str] | None] | None = None
    prompts: list[str] = field(default_factory=list)
    schemas: list[dict[str, Any]] = field(default_factory=list)

    async def __call__(self, context: RequestContext[ClientSession, Any], params: ElicitRequestParams) -> ElicitResult:
        self.prompts.append(params.message)
        if isinstance(params, ElicitRequestFormParams):
            self.schemas.append(params.requestedSchema)
        if self.action == "accept":
            return ElicitResult(action="accept", content=self.content or {"confirm": True})
        if self.action == "decline":
            return ElicitResult(action="decline")
        return ElicitResult(action="cancel")


@dataclass
class LogSink:
    records: list[LoggingMessageNotificationParams] = field(default_factory=list)

    async def __call__(self, params: LoggingMessageNotificationParams) -> None:
        self.records.append(params)

    def messages(self) -> list[str]:
        return [str(r.data) for r in self.records]


@dataclass
class Connection:
    session: ClientSession
    init: InitializeResult
    notifications: NotificationLog


@asynccontextmanager
async def connect(
    server: FastMCP[AppState] | None = None,
    *,
    model: FakeModel | None = None,
    user: ScriptedUser | None = None,
    logs: LogSink | None = None,
) -> AsyncGenerator[Connection, None]:
    server = server or make_server()
    lowlevel = server._mcp_server
    notifications = NotificationLog()
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: lowlevel.run(
                    server_streams[0],
                    server_streams[1],
                    lowlevel.create_initialization_options(),
                    raise_exceptions=False,
                )
            )
            async with ClientSession(
                client_streams[0],
                client_streams[1],
                read_timeout_seconds=timedelta(seconds=10),
                sampling_callback=model,
                elicitation_callback=user,
                logging_callback=logs,
                message_handler=notifications,
                client_info=CLIENT_INFO,
            ) as session:
                init = await session.initialize()
                yield Connection(session=session, init=init, notifications=notifications)
            tg.cancel_scope.cancel()
