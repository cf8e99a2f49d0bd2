"""Start an MCP server in memory and hand the test an initialized client session.

Two flavours are offered:

* :func:`open_fastmcp` wraps the SDK's own in-memory helper and yields a plain
  :class:`ClientSession` - the shortest path for FastMCP servers.
* :func:`open_lowlevel` wires the memory streams by hand so the caller can pass
  custom initialization options, splice a :class:`~mcpcheck.recorder.WireTap`
  between client and server, and keep the ``InitializeResult``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Any

import anyio
import mcp.types as types
from mcp.client.session import (
    ClientSession,
    ElicitationFnT,
    ListRootsFnT,
    LoggingFnT,
    MessageHandlerFnT,
    SamplingFnT,
)
from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.lowlevel import Server
from mcp.server.models import InitializationOptions
from mcp.shared.memory import (
    create_client_server_memory_streams,
    create_connected_server_and_client_session,
)

from mcpcheck.recorder import WireTap

DEFAULT_TIMEOUT = timedelta(seconds=10)
CLIENT_INFO = types.Implementation(name="mcpcheck", version="0.5.0")


@dataclass
class ConnectedServer:
    """A live client session plus what the server said about itself."""

    session: ClientSession
    init: types.InitializeResult
    tap: WireTap | None = None

    @property
    def server_name(self) -> str:
        return self.init.serverInfo.name

    @property
    def server_version(self) -> str:
        return self.init.serverInfo.version

    @property
    def protocol_version(self) -> str | int:
        return self.init.protocolVersion

    @property
    def instructions(self) -> str | None:
        return self.init.instructions

    def capabilities(self) -> types.ServerCapabilities:
        caps = self.session.get_server_capabilities()
        if caps is None:
            raise RuntimeError("session is not initialized")
        return caps

    def supports(self, feature: str) -> bool:
        """True when the server advertised ``feature`` (tools, resources, prompts, logging, completions)."""
        return getattr(self.capabilities(), feature, None) is not None

    def tools_list_changed(self) -> bool:
        tools = self.capabilities().tools
        return bool(tools and tools.listChanged)

    def resources_subscribable(self) -> bool:
        resources = self.capabilities().resources
        return bool(resources and resources.subscribe)

    def experimental(self, key: str) -> dict[str, Any] | None:
        experimental = self.capabilities().experimental or {}
        return experimental.get(key)


@asynccontextmanager
async def open_fastmcp(
    server: FastMCP[Any],
    *,
    read_timeout: timedelta | None = DEFAULT_TIMEOUT,
    raise_exceptions: bool = False,
    sampling_callback: SamplingFnT | None = None,
    elicitation_callback: ElicitationFnT | None = None,
    list_roots_callback: ListRootsFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    message_handler: MessageHandlerFnT | None = None,
) -> AsyncIterator[ClientSession]:
    """Yield an initialized session talking to ``server`` over memory streams."""
    async with create_connected_server_and_client_session(
        server,
        read_timeout_seconds=read_timeout,
        sampling_callback=sampling_callback,
        list_roots_callback=list_roots_callback,
        logging_callback=logging_callback,
        message_handler=message_handler,
        client_info=CLIENT_INFO,
        raise_exceptions=raise_exceptions,
        elicitation_callback=elicitation_callback,
    ) as session:
        yield session


@asynccontextmanager
async def open_lowlevel(
    server: Server[Any, Any],
    *,
    init_options: InitializationOptions | None = None,
    tap: WireTap | None = None,
    read_timeout: timedelta | None = DEFAULT_TIMEOUT,
    raise_exceptions: bool = False,
    sampling_callback: SamplingFnT | None = None,
    elicitation_callback: ElicitationFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    message_handler: MessageHandlerFnT | None = None,
) -> AsyncIterator[ConnectedServer]:
    """Run a lowlevel ``Server`` in a task and yield a :class:`ConnectedServer`."""
    options = init_options or server.create_initialization_options()
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        client_read, client_write = client_streams
        server_read, server_write = server_streams
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                partial(server.run, server_read, server_write, options, raise_exceptions=raise_exceptions)
            )
            if tap is not None:
                client_write = await tg.start(tap.splice_outbound, client_write)
                client_read = await tg.start(tap.splice_inbound, client_read)
            try:
                async with ClientSession(
                    client_read,
                    client_write,
                    read_timeout_seconds=read_timeout,
                    sampling_callback=sampling_callback,
                    elicitation_callback=elicitation_callback,
                    logging_callback=logging_callback,
                    message_handler=message_handler,
                    client_info=CLIENT_INFO,
                ) as session:
                    init = await session.initialize()
                    yield ConnectedServer(session=session, init=init, tap=tap)
            finally:
                tg.cancel_scope.cancel()


@asynccontextmanager
async def open_server(
    server: FastMCP[Any] | Server[Any, Any],
    *,
    tap: WireTap | None = None,
    message_handler: MessageHandlerFnT | None = None,
    logging_callback: LoggingFnT | None = None,
) -> AsyncIterator[ConnectedServer]:
    """Accept either flavour of server and yield a :class:`ConnectedServer`."""
    lowlevel: Server[Any, Any] = server._mcp_server if isinstance(server, FastMCP) else server
    async with open_lowlevel(
        lowlevel,
        tap=tap,
        message_handler=message_handler,
        logging_callback=logging_callback,
    ) as connected:
        yield connected


# --------------------------------------------------------------------------- no transport at all


async def call_in_process(
    server: FastMCP[Any], name: str, arguments: dict[str, Any] | None = None
) -> types.CallToolResult:
    """Invoke a FastMCP tool directly (no session, no Context) and normalise the result.

    Handy for unit-testing pure tools: it skips the memory transport entirely.
    """
    try:
        raw: Any = await server.call_tool(name, arguments or {})
    except ToolError as exc:
        return types.CallToolResult(content=[types.TextContent(type="text", text=str(exc))], isError=True)
    if isinstance(raw, tuple):
        content, structured = raw
        return types.CallToolResult(content=list(content), structuredContent=structured)
    if isinstance(raw, dict):
        text = types.TextContent(type="text", text=json.dumps(raw, indent=2))
        return types.CallToolResult(content=[text], structuredContent=raw)
    return types.CallToolResult(content=list(raw))


async def read_in_process(server: FastMCP[Any], uri: str) -> list[ReadResourceContents]:
    return list(await server.read_resource(uri))


async def prompt_in_process(
    server: FastMCP[Any], name: str, arguments: dict[str, Any] | None = None
) -> types.GetPromptResult:
    return await server.get_prompt(name, arguments)
