"""Client-side connections to upstream MCP servers."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta
from functools import partial
from typing import Any, Literal, TypeAlias

import anyio
import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

import mcp.types as types
from mcp import ClientSession, StdioServerParameters
from mcp.client.session_group import StreamableHttpParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import get_default_environment, stdio_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel import Server
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage
from mcp.shared.session import RequestResponder

from hubproxy import __version__
from hubproxy.auth import UpstreamBearerAuth
from hubproxy.config import UpstreamSpec
from hubproxy.passthrough import DownstreamBridge
from hubproxy.wiretap import WireTap

logger = logging.getLogger(__name__)

CatalogKind = Literal["tools", "prompts", "resources"]
LocalServer: TypeAlias = "Server[Any, Any] | FastMCP[Any]"
ReadStream: TypeAlias = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream: TypeAlias = MemoryObjectSendStream[SessionMessage]
ChangeCallback = Callable[["UpstreamConnection", str, str | None], Awaitable[None]]


class UpstreamUnavailable(RuntimeError):
    pass


def http_parameters(spec: UpstreamSpec) -> StreamableHttpParameters:
    return StreamableHttpParameters(
        url=spec.url or "",
        headers=dict(spec.headers),
        timeout=timedelta(seconds=spec.timeout),
        sse_read_timeout=timedelta(seconds=spec.sse_read_timeout),
    )


def stdio_parameters(spec: UpstreamSpec) -> StdioServerParameters:
    env = get_default_environment()
    env.update(spec.env or {})
    return StdioServerParameters(command=spec.command or "", args=list(spec.args), env=env)


@asynccontextmanager
async def open_transport(
    spec: UpstreamSpec, local_servers: Mapping[str, LocalServer], tap: WireTap | None = None
) -> AsyncIterator[tuple[ReadStream, WriteStream, GetSessionIdCallback | None]]:
    auth = UpstreamBearerAuth(spec.bearer_token, upstream=spec.name) if spec.bearer_token else None
    if spec.transport == "stdio":
        async with stdio_client(stdio_parameters(spec)) as (read, write):
            yield read, write, None
    elif spec.transport == "sse":
        async with sse_client(
            spec.url or "", headers=spec.headers, timeout=spec.timeout, sse_read_timeout=spec.sse_read_timeout, auth=auth
        ) as (read, write):
            yield read, write, None
    elif spec.transport == "streamable-http":
        params = http_parameters(spec)
        async with streamablehttp_client(
            params.url,
            headers=params.headers,
            timeout=params.timeout,
            sse_read_timeout=params.sse_read_timeout,
            auth=auth,
        ) as (read, write, get_session_id):
            yield read, write, get_session_id
    else:
        target = local_servers.get(spec.name)
        if target is None:
            raise UpstreamUnavailable(f"no in-process server registered for {spec.name!r}")
        lowlevel = target._mcp_server if isinstance(target, FastMCP) else target
        async with create_client_server_memory_streams() as ((client_read, client_write), (server_read, server_write)):
            async with anyio.create_task_group() as tg:
                options = lowlevel.create_initialization_options()
                tg.start_soon(partial(lowlevel.run, server_read, server_write, options, raise_exceptions=False))
                if tap is not None:
                    tapped_send, tapped_recv = anyio.create_memory_object_stream[SessionMessage](16)
                    tg.start_soon(tap.pump, spec.name, tapped_recv, client_write)
                    client_write = tapped_send
                try:
                    yield client_read, client_write, None
                finally:
                    tg.cancel_scope.cancel()


class UpstreamConnection:
    """One live client session to an upstream, plus its cached catalog."""

    def __init__(
        self, spec: UpstreamSpec, *, local_servers: Mapping[str, LocalServer] | None = None,
        on_change: ChangeCallback | None = None, tap: WireTap | None = None,
    ) -> None:
        self.spec, self.bridge = spec, DownstreamBridge(spec.namespace)
        self.tools: dict[str, types.Tool] = {}
        self.prompts: dict[str, types.Prompt] = {}
        self.resources: dict[str, types.Resource] = {}
        self.templates: list[types.ResourceTemplate] = []
        self.stale: set[CatalogKind] = set()
        self.init_result: types.InitializeResult | None = None
        self.last_latency_ms: float | None = None
        self.timeouts = 0
        self._session: ClientSession | None = None
        self._session_id: GetSessionIdCallback | None = None
        self._local_servers, self._on_change, self._tap = local_servers or {}, on_change, tap
        self._stack, self._call_lock = AsyncExitStack(), anyio.Lock()

    @property
    def name(self) -> str:
        return self.spec.namespace

    @property
    def session(self) -> ClientSession:
        if self._session is None:
            raise UpstreamUnavailable(f"upstream {self.name!r} is not connected")
        return self._session

    @property
    def session_id(self) -> str | None:
        return self._session_id() if self._session_id else None

    def _read_timeout(self) -> timedelta | None:
        seconds = self.spec.read_timeout_seconds
        return timedelta(seconds=seconds) if seconds is not None else None

    async def connect(self) -> None:
        transport = open_transport(self.spec, self._local_servers, self._tap)
        read, write, self._session_id = await self._stack.enter_async_context(transport)
        session = ClientSession(
            read,
            write,
            read_timeout_seconds=self._read_timeout(),
            sampling_callback=self.bridge.sampling,
            elicitation_callback=self.bridge.elicitation,
            list_roots_callback=self.bridge.list_roots,
            logging_callback=self.bridge.log,
            message_handler=self._on_message,
            client_info=types.Implementation(name="hubproxy", version=__version__),
        )
        self._session = await self._stack.enter_async_context(session)
        self.init_result = await self._session.initialize()
        info = self.init_result.serverInfo
        logger.info("connected to %s (%s %s, protocol %s)", self.name, info.name, info.version, self.init_result.protocolVersion)
        await self.refresh()

    async def close(self) -> None:
        self._session = None
        await self._stack.aclose()

    def capabilities(self) -> types.ServerCapabilities | None:
        return self.session.get_server_capabilities()

    async def refresh(self, kinds: set[CatalogKind] | None = None) -> None:
        caps = self.capabilities()
        wanted: set[CatalogKind] = kinds or {"tools", "prompts", "resources"}
        if caps is None:
            return
        if "tools" in wanted and caps.tools is not None:
            self.tools.clear()
            cursor: types.Cursor | None = None
            while True:
                page = await self.session.list_tools(cursor=cursor)
                self.tools.update({tool.name: tool for tool in page.tools})
                if not (cursor := page.nextCursor):
                    break
        if "prompts" in wanted and caps.prompts is not None:
            prompts = await self.session.list_prompts()
            self.prompts = {prompt.name: prompt for prompt in prompts.prompts}
        if "resources" in wanted and caps.resources is not None:
            resources = await self.session.list_resources()
            self.resources = {str(resource.uri): resource for resource in resources.resources}
            try:
                self.templates = list((await self.session.list_resource_templates()).resourceTemplates)
            except McpError as exc:
                # Plenty of servers list resources without supporting templates.
                if exc.error.code != types.METHOD_NOT_FOUND:
                    raise
                self.templates = []
        self.stale -= wanted

    async def ensure_fresh(self) -> None:
        if self.stale and self._session is not None:
            await self.refresh(set(self.stale))

    async def ping(self) -> None:
        started = time.perf_counter()
        await self.session.send_ping()
        self.last_latency_ms = (time.perf_counter() - started) * 1000

    async def call_tool(
        self, name: str, arguments: dict[str, Any], ctx: Context[ServerSession, Any] | None = None
    ) -> types.CallToolResult:
        progress = self.bridge.progress_forwarder(ctx) if ctx is not None else None
        async with self._call_lock:
            with self.bridge.bind(ctx):
                try:
                    return await self.session.call_tool(
                        name, arguments, read_timeout_seconds=self._read_timeout(), progress_callback=progress
                    )
                except McpError as exc:
                    if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                        self.timeouts += 1
                    raise

    async def set_logging_level(self, level: types.LoggingLevel) -> None:
        caps = self.capabilities()
        if caps is not None and caps.logging is not None:
            await self.session.set_logging_level(level)

    async def _on_message(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        # Runs on the session's receive loop: never await a request on
        # ``self.session`` from here or the loop deadlocks waiting on itself.
        kind: CatalogKind
        match message:
            case Exception():
                logger.warning("upstream %s transport error: %s", self.name, message)
                return
            case types.ServerNotification(root=types.ToolListChangedNotification()):
                kind = "tools"
            case types.ServerNotification(root=types.PromptListChangedNotification()):
                kind = "prompts"
            case types.ServerNotification(root=types.ResourceListChangedNotification()):
                kind = "resources"
            case types.ServerNotification(root=types.ResourceUpdatedNotification(params=params)):
                if self._on_change is not None:
                    await self._on_change(self, "updated", str(params.uri))
                return
            case _:
                return
        self.stale.add(kind)
        if self._on_change is not None:
            await self._on_change(self, kind, None)
