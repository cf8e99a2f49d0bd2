"""In-memory test harness for widgetkit MCP adapters.

    harness = AdapterHarness(McpAdapter(app))
    async with harness.connect() as session:
        result = await harness.call(session, "add_item", {"name": "bolt"})
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import anyio
import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.client.session import ClientSession
from mcp.shared.memory import create_client_server_memory_streams, create_connected_server_and_client_session
from mcp.shared.message import SessionMessage
from mcp.shared.session import ProgressFnT, RequestResponder

from widgetkit.adapter import McpAdapter

HARNESS_CLIENT = types.Implementation(name="widgetkit-harness", version="1.0")


@dataclass
class Traffic:
    logs: list[types.LoggingMessageNotificationParams] = field(default_factory=list)
    progress: list[tuple[float, float | None, str | None]] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    list_changed: list[str] = field(default_factory=list)

    def log_events(self) -> list[str]:
        return [p.data.get("event", "") for p in self.logs if isinstance(p.data, dict)]


class AdapterHarness:
    def __init__(self, adapter: McpAdapter, *, timeout: float = 5.0) -> None:
        self.adapter = adapter
        self.timeout = timedelta(seconds=timeout)
        self.traffic = Traffic()

    @asynccontextmanager
    async def connect(self, *, raise_exceptions: bool = False) -> AsyncIterator[ClientSession]:
        async with create_connected_server_and_client_session(
            self.adapter.server,
            read_timeout_seconds=self.timeout,
            logging_callback=self._on_log,
            message_handler=self._on_message,
            client_info=HARNESS_CLIENT,
            raise_exceptions=raise_exceptions,
        ) as session:
            yield session

    async def _on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        self.traffic.logs.append(params)

    async def _on_message(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        match message:
            case types.ServerNotification(root=types.ResourceUpdatedNotification(params=params)):
                self.traffic.updated.append(str(params.uri))
            case types.ServerNotification(root=types.ResourceListChangedNotification()):
                self.traffic.list_changed.append("resources")
            case types.ServerNotification(root=types.ToolListChangedNotification()):
                self.traffic.list_changed.append("tools")
            case _:
                pass

    async def call(
        self,
        session: ClientSession,
        name: str,
        arguments: dict[str, Any] | None = None,
        *,
        track_progress: bool = False,
    ) -> types.CallToolResult:
        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            self.traffic.progress.append((progress, total, message))

        callback: ProgressFnT | None = on_progress if track_progress else None
        return await session.call_tool(name, arguments or {}, self.timeout, progress_callback=callback)

    async def all_tools(self, session: ClientSession) -> list[types.Tool]:
        tools: list[types.Tool] = []
        cursor: types.Cursor | None = None
        while True:
            page = await session.list_tools(cursor=cursor)
            tools.extend(page.tools)
            cursor = page.nextCursor
            if cursor is None:
                return tools

    @staticmethod
    def text_of(result: types.CallToolResult) -> str:
        return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))

    @staticmethod
    def snapshot(tools: list[types.Tool]) -> list[dict[str, Any]]:
        """JSON-able snapshot of a tool listing for golden-file comparisons."""
        return [tool.model_dump(mode="json", exclude_none=True) for tool in tools]


RawStreams = tuple[MemoryObjectReceiveStream[SessionMessage | Exception], MemoryObjectSendStream[SessionMessage]]


@asynccontextmanager
async def raw_connection(adapter: McpAdapter) -> AsyncIterator[RawStreams]:
    """Client-side raw streams to a running adapter, for wire-level tests."""
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        server_read, server_write = server_streams
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: adapter.server.run(server_read, server_write, adapter.initialization_options(), stateless=False)
            )
            try:
                yield client_streams
            finally:
                tg.cancel_scope.cancel()
