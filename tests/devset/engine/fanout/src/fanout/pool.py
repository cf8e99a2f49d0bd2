"""A pool of named, initialized client sessions that live on one AsyncExitStack."""

from __future__ import annotations

import logging
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from types import TracebackType

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.session import RequestResponder
from mcp.types import (
    ClientResult,
    Implementation,
    PaginatedRequestParams,
    ServerNotification,
    ServerRequest,
    Tool,
    ToolListChangedNotification,
)

from fanout.jobs import ServerSpec

log = logging.getLogger(__name__)

CLIENT_INFO = Implementation(name="mcp-fanout", version="0.4.0")


class UnknownServer(KeyError):
    pass


@dataclass
class PoolEntry:
    name: str
    session: ClientSession
    server_name: str = ""
    tools: dict[str, Tool] = field(default_factory=dict)
    stale: bool = False


class SessionPool:
    """``async with SessionPool(specs) as pool`` connects every server up front."""

    def __init__(self, specs: list[ServerSpec] | None = None, *, request_timeout: float = 60.0) -> None:
        self.specs = specs or []
        self.request_timeout = request_timeout
        self.entries: dict[str, PoolEntry] = {}
        self._stack = AsyncExitStack()

    async def __aenter__(self) -> SessionPool:
        await self._stack.__aenter__()
        try:
            for spec in self.specs:
                await self.connect(spec)
        except BaseException:
            await self._stack.aclose()
            raise
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool | None:
        return await self._stack.__aexit__(exc_type, exc, tb)

    def _message_handler(self, name: str):
        async def handle(
            message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
        ) -> None:
            if isinstance(message, Exception):
                log.warning("%s: transport error: %s", name, message)
            elif isinstance(message, ServerNotification) and isinstance(message.root, ToolListChangedNotification):
                entry = self.entries.get(name)
                if entry is not None:
                    entry.stale = True

        return handle

    async def connect(self, spec: ServerSpec) -> PoolEntry:
        if spec.kind == "stdio":
            params = StdioServerParameters(command=spec.command[0], args=spec.command[1:])
            read, write = await self._stack.enter_async_context(stdio_client(params))
        else:
            assert spec.url is not None
            read, write, _ = await self._stack.enter_async_context(
                streamablehttp_client(spec.url, headers=spec.headers, timeout=timedelta(seconds=30))
            )
        session = await self._stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=timedelta(seconds=self.request_timeout),
                message_handler=self._message_handler(spec.name),
                client_info=CLIENT_INFO,
            )
        )
        init = await session.initialize()
        return await self.adopt(spec.name, session, server_name=init.serverInfo.name)

    async def adopt(self, name: str, session: ClientSession, *, server_name: str = "") -> PoolEntry:
        """Register an already-initialized session (used for in-process servers and tests)."""
        entry = PoolEntry(name=name, session=session, server_name=server_name)
        self.entries[name] = entry
        await self.refresh_tools(name)
        caps = session.get_server_capabilities()
        if caps is not None and caps.tools is not None and caps.tools.listChanged:
            log.debug("%s announces tool list changes", name)
        return entry

    async def refresh_tools(self, name: str) -> dict[str, Tool]:
        entry = self.get(name)
        tools: dict[str, Tool] = {}
        cursor: str | None = None
        while True:
            page = await entry.session.list_tools(params=PaginatedRequestParams(cursor=cursor))
            tools.update((t.name, t) for t in page.tools)
            cursor = page.nextCursor
            if cursor is None:
                break
        entry.tools = tools
        entry.stale = False
        return tools

    def get(self, name: str) -> PoolEntry:
        try:
            return self.entries[name]
        except KeyError:
            raise UnknownServer(name) from None

    async def tool(self, server: str, tool: str) -> Tool | None:
        entry = self.get(server)
        if entry.stale or tool not in entry.tools:
            await self.refresh_tools(server)
        return entry.tools.get(tool)
