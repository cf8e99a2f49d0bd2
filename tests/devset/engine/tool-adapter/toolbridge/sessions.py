"""Session management for one or many MCP servers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeAlias

import anyio
import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from pydantic import AnyUrl

import mcp.types as types
from mcp import ClientSession, McpError, stdio_client
from mcp.client.session import ElicitationFnT, ListRootsFnT, MessageHandlerFnT, SamplingFnT
from mcp.client.sse import sse_client
from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client, streamablehttp_client
from mcp.server.fastmcp import FastMCP
from mcp.shared._httpx_utils import create_mcp_http_client
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage
from mcp.shared.session import RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from .callbacks import LogCollector
from .config import (
    DEFAULT_HTTP_TIMEOUT,
    DEFAULT_SESSION_READ_TIMEOUT,
    DEFAULT_SSE_READ_TIMEOUT,
    Connection,
    InMemoryConnection,
    stdio_parameters,
)

logger = logging.getLogger(__name__)

ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]
TransportStreams = tuple[ReadStream, WriteStream, GetSessionIdCallback | None]
IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception
RemoteNotification: TypeAlias = types.ServerNotificationType
NotificationListener = Callable[[str, RemoteNotification], Awaitable[None]]


class ServerNotConnectedError(KeyError):
    pass


async def list_all_tools(session: ClientSession) -> list[types.Tool]:
    """Walk every page of ``tools/list``."""
    tools: list[types.Tool] = []
    cursor: types.Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        if not page.nextCursor:
            return tools
        cursor = page.nextCursor


@dataclass
class ServerHandle:
    """A live, initialized session plus what the server told us about itself."""

    name: str
    session: ClientSession
    server_info: types.Implementation
    protocol_version: str | int
    capabilities: types.ServerCapabilities
    instructions: str | None = None
    get_session_id: GetSessionIdCallback | None = None
    stack: AsyncExitStack | None = field(default=None, repr=False)

    @property
    def session_id(self) -> str | None:
        return self.get_session_id() if self.get_session_id is not None else None

    @property
    def supports_tools(self) -> bool:
        return self.capabilities.tools is not None

    @property
    def announces_tool_changes(self) -> bool:
        return bool(self.capabilities.tools and self.capabilities.tools.listChanged)

    @property
    def supports_subscriptions(self) -> bool:
        return bool(self.capabilities.resources and self.capabilities.resources.subscribe)

    @property
    def label(self) -> str:
        return f"{self.server_info.name} {self.server_info.version}".strip()


@asynccontextmanager
async def _memory_transport(conn: InMemoryConnection) -> AsyncIterator[TransportStreams]:
    server = conn["server"]
    lowlevel = server._mcp_server if isinstance(server, FastMCP) else server
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: lowlevel.run(
                    server_streams[0],
                    server_streams[1],
                    lowlevel.create_initialization_options(),
                    raise_exceptions=conn.get("raise_exceptions", False),
                )
            )
            try:
                yield client_streams[0], client_streams[1], None
            finally:
                tg.cancel_scope.cancel()


@asynccontextmanager
async def open_transport(conn: Connection) -> AsyncIterator[TransportStreams]:
    """Open the read/write streams for any supported connection type."""
    if conn["transport"] == "stdio":
        async with stdio_client(stdio_parameters(conn)) as (read, write):
            yield read, write, None
    elif conn["transport"] == "sse":
        async with sse_client(
            conn["url"],
            headers=conn.get("headers"),
            timeout=conn.get("timeout", 5),
            sse_read_timeout=conn.get("sse_read_timeout", 300),
            httpx_client_factory=conn.get("httpx_client_factory", create_mcp_http_client),
            auth=conn.get("auth"),
        ) as (read, write):
            yield read, write, None
    elif conn["transport"] == "streamable_http":
        async with streamablehttp_client(
            conn["url"],
            headers=conn.get("headers"),
            timeout=conn.get("timeout", DEFAULT_HTTP_TIMEOUT),
            sse_read_timeout=conn.get("sse_read_timeout", DEFAULT_SSE_READ_TIMEOUT),
            terminate_on_close=conn.get("terminate_on_close", True),
            httpx_client_factory=conn.get("httpx_client_factory", create_mcp_http_client),
            auth=conn.get("auth"),
        ) as (read, write, get_session_id):
            yield read, write, get_session_id
    else:
        async with _memory_transport(conn) as streams:
            yield streams


@asynccontextmanager
async def open_http_session(
    url: str,
    http_client: httpx.AsyncClient,
    *,
    read_timeout: timedelta | None = DEFAULT_SESSION_READ_TIMEOUT,
) -> AsyncIterator[tuple[ClientSession, str | None]]:
    """One-off session over a caller-owned httpx client (proxies, custom TLS, test transports)."""
    async with streamable_http_client(url, http_client=http_client, terminate_on_close=False) as (
        read,
        write,
        get_session_id,
    ):
        async with ClientSession(read, write, read_timeout_seconds=read_timeout) as session:
            await session.initialize()
            yield session, get_session_id()


class MultiServerMCPClient:
    """Keeps one initialized ClientSession per configured server."""

    def __init__(
        self,
        connections: Mapping[str, Connection] | None = None,
        *,
        read_timeout: timedelta | None = DEFAULT_SESSION_READ_TIMEOUT,
        sampling_callback: SamplingFnT | None = None,
        elicitation_callback: ElicitationFnT | None = None,
        list_roots_callback: ListRootsFnT | None = None,
        client_info: types.Implementation | None = None,
    ) -> None:
        self.connections: dict[str, Connection] = dict(connections or {})
        self.read_timeout = read_timeout
        self.sampling_callback = sampling_callback
        self.elicitation_callback = elicitation_callback
        self.list_roots_callback = list_roots_callback
        self.client_info = client_info or types.Implementation(name="toolbridge", version="0.6.2")
        self.logs = LogCollector()
        self.updated_resources: list[tuple[str, AnyUrl]] = []
        self._handles: dict[str, ServerHandle] = {}
        self._tool_cache: dict[str, list[types.Tool]] = {}
        self._listeners: list[NotificationListener] = []
        self._stack: AsyncExitStack | None = None

    async def __aenter__(self) -> MultiServerMCPClient:
        self._stack = AsyncExitStack()
        await self._stack.__aenter__()
        try:
            for name in list(self.connections):
                await self.connect(name)
        except BaseException:
            await self.aclose()
            raise
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        stack, self._stack = self._stack, None
        self._handles.clear()
        self._tool_cache.clear()
        if stack is not None:
            await stack.aclose()

    def add_listener(self, listener: NotificationListener) -> None:
        self._listeners.append(listener)

    @property
    def server_names(self) -> list[str]:
        return list(self._handles)

    def handle(self, name: str) -> ServerHandle:
        try:
            return self._handles[name]
        except KeyError:
            raise ServerNotConnectedError(name) from None

    def get_session(self, name: str) -> ClientSession:
        return self.handle(name).session

    async def connect(self, name: str, connection: Connection | None = None) -> ServerHandle:
        if self._stack is None:
            raise RuntimeError("MultiServerMCPClient must be used as an async context manager")
        if connection is not None:
            self.connections[name] = connection
        if name in self._handles:
            return self._handles[name]
        server_stack = AsyncExitStack()
        try:
            handle = await server_stack.enter_async_context(self.session(name))
        except BaseException:
            await server_stack.aclose()
            raise
        handle.stack = server_stack
        self._handles[name] = handle
        self._stack.push_async_callback(server_stack.aclose)
        logger.info("connected to %s (%s, protocol %s)", name, handle.label, handle.protocol_version)
        return handle

    async def disconnect(self, name: str) -> None:
        handle = self._handles.pop(name, None)
        if handle is None:
            raise ServerNotConnectedError(name)
        self._tool_cache.pop(name, None)
        if handle.stack is not None:
            await handle.stack.aclose()

    @asynccontextmanager
    async def session(self, name: str) -> AsyncIterator[ServerHandle]:
        """Open a fresh, initialized session to ``name`` for the duration of the block."""
        conn = self.connections[name]
        async with open_transport(conn) as (read, write, get_session_id):
            async with ClientSession(
                read,
                write,
                read_timeout_seconds=self.read_timeout,
                sampling_callback=self.sampling_callback,
                elicitation_callback=self.elicitation_callback,
                list_roots_callback=self.list_roots_callback,
                logging_callback=self.logs.for_server(name),
                message_handler=self._message_handler_for(name),
                client_info=self.client_info,
            ) as session:
                result = await session.initialize()
                negotiated = result.protocolVersion
                if negotiated not in SUPPORTED_PROTOCOL_VERSIONS:
                    raise McpError(
                        types.ErrorData(
                            code=types.INVALID_REQUEST,
                            message=f"{name}: unsupported protocol version {negotiated}",
                        )
                    )
                yield ServerHandle(
                    name=name,
                    session=session,
                    server_info=result.serverInfo,
                    protocol_version=negotiated,
                    capabilities=result.capabilities,
                    instructions=result.instructions,
                    get_session_id=get_session_id,
                )

    def _message_handler_for(self, name: str) -> MessageHandlerFnT:
        async def message_handler(message: IncomingMessage) -> None:
            if isinstance(message, Exception):
                logger.warning("transport error from %s: %s", name, message)
                return
            if isinstance(message, RequestResponder):
                return
            notification = message.root
            match notification:
                case types.ToolListChangedNotification():
                    logger.info("%s: tool list changed, dropping cache", name)
                    self._tool_cache.pop(name, None)
                case types.ResourceUpdatedNotification(params=params):
                    self.updated_resources.append((name, params.uri))
                case _:
                    pass
            for listener in self._listeners:
                await listener(name, notification)

        return message_handler

    async def list_tools(self, name: str, *, refresh: bool = False) -> list[types.Tool]:
        if not refresh and name in self._tool_cache:
            return self._tool_cache[name]
        tools = await list_all_tools(self.get_session(name))
        self._tool_cache[name] = tools
        return tools

    def cached_tools(self, name: str) -> list[types.Tool]:
        return list(self._tool_cache.get(name, []))

    async def list_all_tools(self) -> dict[str, list[types.Tool]]:
        return {name: await self.list_tools(name) for name in self.server_names}

    def capabilities(self, name: str) -> types.ServerCapabilities | None:
        return self.get_session(name).get_server_capabilities()
