"""Managing connections to several MCP servers and routing calls between them."""

from __future__ import annotations

import logging
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from pydantic import AnyUrl

import mcp.types as types
from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from . import __version__
from .callbacks import ElicitationBridge, SamplingBridge, ServerEvents, roots_callback
from .config import AssistantConfig, ServerEntry
from .transports import ReadStream, TransportHandle, WriteStream, open_transport

logger = logging.getLogger(__name__)

SEPARATOR = "__"
MAX_PAGES = 100


class HubError(RuntimeError):
    pass


class ToolTimeout(HubError):
    def __init__(self, tool: str, seconds: float | None) -> None:
        super().__init__(f"{tool} did not answer within {seconds}s")
        self.seconds = seconds


async def collect_tools(session: ClientSession) -> list[types.Tool]:
    tools: list[types.Tool] = []
    cursor: types.Cursor | None = None
    for _ in range(MAX_PAGES):
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if cursor is None:
            break
    return tools


async def collect_resources(session: ClientSession) -> tuple[list[types.Resource], list[types.ResourceTemplate]]:
    resources: list[types.Resource] = []
    cursor: types.Cursor | None = None
    for _ in range(MAX_PAGES):
        page = await session.list_resources(cursor=cursor)
        resources.extend(page.resources)
        if not (cursor := page.nextCursor):
            break
    templates = await session.list_resource_templates()
    return resources, templates.resourceTemplates


@dataclass
class ServerConnection:
    name: str
    session: ClientSession
    init: types.InitializeResult
    events: ServerEvents
    stack: AsyncExitStack
    entry: ServerEntry | None = None
    transport: TransportHandle | None = None
    tools: dict[str, types.Tool] = field(default_factory=dict)
    stale: set[str] = field(default_factory=set)

    @property
    def server_label(self) -> str:
        info = self.init.serverInfo
        return f"{info.name} {info.version}"

    def capability(self, feature: str) -> bool:
        caps = self.session.get_server_capabilities() or self.init.capabilities
        return getattr(caps, feature, None) is not None

    def notifies_tool_changes(self) -> bool:
        caps = self.init.capabilities
        return bool(caps.tools and caps.tools.listChanged)

    def tool_timeout(self, override: float | None) -> timedelta | None:
        seconds = override if override is not None else (self.entry.tool_timeout if self.entry else None)
        return timedelta(seconds=seconds) if seconds else None


class ServerHub:
    """Owns one ClientSession per configured server and merges their tools."""

    def __init__(
        self,
        config: AssistantConfig | None = None,
        *,
        sampler: SamplingBridge | None = None,
        elicitor: ElicitationBridge | None = None,
        request_timeout: float = 30.0,
    ) -> None:
        self.config = config
        self.sampler = sampler
        self.elicitor = elicitor
        self.request_timeout = request_timeout
        self.client_info = types.Implementation(name="shellpilot", version=__version__)
        self.connections: dict[str, ServerConnection] = {}
        self._routes: dict[str, tuple[str, str]] = {}
        self._stack = AsyncExitStack()

    async def __aenter__(self) -> ServerHub:
        await self._stack.__aenter__()
        for entry in self.config.enabled() if self.config else []:
            await self.connect(entry)
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        self.connections.clear()
        self._routes.clear()
        await self._stack.__aexit__(*exc_info)

    async def connect(self, entry: ServerEntry, *, http_client: httpx.AsyncClient | None = None) -> ServerConnection:
        stack = AsyncExitStack()
        try:
            handle = await stack.enter_async_context(open_transport(entry, http_client=http_client))
            return await self._start(entry.name, handle.read, handle.write, stack, entry=entry, transport=handle)
        except BaseException:
            await stack.aclose()
            raise

    async def attach(
        self, name: str, read: ReadStream, write: WriteStream, *, entry: ServerEntry | None = None
    ) -> ServerConnection:
        """Attach already-open streams (used for in-process servers and tests)."""
        return await self._start(name, read, write, AsyncExitStack(), entry=entry)

    async def _start(
        self,
        name: str,
        read: ReadStream,
        write: WriteStream,
        stack: AsyncExitStack,
        *,
        entry: ServerEntry | None = None,
        transport: TransportHandle | None = None,
    ) -> ServerConnection:
        events = ServerEvents(server=name)
        root = entry.root_path() if entry else None
        session = await stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=timedelta(seconds=self.request_timeout),
                sampling_callback=self.sampler,
                elicitation_callback=self.elicitor,
                list_roots_callback=roots_callback([root] if root else []),
                logging_callback=events.handle_log,
                message_handler=events.handle_message,
                client_info=self.client_info,
            )
        )
        init = await session.initialize()
        version = init.protocolVersion
        if version not in SUPPORTED_PROTOCOL_VERSIONS:
            await stack.aclose()
            raise HubError(f"{name}: unsupported protocol version {version}")

        conn = ServerConnection(name, session, init, events, stack, entry=entry, transport=transport)

        # Notifications arrive on the session's receive loop, so sending a
        # request from here would wait forever; just remember to re-list later.
        async def on_change(what: str) -> None:
            conn.stale.add(what)

        events.on_change = on_change
        self._stack.push_async_callback(stack.aclose)
        self.connections[name] = conn
        await self.refresh_tools(conn)
        logger.info("connected to %s (%s, protocol %s)", name, conn.server_label, version)
        return conn

    async def disconnect(self, name: str) -> None:
        conn = self.connections.pop(name)
        self._routes = {q: route for q, route in self._routes.items() if route[0] != name}
        await conn.stack.aclose()

    async def refresh_tools(self, conn: ServerConnection) -> None:
        conn.tools = {t.name: t for t in await collect_tools(conn.session)} if conn.capability("tools") else {}
        self._routes = {q: route for q, route in self._routes.items() if route[0] != conn.name}
        self._routes.update({f"{conn.name}{SEPARATOR}{tool}": (conn.name, tool) for tool in conn.tools})

    async def refresh_stale(self) -> list[str]:
        refreshed: list[str] = []
        for conn in list(self.connections.values()):
            if "tools" in conn.stale:
                conn.stale.discard("tools")
                await self.refresh_tools(conn)
                refreshed.append(conn.name)
        return refreshed

    def all_tools(self) -> dict[str, types.Tool]:
        return {q: self.connections[srv].tools[tool] for q, (srv, tool) in sorted(self._routes.items())}

    def resolve(self, qualified: str) -> tuple[ServerConnection, str]:
        if qualified in self._routes:
            server, tool = self._routes[qualified]
            return self.connections[server], tool
        matches = [(srv, tool) for srv, tool in self._routes.values() if tool == qualified]
        if len(matches) == 1:
            return self.connections[matches[0][0]], matches[0][1]
        if matches:
            raise HubError(f"tool {qualified!r} is ambiguous")
        raise McpError(types.ErrorData(code=types.METHOD_NOT_FOUND, message=f"unknown tool {qualified!r}"))

    async def call_tool(
        self,
        qualified: str,
        arguments: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
        progress: ProgressFnT | None = None,
    ) -> types.CallToolResult:
        await self.refresh_stale()
        conn, tool = self.resolve(qualified)
        read_timeout = conn.tool_timeout(timeout)
        try:
            return await conn.session.call_tool(
                tool, arguments or {}, read_timeout_seconds=read_timeout, progress_callback=progress
            )
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                raise ToolTimeout(qualified, read_timeout.total_seconds() if read_timeout else None) from exc
            raise

    def connection(self, server: str | None) -> ServerConnection:
        if server is None and len(self.connections) == 1:
            return next(iter(self.connections.values()))
        server = server or (self.config.default_server if self.config else None)
        if server not in self.connections:
            raise HubError(f"not connected to {server!r}" if server else "several servers connected; say which one")
        return self.connections[server]

    async def read_resource(self, uri: str, server: str | None = None) -> types.ReadResourceResult:
        return await self.connection(server).session.read_resource(AnyUrl(uri))

    async def subscribe(self, uri: str, server: str | None = None) -> None:
        conn = self.connection(server)
        caps = conn.init.capabilities.resources
        if caps is None or not caps.subscribe:
            raise HubError(f"{conn.name} does not support resource subscriptions")
        await conn.session.subscribe_resource(AnyUrl(uri))

    async def complete(
        self, target: str, argument: str, partial: str, *, server: str | None = None
    ) -> tuple[list[str], bool]:
        """Complete an argument of a prompt (``target`` is its name) or a resource template (a URI template)."""
        ref: types.ResourceReference | types.PromptReference
        if "://" in target:
            ref = types.ResourceReference(type="ref/resource", uri=target)
        else:
            ref = types.PromptReference(type="ref/prompt", name=target)
        result = await self.connection(server).session.complete(ref, {"name": argument, "value": partial})
        return list(result.completion.values), bool(result.completion.hasMore)

    async def set_log_level(self, level: types.LoggingLevel, server: str | None = None) -> bool:
        conn = self.connection(server)
        try:
            await conn.session.set_logging_level(level)
        except McpError as exc:
            if exc.error.code == types.METHOD_NOT_FOUND:
                return False
            raise
        return True

    async def ping_all(self) -> dict[str, float | str]:
        latencies: dict[str, float | str] = {}
        for name, conn in self.connections.items():
            started = time.perf_counter()
            try:
                await conn.session.send_request(
                    types.ClientRequest(types.PingRequest(method="ping")),
                    types.EmptyResult,
                    request_read_timeout_seconds=timedelta(seconds=5),
                )
            except McpError as exc:
                latencies[name] = f"error {exc.error.code}: {exc.error.message}"
            else:
                latencies[name] = round((time.perf_counter() - started) * 1000, 2)
        return latencies
