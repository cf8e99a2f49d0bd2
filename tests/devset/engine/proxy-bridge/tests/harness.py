"""Wiring used by the tests: upstream servers on memory streams behind a bridge."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta

import anyio

from mcp import ClientSession, types
from mcp.client.session import LoggingFnT, MessageHandlerFnT, SamplingFnT
from mcp.server.lowlevel import Server
from mcp.shared.memory import create_client_server_memory_streams, create_connected_server_and_client_session
from mcpbridge.server import Bridge
from mcpbridge.settings import BridgeSettings, UpstreamSpec
from tests.upstreams import build_notes, build_weather, init_options

WEATHER = UpstreamSpec(serverName="weather", toolPrefix="wx", transport="memory")
NOTES = UpstreamSpec(serverName="notes", toolPrefix="nt", transport="memory", readTimeoutSeconds=5)


@asynccontextmanager
async def running_bridge(settings: BridgeSettings | None = None) -> AsyncIterator[Bridge]:
    """A bridge with the weather and notes upstreams attached over memory streams."""
    bridge = Bridge(settings or BridgeSettings(page_size=50))
    upstreams: list[tuple[UpstreamSpec, Server]] = [(WEATHER, build_weather()), (NOTES, build_notes())]
    async with anyio.create_task_group() as tg:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(bridge.running())
            for spec, server in upstreams:
                client_streams, (server_read, server_write) = await stack.enter_async_context(
                    create_client_server_memory_streams()
                )
                tg.start_soon(server.run, server_read, server_write, init_options(server))
                await bridge.pool.attach(spec, *client_streams)
            bridge.rebuild()
            yield bridge
        tg.cancel_scope.cancel()


@asynccontextmanager
async def bridged_client(
    settings: BridgeSettings | None = None,
    *,
    sampling_callback: SamplingFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    message_handler: MessageHandlerFnT | None = None,
) -> AsyncIterator[tuple[Bridge, ClientSession]]:
    async with running_bridge(settings) as bridge:
        async with create_connected_server_and_client_session(
            bridge.server,
            read_timeout_seconds=timedelta(seconds=10),
            sampling_callback=sampling_callback,
            logging_callback=logging_callback,
            message_handler=message_handler,
            client_info=types.Implementation(name="bridge-tests", version="1.0"),
        ) as client:
            yield bridge, client
