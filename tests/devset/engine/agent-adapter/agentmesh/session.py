"""One live connection to one MCP server."""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, Self

import anyio
import httpx
import mcp.types as types
from mcp import ClientSession
from mcp.client.streamable_http import GetSessionIdCallback
from mcp.shared._httpx_utils import McpHttpClientFactory
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from pydantic import AnyUrl

from agentmesh.config import ServerConfig
from agentmesh.hooks import AgentHooks
from agentmesh.transports import ReadStream, WriteStream, open_transport
from agentmesh.wire import WireTap

logger = logging.getLogger(__name__)

CLIENT_INFO = types.Implementation(name="agentmesh", version="0.9.2")
MAX_PAGES = 50

ProgressSink = Callable[[float, float | None, str | None], Awaitable[None]]


class MCPServerConnection:
    def __init__(
        self,
        config: ServerConfig,
        hooks: AgentHooks | None = None,
        *,
        client_factory: McpHttpClientFactory | None = None,
        wire_tap: WireTap | None = None,
    ) -> None:
        self.config = config
        self.hooks = (hooks or AgentHooks()).bind(config.name)
        self.client_factory = client_factory
        self.wire_tap = wire_tap
        self._session: ClientSession | None = None
        self.server_info: types.Implementation | None = None
        self.protocol_version: str | None = None
        self.instructions: str | None = None
        self._get_session_id: GetSessionIdCallback | None = None
        self._stack = contextlib.AsyncExitStack()
        self._call_ids = itertools.count(1)

    async def __aenter__(self) -> Self:
        read, write, self._get_session_id = await self._stack.enter_async_context(
            open_transport(self.config, client_factory=self.client_factory)
        )
        await self.attach(read, write)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def session(self) -> ClientSession:
        if self._session is None:
            raise RuntimeError(f"{self.name}: not connected")
        return self._session

    @property
    def session_id(self) -> str | None:
        return self._get_session_id() if self._get_session_id else None

    async def attach(self, read: ReadStream, write: WriteStream) -> types.InitializeResult:
        """Run the MCP handshake over an already-open pair of streams."""
        if self.wire_tap is not None:
            read, write = await self._stack.enter_async_context(self.wire_tap.wrap(read, write))
        read_timeout = self.config.read_timeout_seconds
        session = ClientSession(
            read,
            write,
            read_timeout_seconds=timedelta(seconds=read_timeout) if read_timeout else None,
            sampling_callback=self.hooks.sampling_callback,
            elicitation_callback=self.hooks.elicitation_callback,
            list_roots_callback=self.hooks.list_roots_callback,
            logging_callback=self.hooks.logging_callback,
            message_handler=self.hooks.message_handler,
            client_info=CLIENT_INFO,
        )
        self._session = await self._stack.enter_async_context(session)
        result = await self._session.initialize()
        self.server_info = result.serverInfo
        self.protocol_version = str(result.protocolVersion)
        self.instructions = result.instructions
        if self.protocol_version not in SUPPORTED_PROTOCOL_VERSIONS:
            logger.warning("%s negotiated unknown protocol %s", self.name, self.protocol_version)
        return result

    async def close(self) -> None:
        self._session = None
        await self._stack.aclose()

    @property
    def capabilities(self) -> types.ServerCapabilities:
        return self.session.get_server_capabilities() or types.ServerCapabilities()

    @property
    def tools_change_dynamically(self) -> bool:
        tools = self.capabilities.tools
        return bool(tools and tools.listChanged)

    async def list_all_tools(self) -> list[types.Tool]:
        tools: list[types.Tool] = []
        cursor: types.Cursor | None = None
        for _ in range(MAX_PAGES):
            page = await self.session.list_tools(cursor=cursor)
            tools.extend(t for t in page.tools if self.config.allows(t.name))
            if not page.nextCursor or page.nextCursor == cursor:
                break
            cursor = page.nextCursor
        return tools

    async def list_all_resources(self) -> tuple[list[types.Resource], list[types.ResourceTemplate]]:
        resources: list[types.Resource] = []
        cursor: types.Cursor | None = None
        for _ in range(MAX_PAGES):
            page = await self.session.list_resources(cursor=cursor)
            resources.extend(page.resources)
            if page.nextCursor is None:
                break
            cursor = page.nextCursor
        templates = await self.session.list_resource_templates()
        return resources, templates.resourceTemplates

    def next_call_id(self) -> str:
        return f"{self.name}-{next(self._call_ids)}"

    async def call_tool(
        self,
        name: str,
        arguments: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
        on_progress: ProgressSink | None = None,
        retries: int = 1,
    ) -> types.CallToolResult:
        progress_callback: ProgressFnT | None = None
        if on_progress is not None:
            sink = on_progress

            async def forward(progress: float, total: float | None, message: str | None) -> None:
                await sink(progress, total, message)

            progress_callback = forward

        for attempt in itertools.count(1):
            try:
                return await self.session.call_tool(
                    name,
                    arguments or {},
                    read_timeout_seconds=timedelta(seconds=timeout) if timeout else None,
                    progress_callback=progress_callback,
                )
            except McpError as exc:
                if exc.error.code != httpx.codes.REQUEST_TIMEOUT or attempt > retries:
                    raise
                logger.warning("%s.%s timed out, retry %d/%d", self.name, name, attempt, retries)
        raise AssertionError("unreachable")

    async def read_resource(self, uri: str) -> types.ReadResourceResult:
        return await self.session.read_resource(AnyUrl(uri))

    async def subscribe(self, uri: str) -> bool:
        resources = self.capabilities.resources
        if not (resources and resources.subscribe):
            return False
        await self.session.subscribe_resource(AnyUrl(uri))
        return True

    async def complete_template_argument(self, uri_template: str, argument: str, prefix: str) -> list[str]:
        ref = types.ResourceReference(type="ref/resource", uri=uri_template)
        result = await self.session.complete(ref, {"name": argument, "value": prefix})
        return result.completion.values

    async def set_log_level(self, level: types.LoggingLevel) -> None:
        await self.session.set_logging_level(level)

    async def ping(self) -> bool:
        try:
            with anyio.fail_after(5):
                await self.session.send_request(types.ClientRequest(types.PingRequest()), types.EmptyResult)
        except (McpError, TimeoutError, anyio.ClosedResourceError, anyio.BrokenResourceError):
            return False
        return True
