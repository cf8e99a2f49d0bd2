"""In-memory server/client fixtures."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import anyio
from mcp.client.session import ClientSession, LoggingFnT, MessageHandlerFnT
from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import Server
from mcp.shared.memory import create_client_server_memory_streams, create_connected_server_and_client_session
from mcp.types import Implementation

DEFAULT_TIMEOUT = timedelta(seconds=5)
TESTKIT_CLIENT = Implementation(name="mcp-testkit", version="0.6.0")


@contextlib.asynccontextmanager
async def connected_session(
    server: Server[Any, Any] | FastMCP,
    *,
    message_handler: MessageHandlerFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    timeout: timedelta = DEFAULT_TIMEOUT,
    raise_exceptions: bool = False,
) -> AsyncIterator[ClientSession]:
    """Yield an initialized ``ClientSession`` talking to ``server`` in memory."""
    async with create_connected_server_and_client_session(
        server,
        read_timeout_seconds=timeout,
        message_handler=message_handler,
        logging_callback=logging_callback,
        client_info=TESTKIT_CLIENT,
        raise_exceptions=raise_exceptions,
    ) as session:
        yield session


class RawHarness:
    """Manual wiring: a lowlevel server plus raw client streams.

    Useful for tests that need to send hand-built JSON-RPC messages or look
    at what is queued on the wire.
    """

    def __init__(self, server: Server[Any, Any]) -> None:
        self.server = server

    @contextlib.asynccontextmanager
    async def session(self, **session_kwargs: Any) -> AsyncIterator[ClientSession]:
        async with create_client_server_memory_streams() as (client_streams, server_streams):
            client_read, client_write = client_streams
            server_read, server_write = server_streams
            async with anyio.create_task_group() as tg:
                tg.start_soon(
                    lambda: self.server.run(server_read, server_write, self.server.create_initialization_options())
                )
                self.client_write = client_write
                async with ClientSession(client_read, client_write, **session_kwargs) as session:
                    await session.initialize()
                    yield session
                tg.cancel_scope.cancel()

    def pending_outbound(self) -> int:
        """Messages written by the client that the server has not consumed."""
        return self.client_write.statistics().current_buffer_used
