"""Connections to upstream MCP servers, owned by one AsyncExitStack."""

from __future__ import annotations

import logging
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from mcp import ClientSession, StdioServerParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.types import Implementation, ServerCapabilities, Tool

from restbridge.config import UpstreamConfig

log = logging.getLogger(__name__)

CLIENT_INFO = Implementation(name="restbridge", version="0.3.0")


@dataclass
class Upstream:
    config: UpstreamConfig
    session: ClientSession
    server_info: Implementation | None = None
    protocol_version: str | None = None
    tools: dict[str, Tool] = field(default_factory=dict)
    get_session_id: Any = None

    @property
    def capabilities(self) -> ServerCapabilities | None:
        return self.session.get_server_capabilities()

    async def refresh_tools(self) -> dict[str, Tool]:
        tools: dict[str, Tool] = {}
        cursor: str | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            for tool in page.tools:
                if self.config.allows(tool.name):
                    tools[tool.name] = tool
            cursor = page.nextCursor
            if not cursor:
                break
        self.tools = tools
        return tools


class UpstreamPool:
    def __init__(self) -> None:
        self._stack = AsyncExitStack()
        self.upstreams: dict[str, Upstream] = {}

    async def __aenter__(self) -> "UpstreamPool":
        await self._stack.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        self.upstreams.clear()
        await self._stack.__aexit__(*exc)

    async def connect(self, config: UpstreamConfig) -> Upstream:
        get_session_id = None
        if config.transport == "stdio":
            assert config.command is not None
            params = StdioServerParameters(command=config.command, args=config.args, env=config.env)
            read, write = await self._stack.enter_async_context(stdio_client(params))
        elif config.transport == "sse":
            assert config.url is not None
            read, write = await self._stack.enter_async_context(
                sse_client(config.url, headers=config.headers, timeout=config.timeout)
            )
        else:
            assert config.url is not None
            read, write, get_session_id = await self._stack.enter_async_context(
                streamablehttp_client(
                    config.url,
                    headers=config.headers,
                    timeout=timedelta(seconds=config.timeout),
                    sse_read_timeout=timedelta(minutes=5),
                )
            )
        session = await self._stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=timedelta(seconds=config.call_timeout),
                client_info=CLIENT_INFO,
            )
        )
        upstream = await self.attach(config, session)
        upstream.get_session_id = get_session_id
        return upstream

    async def attach(self, config: UpstreamConfig, session: ClientSession, *, initialize: bool = True) -> Upstream:
        """Register an already-open session (used by `connect` and by tests)."""
        upstream = Upstream(config=config, session=session)
        if initialize:
            init = await session.initialize()
            upstream.server_info = init.serverInfo
            upstream.protocol_version = str(init.protocolVersion)
            log.info("connected %s (%s %s)", config.name, init.serverInfo.name, init.serverInfo.version)
        await upstream.refresh_tools()
        self.upstreams[config.name] = upstream
        return upstream

    def get(self, name: str) -> Upstream:
        try:
            return self.upstreams[name]
        except KeyError:
            raise LookupError(f"no upstream named {name!r}") from None
