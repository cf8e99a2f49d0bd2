"""Connection manager: one ClientSession per upstream server."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import timedelta
from types import TracebackType
from typing import Any

import httpx
import mcp.types as types
from mcp import ClientSession
from mcp.shared._httpx_utils import McpHttpClientFactory
from mcp.shared.session import ProgressFnT
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from pydantic import AnyUrl

from relay import __version__
from relay.config import ServerEntry
from relay.errors import relay_error, with_retries
from relay.handlers import ElicitationPolicy, LogSink, NotificationRouter, RootsProvider, SamplingBridge
from relay.pagination import Catalog, load_catalog
from relay.transports import ReadStream, WriteStream, open_transport

logger = logging.getLogger(__name__)

AuthResolver = Callable[[ServerEntry], httpx.Auth | None]


@dataclass
class Upstream:
    name: str
    session: ClientSession
    init: types.InitializeResult
    router: NotificationRouter
    logs: LogSink
    session_id: Callable[[], str | None]
    call_timeout: timedelta | None = None
    catalog: Catalog | None = None
    calls: int = 0

    @property
    def server_name(self) -> str:
        return self.init.serverInfo.name

    @property
    def protocol_version(self) -> str:
        return str(self.init.protocolVersion)

    def supports(self, feature: str) -> bool:
        caps = self.session.get_server_capabilities() or self.init.capabilities
        return getattr(caps, feature, None) is not None

    async def ensure_catalog(self) -> Catalog:
        if self.catalog is None or self.router.stale:
            self.catalog = await load_catalog(self.session)
            self.router.stale.clear()
        return self.catalog

    async def call(
        self, tool: str, arguments: dict[str, Any] | None = None, *, timeout: timedelta | None = None,
        progress: ProgressFnT | None = None, meta: dict[str, Any] | None = None,
    ) -> types.CallToolResult:
        self.calls += 1

        async def attempt() -> types.CallToolResult:
            return await self.session.call_tool(
                tool, arguments or {}, read_timeout_seconds=timeout or self.call_timeout,
                progress_callback=progress, meta=meta,
            )

        return await with_retries(self.name, f"tools/call {tool}", attempt)

    async def read(self, uri: str | AnyUrl) -> types.ReadResourceResult:
        return await self.session.read_resource(uri if isinstance(uri, AnyUrl) else AnyUrl(uri))

    async def prompt(self, name: str, arguments: dict[str, str] | None = None) -> types.GetPromptResult:
        return await self.session.get_prompt(name, arguments)


class RelayClient:
    """Owns every upstream connection and its transport."""

    def __init__(
        self, *, sampling: SamplingBridge | None = None, elicitation: ElicitationPolicy | None = None,
        roots: RootsProvider | None = None, read_timeout: timedelta = timedelta(seconds=60),
        http_client_factory: McpHttpClientFactory | None = None, auth_for: AuthResolver | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self.client_info = types.Implementation(name="mcp-relay", version=__version__)
        self.sampling, self.elicitation, self.roots = sampling, elicitation, roots
        self.read_timeout = read_timeout
        self.http_client_factory = http_client_factory
        self.auth_for = auth_for
        self.http_client = http_client  # shared pool for streamable HTTP upstreams, owned by the caller
        self.upstreams: dict[str, Upstream] = {}
        self._stacks: dict[str, AsyncExitStack] = {}

    async def __aenter__(self) -> RelayClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for name in reversed(list(self._stacks)):
            await self.disconnect(name)

    def __getitem__(self, name: str) -> Upstream:
        if name not in self.upstreams:
            raise relay_error(f"unknown upstream {name!r}", code=types.INVALID_PARAMS)
        return self.upstreams[name]

    async def attach_streams(
        self, name: str, read: ReadStream, write: WriteStream, *, timeout: timedelta | None = None,
        session_id: Callable[[], str | None] = lambda: None, stack: AsyncExitStack | None = None,
    ) -> Upstream:
        stack = stack or AsyncExitStack()
        router, logs = NotificationRouter(name), LogSink(name)
        session = ClientSession(
            read, write, read_timeout_seconds=timeout or self.read_timeout, sampling_callback=self.sampling,
            elicitation_callback=self.elicitation, list_roots_callback=self.roots, logging_callback=logs,
            message_handler=router, client_info=self.client_info,
        )
        await stack.enter_async_context(session)
        init = await session.initialize()
        negotiated = str(init.protocolVersion)
        if negotiated not in SUPPORTED_PROTOCOL_VERSIONS:
            await stack.aclose()
            raise relay_error(f"{name}: unsupported protocol {negotiated}")
        if negotiated != types.LATEST_PROTOCOL_VERSION:
            logger.info("%s negotiated older protocol %s", name, negotiated)
        upstream = Upstream(name, session, init, router, logs, session_id, call_timeout=timeout)
        self.upstreams[name] = upstream
        self._stacks[name] = stack
        return upstream

    async def connect(self, entry: ServerEntry) -> Upstream:
        stack = AsyncExitStack()
        auth = self.auth_for(entry) if self.auth_for else None
        try:
            transport = await stack.enter_async_context(
                open_transport(entry, auth=auth, client_factory=self.http_client_factory, http_client=self.http_client)
            )
            seconds = entry.read_timeout_seconds
            timeout = timedelta(seconds=seconds) if seconds else None
            return await self.attach_streams(
                entry.name, transport.read, transport.write, timeout=timeout, session_id=transport.session_id, stack=stack
            )
        except BaseException:
            await stack.aclose()
            raise

    async def disconnect(self, name: str) -> None:
        self.upstreams.pop(name, None)
        stack = self._stacks.pop(name, None)
        if stack is not None:
            await stack.aclose()

    async def tool_index(self) -> dict[str, tuple[str, types.Tool]]:
        """``"<upstream>.<tool>"`` -> (upstream name, tool) across all connections."""
        index: dict[str, tuple[str, types.Tool]] = {}
        for name, upstream in self.upstreams.items():
            for tool in (await upstream.ensure_catalog()).tools:
                index[f"{name}.{tool.name}"] = (name, tool)
        return index

    async def call_qualified(self, qualified: str, arguments: dict[str, Any] | None = None) -> types.CallToolResult:
        upstream_name, _, tool = qualified.partition(".")
        return await self[upstream_name].call(tool, arguments)
