"""Connections to the servers the gateway fronts."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import Any

import mcp.types as types
from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.client.stdio import get_default_environment
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.session import RequestResponder

from gateway_proxy.config import UpstreamSpec

log = logging.getLogger(__name__)

IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception
NotificationSink = Callable[[str, types.ServerNotification], Awaitable[None]]


@dataclass
class Upstream:
    name: str
    session: ClientSession
    spec: UpstreamSpec | None = None
    server_info: types.Implementation | None = None
    capabilities: types.ServerCapabilities | None = None
    session_id: str | None = None
    resource_uris: set[str] = field(default_factory=set)

    @property
    def has_tools(self) -> bool:
        return self.capabilities is None or self.capabilities.tools is not None

    @property
    def has_resources(self) -> bool:
        return self.capabilities is None or self.capabilities.resources is not None

    @property
    def has_prompts(self) -> bool:
        return self.capabilities is None or self.capabilities.prompts is not None

    async def all_tools(self) -> list[types.Tool]:
        tools: list[types.Tool] = []
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            tools.extend(page.tools)
            cursor = page.nextCursor
            if cursor is None:
                return tools

    async def all_resources(self) -> list[types.Resource]:
        resources: list[types.Resource] = []
        params: types.PaginatedRequestParams | None = None
        while True:
            page = await self.session.list_resources(params=params)
            resources.extend(page.resources)
            if not page.nextCursor:
                break
            params = types.PaginatedRequestParams(cursor=page.nextCursor)
        self.resource_uris = {str(r.uri) for r in resources}
        return resources

    async def all_prompts(self) -> list[types.Prompt]:
        result = await self.session.list_prompts()
        return list(result.prompts)


def _make_message_handler(name: str, sink: NotificationSink | None):
    async def handle(message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            log.warning("upstream %s transport error: %s", name, message)
            return
        if isinstance(message, types.ServerNotification) and sink is not None:
            await sink(name, message)

    return handle


class UpstreamPool:
    """Owns every upstream ClientSession for the lifetime of the gateway."""

    def __init__(self, specs: list[UpstreamSpec], sink: NotificationSink | None = None) -> None:
        self.specs = specs
        self.sink = sink
        self.upstreams: dict[str, Upstream] = {}
        self._stack = AsyncExitStack()

    async def __aenter__(self) -> UpstreamPool:
        await self._stack.__aenter__()
        for spec in self.specs:
            upstream = await self._connect(spec)
            self.upstreams[spec.name] = upstream
            log.info("connected to %s (%s)", spec.name, spec.transport)
        return self

    async def __aexit__(self, *exc_info: Any) -> bool | None:
        return await self._stack.__aexit__(*exc_info)

    async def _connect(self, spec: UpstreamSpec) -> Upstream:
        get_session_id = None
        if spec.transport == "stdio":
            env = get_default_environment()
            env.update(spec.env)
            params = StdioServerParameters(command=spec.command or "", args=spec.args, env=env, cwd=spec.cwd)
            read, write = await self._stack.enter_async_context(stdio_client(params))
        else:
            read, write, get_session_id = await self._stack.enter_async_context(
                streamablehttp_client(
                    spec.url or "",
                    headers=spec.headers or None,
                    timeout=spec.timeout,
                    sse_read_timeout=spec.timeout * 10,
                )
            )
        session = await self._stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=spec.timeout,
                message_handler=_make_message_handler(spec.name, self.sink),
                client_info=types.Implementation(name="mcp-gateway", version="0.3.0"),
            )
        )
        init = await session.initialize()
        return Upstream(
            name=spec.name,
            session=session,
            spec=spec,
            server_info=init.serverInfo,
            capabilities=session.get_server_capabilities(),
            session_id=get_session_id() if get_session_id else None,
        )

    def add(self, upstream: Upstream) -> None:
        """Register an already-connected session (used by tests and embedders)."""
        self.upstreams[upstream.name] = upstream

    def get(self, name: str) -> Upstream:
        try:
            return self.upstreams[name]
        except KeyError:
            raise KeyError(f"unknown upstream {name!r}") from None
