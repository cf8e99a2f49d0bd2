"""Connect a ClientSession to the kvstore server over in-memory streams."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import anyio
import mcp.types as types
from mcp.client.session import ClientSession, ElicitationFnT, LoggingFnT, MessageHandlerFnT
from mcp.shared.memory import create_client_server_memory_streams

from kvstore.server import initialization_options, server


@asynccontextmanager
async def connect(
    *,
    message_handler: MessageHandlerFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    elicitation_callback: ElicitationFnT | None = None,
) -> AsyncIterator[tuple[ClientSession, types.InitializeResult]]:
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: server.run(*server_streams, initialization_options()))
            async with ClientSession(
                *client_streams,
                read_timeout_seconds=timedelta(seconds=5),
                message_handler=message_handler,
                logging_callback=logging_callback,
                elicitation_callback=elicitation_callback,
            ) as session:
                init = await session.initialize()
                yield session, init
            tg.cancel_scope.cancel()
