"""Helpers to run the inspector against in-process servers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta
from typing import Any

import anyio

from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import Server
from mcp.shared.memory import create_client_server_memory_streams

from probe_inspector.callbacks import ClientCallbacks
from probe_inspector.inspector import Inspector
from probe_inspector.settings import ServerEntry
from probe_inspector.transports import TransportHandle
from probe_inspector.wire import WireTrace, tapped

AnyServer = Server[Any, Any] | FastMCP


@asynccontextmanager
async def serve_in_memory(server: AnyServer) -> AsyncIterator[TransportHandle]:
    lowlevel = server._mcp_server if isinstance(server, FastMCP) else server
    async with create_client_server_memory_streams() as ((client_read, client_write), (server_read, server_write)):
        async with anyio.create_task_group() as tg:
            options = lowlevel.create_initialization_options()
            tg.start_soon(lambda: lowlevel.run(server_read, server_write, options, raise_exceptions=False))
            yield TransportHandle(client_read, client_write, "memory")
            tg.cancel_scope.cancel()


@asynccontextmanager
async def inspector_for(
    server: AnyServer,
    callbacks: ClientCallbacks | None = None,
    *,
    read_timeout: timedelta = timedelta(seconds=5),
    trace: WireTrace | None = None,
) -> AsyncIterator[Inspector]:
    async with AsyncExitStack() as stack:
        handle = await stack.enter_async_context(serve_in_memory(server))
        read, write = handle.read, handle.write
        if trace is not None:
            read, write = await stack.enter_async_context(tapped(read, write, trace))
        callbacks = callbacks or ClientCallbacks()
        yield await stack.enter_async_context(Inspector.over_streams(read, write, callbacks, read_timeout=read_timeout))


def fake_open_transport(server: AnyServer, seen: list[ServerEntry]):
    """Drop-in for ``open_transport`` that records the entry and talks to ``server``."""

    @asynccontextmanager
    async def _open(entry: ServerEntry, **_: Any) -> AsyncIterator[TransportHandle]:
        seen.append(entry)
        async with serve_in_memory(server) as handle:
            yield handle

    return _open
