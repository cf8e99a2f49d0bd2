from __future__ import annotations

import logging
from contextlib import AsyncExitStack
from typing import Callable

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.types import Implementation, InitializeResult, ServerCapabilities

from agentkit_mcp.config import MCPServerConfig, TransportKind

logger = logging.getLogger(__name__)

CLIENT_INFO = Implementation(name="agentkit", version="0.9.2")


class ConnectedServer:
    """A live session plus what the server told us about itself."""

    def __init__(
        self,
        config: MCPServerConfig,
        session: ClientSession,
        init: InitializeResult,
        get_session_id: Callable[[], str | None] | None = None,
    ) -> None:
        self.config = config
        self.session = session
        self.server_name = f"{init.serverInfo.name} {init.serverInfo.version}"
        self.protocol_version = init.protocolVersion
        self.instructions = init.instructions
        self.capabilities: ServerCapabilities = init.capabilities
        self._get_session_id = get_session_id

    @property
    def http_session_id(self) -> str | None:
        return self._get_session_id() if self._get_session_id else None

    @property
    def supports_tool_list_changed(self) -> bool:
        tools = self.capabilities.tools
        return bool(tools and tools.listChanged)


class MCPConnectionManager:
    """Opens one ClientSession per configured server and caches it by name."""

    def __init__(self, configs: list[MCPServerConfig]) -> None:
        self._configs = {c.name: c for c in configs}
        self._stack = AsyncExitStack()
        self._servers: dict[str, ConnectedServer] = {}
        self._lock = anyio.Lock()

    async def __aenter__(self) -> "MCPConnectionManager":
        await self._stack.__aenter__()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        self._servers.clear()
        await self._stack.aclose()

    async def get(self, name: str) -> ConnectedServer:
        async with self._lock:
            if name in self._servers:
                return self._servers[name]
            config = self._configs[name]
            config.validate()
            server = await self._connect(config)
            self._servers[name] = server
            logger.info("connected to %s (%s, protocol %s)", name, server.server_name, server.protocol_version)
            return server

    async def _connect(self, config: MCPServerConfig) -> ConnectedServer:
        get_session_id: Callable[[], str | None] | None = None
        if config.transport is TransportKind.STDIO:
            assert config.command is not None
            params = StdioServerParameters(command=config.command, args=config.args, env=config.env)
            read, write = await self._stack.enter_async_context(stdio_client(params))
        else:
            assert config.url is not None
            read, write, get_session_id = await self._stack.enter_async_context(
                streamablehttp_client(
                    config.url,
                    headers=config.headers,
                    timeout=config.connect_timeout,
                    sse_read_timeout=config.sse_read_timeout,
                )
            )

        session = await self._stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=config.call_timeout,
                client_info=CLIENT_INFO,
            )
        )
        with anyio.fail_after(config.connect_timeout.total_seconds()):
            init = await session.initialize()
        return ConnectedServer(config, session, init, get_session_id)
