"""``McpHook``: the single place where the provider opens MCP client sessions."""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from datetime import timedelta
from typing import Any

import httpx
from pydantic import AnyUrl

from mcp import ClientSession, StdioServerParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.exceptions import McpError
from mcp.types import (
    BlobResourceContents,
    CallToolResult,
    GetPromptResult,
    Implementation,
    LoggingMessageNotificationParams,
    TextResourceContents,
)

from flowhooks_mcp.connection import McpConnection

log = logging.getLogger(__name__)

CLIENT_INFO = Implementation(name="flowhooks-provider-mcp", version="0.7.2")

SessionFactory = Callable[[], AbstractAsyncContextManager[ClientSession]]


class McpHookError(RuntimeError):
    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class McpHookTimeout(McpHookError):
    pass


class McpHook:
    """Hook for one MCP connection.

    ``session_factory`` lets tests (and the in-process executor) hand in a ready
    ``ClientSession`` instead of spawning a transport.
    """

    conn_type = "mcp"
    hook_name = "Model Context Protocol"

    def __init__(
        self,
        mcp_conn_id: str = "mcp_default",
        *,
        connection: McpConnection | None = None,
        session_factory: SessionFactory | None = None,
    ) -> None:
        self.mcp_conn_id = mcp_conn_id
        self._connection = connection
        self._session_factory = session_factory
        self.server_name: str | None = None
        self.protocol_version: str | None = None
        self.session_id: str | None = None

    @property
    def connection(self) -> McpConnection:
        if self._connection is None:
            self._connection = McpConnection.from_env(self.mcp_conn_id)
        return self._connection

    async def _on_server_log(self, params: LoggingMessageNotificationParams) -> None:
        level = getattr(logging, params.level.upper(), logging.INFO)
        log.log(level, "[%s] %s", params.logger or self.mcp_conn_id, params.data)

    @asynccontextmanager
    async def get_session(self) -> AsyncIterator[ClientSession]:
        """Open, initialize and yield a session; everything is closed on exit."""
        if self._session_factory is not None:
            async with self._session_factory() as session:
                yield session
            return

        conn = self.connection
        async with AsyncExitStack() as stack:
            if conn.transport == "stdio":
                if not conn.command:
                    raise McpHookError(f"{conn.conn_id}: stdio connection without a command")
                params = StdioServerParameters(command=conn.command, args=conn.args, env=conn.env or None)
                read, write = await stack.enter_async_context(stdio_client(params))
            elif conn.transport == "sse":
                assert conn.url is not None
                read, write = await stack.enter_async_context(
                    sse_client(conn.url, headers=conn.headers, timeout=conn.timeout, sse_read_timeout=conn.read_timeout)
                )
            else:
                assert conn.url is not None
                read, write, get_session_id = await stack.enter_async_context(
                    streamablehttp_client(
                        conn.url,
                        headers=conn.headers,
                        timeout=timedelta(seconds=conn.timeout),
                        sse_read_timeout=timedelta(seconds=conn.read_timeout),
                    )
                )
                stack.callback(self._remember_session_id, get_session_id)

            session = await stack.enter_async_context(
                ClientSession(
                    read,
                    write,
                    read_timeout_seconds=timedelta(seconds=conn.read_timeout),
                    logging_callback=self._on_server_log,
                    client_info=CLIENT_INFO,
                )
            )
            init = await session.initialize()
            self.server_name = init.serverInfo.name
            self.protocol_version = str(init.protocolVersion)
            log.info("connected to %s (%s, protocol %s)", conn.describe(), self.server_name, self.protocol_version)
            yield session

    def _remember_session_id(self, get_session_id: Callable[[], str | None]) -> None:
        self.session_id = get_session_id()

    async def test_connection(self) -> tuple[bool, str]:
        """Used by the connection form's "Test" button."""
        try:
            async with self.get_session() as session:
                caps = session.get_server_capabilities()
                await session.send_ping()
        except McpError as exc:
            return False, f"server error {exc.error.code}: {exc.error.message}"
        except (OSError, httpx.HTTPError) as exc:
            return False, f"connection failed: {exc}"
        features = []
        if caps is not None:
            if caps.tools is not None:
                features.append("tools" + (" (listChanged)" if caps.tools.listChanged else ""))
            if caps.resources is not None:
                features.append("resources")
            if caps.prompts is not None:
                features.append("prompts")
        return True, f"{self.server_name} speaks {self.protocol_version}; offers {', '.join(features) or 'nothing'}"

    async def run_tool(
        self,
        name: str,
        arguments: dict[str, Any] | None = None,
        *,
        timeout_seconds: float | None = None,
        session: ClientSession | None = None,
    ) -> CallToolResult:
        timeout = timedelta(seconds=timeout_seconds) if timeout_seconds else None
        try:
            if session is not None:
                return await session.call_tool(name, arguments or {}, read_timeout_seconds=timeout)
            async with self.get_session() as own:
                return await own.call_tool(name, arguments or {}, read_timeout_seconds=timeout)
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                raise McpHookTimeout(f"tool {name!r} timed out after {timeout_seconds}s", exc.error.code) from exc
            raise McpHookError(f"tool {name!r} failed: {exc.error.message}", exc.error.code) from exc

    async def read_text(self, uri: str, *, session: ClientSession | None = None) -> tuple[str, str | None]:
        """Read a resource and return ``(text, mime_type)``; blobs are decoded as UTF-8."""
        if session is None:
            async with self.get_session() as own:
                return await self.read_text(uri, session=own)
        result = await session.read_resource(AnyUrl(uri))
        chunks: list[str] = []
        mime: str | None = None
        for item in result.contents:
            mime = mime or item.mimeType
            if isinstance(item, TextResourceContents):
                chunks.append(item.text)
            elif isinstance(item, BlobResourceContents):
                chunks.append(base64.b64decode(item.blob).decode("utf-8", errors="replace"))
        return "".join(chunks), mime

    async def render_prompt(
        self, name: str, arguments: dict[str, str] | None = None, *, session: ClientSession | None = None
    ) -> GetPromptResult:
        if session is None:
            async with self.get_session() as own:
                return await own.get_prompt(name, arguments)
        return await session.get_prompt(name, arguments)

    async def list_tool_names(self, session: ClientSession) -> list[str]:
        names: list[str] = []
        cursor: str | None = None
        while True:
            page = await session.list_tools(cursor=cursor)
            names.extend(tool.name for tool in page.tools)
            cursor = page.nextCursor
            if not cursor:
                return names
