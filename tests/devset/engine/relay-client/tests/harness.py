"""Wiring in-process servers to a RelayClient over memory streams."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import Server
from mcp.shared.memory import create_client_server_memory_streams

from relay.connection import RelayClient, Upstream


@asynccontextmanager
async def upstream_for(
    relay: RelayClient, name: str, server: Server[Any, Any] | FastMCP, **attach: Any
) -> AsyncIterator[Upstream]:
    lowlevel = server._mcp_server if isinstance(server, FastMCP) else server
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: lowlevel.run(*server_streams, lowlevel.create_initialization_options()))
            upstream = await relay.attach_streams(name, *client_streams, **attach)
            try:
                yield upstream
            finally:
                await relay.disconnect(name)
                tg.cancel_scope.cancel()
