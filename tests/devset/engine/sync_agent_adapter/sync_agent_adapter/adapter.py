"""Synchronous facade over one or more MCP client sessions."""

from __future__ import annotations

import asyncio
import base64
import logging
import threading
from collections.abc import Coroutine
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

import httpx
from pydantic import AnyUrl

from mcp import ClientSession, McpError, types
from mcp.client.streamable_http import GetSessionIdCallback
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder

from sync_agent_adapter.tools import AgentTool, ToolOutput, convert_result, tool_to_agent_tool
from sync_agent_adapter.transports import ServerConfig, open_streams

logger = logging.getLogger(__name__)
T = TypeVar("T")


class ToolError(RuntimeError):
    pass


class ToolTimeoutError(ToolError, TimeoutError):
    pass


@dataclass
class _Connection:
    session: ClientSession
    server_name: str
    get_session_id: GetSessionIdCallback | None = None
    tools: list[types.Tool] = field(default_factory=list)
    tools_stale: bool = False


async def _decline_elicitation(
    context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
) -> types.ElicitResult | types.ErrorData:
    logger.info("declining elicitation request: %s", params.message)
    return types.ElicitResult(action="decline")


async def _log_server_message(params: types.LoggingMessageNotificationParams) -> None:
    logger.info("[%s] %s", params.logger or "server", params.data)


async def list_all_tools(session: ClientSession) -> list[types.Tool]:
    tools: list[types.Tool] = []
    cursor: types.Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if not cursor:
            return tools


class MCPServerAdapter:
    """Connects to MCP servers on a background event loop; `with MCPServerAdapter(...) as tools:`."""

    def __init__(self, servers: ServerConfig | list[ServerConfig], *, connect_timeout: float = 30.0,
                 tool_timeout: float = 120.0) -> None:
        self._configs = servers if isinstance(servers, list) else [servers]
        self.connect_timeout = connect_timeout
        self.tool_timeout = tool_timeout
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="mcp-adapter", daemon=True)
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._lifecycle: Any = None
        self._connections: list[_Connection] = []

    def __enter__(self) -> list[AgentTool]:
        self._thread.start()
        self._lifecycle = asyncio.run_coroutine_threadsafe(self._run_sessions(), self._loop)
        if not self._ready.wait(self.connect_timeout) or self._lifecycle.done():
            self.__exit__()
            raise ConnectionError("Could not connect to the configured MCP servers")
        return self.tools

    def __exit__(self, *exc_info: object) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        try:
            self._lifecycle.result(timeout=10)
        except Exception:
            logger.debug("error while closing MCP sessions", exc_info=True)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    async def _run_sessions(self) -> None:
        # anyio cancel scopes must be exited by the task that entered them, so one task owns all sessions
        self._stop = asyncio.Event()
        async with AsyncExitStack() as stack:
            try:
                for config in self._configs:
                    self._connections.append(await self._connect(stack, config))
            finally:
                self._ready.set()  # failures surface through self._lifecycle
            await self._stop.wait()

    async def _connect(self, stack: AsyncExitStack, config: ServerConfig) -> _Connection:
        (read, write), get_session_id = await stack.enter_async_context(open_streams(config))
        connection: _Connection | None = None

        async def on_message(
            message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
        ) -> None:
            if isinstance(message, types.ServerNotification) and connection is not None:
                if isinstance(message.root, types.ToolListChangedNotification):
                    connection.tools_stale = True
            elif isinstance(message, Exception):
                logger.warning("transport error: %s", message)

        session = await stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=timedelta(seconds=self.tool_timeout),
                elicitation_callback=_decline_elicitation,
                logging_callback=_log_server_message,
                message_handler=on_message,
                client_info=types.Implementation(name="sync-agent-adapter", version="0.7.1"),
            )
        )
        init = await session.initialize()
        connection = _Connection(session, init.serverInfo.name, get_session_id)
        capabilities = session.get_server_capabilities()
        if capabilities is not None and capabilities.tools is not None:
            connection.tools = await list_all_tools(session)
        logger.info("connected to %s (protocol %s)", connection.server_name, init.protocolVersion)
        return connection

    def _run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout=timeout)

    @property
    def tools(self) -> list[AgentTool]:
        result: list[AgentTool] = []
        for index, connection in enumerate(self._connections):
            if connection.tools_stale:
                connection.tools = self._run(list_all_tools(connection.session), self.connect_timeout)
                connection.tools_stale = False
            for tool in connection.tools:
                result.append(tool_to_agent_tool(tool, lambda name, args, i=index: self.call_tool(name, args, i)))
        return result

    def session_ids(self) -> dict[str, str | None]:
        return {c.server_name: c.get_session_id() if c.get_session_id else None for c in self._connections}

    def call_tool(self, name: str, arguments: dict[str, Any], server_index: int = 0) -> ToolOutput:
        session = self._connections[server_index].session
        return self._run(self._call_tool(session, name, arguments), self.tool_timeout + 5)

    async def _call_tool(self, session: ClientSession, name: str, arguments: dict[str, Any]) -> ToolOutput:
        try:
            result = await session.call_tool(name, arguments, read_timeout_seconds=timedelta(seconds=self.tool_timeout))
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                raise ToolTimeoutError(f"Tool {name!r} timed out after {self.tool_timeout}s") from exc
            raise ToolError(f"{name} failed: {exc.error.message}") from exc
        return convert_result(result)

    def read_resource(self, uri: str, server_index: int = 0) -> list[str | bytes]:
        result = self._run(self._connections[server_index].session.read_resource(AnyUrl(uri)), self.tool_timeout)
        return [
            item.text if isinstance(item, types.TextResourceContents) else base64.b64decode(item.blob)
            for item in result.contents
        ]
