"""Shared helpers for the test-suite (our poor man's fixtures)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import anyio
from mcp.client.session import ClientSession
from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import Server
from mcp.shared.memory import (
    create_client_server_memory_streams,
    create_connected_server_and_client_session,
)
from mcp.types import CallToolResult, LoggingMessageNotificationParams, TextContent


def run(test: Callable[[], Awaitable[None]]) -> None:
    """Run an async test body from a plain (sync) pytest test function."""
    anyio.run(test)


@asynccontextmanager
async def connected(
    server: FastMCP | Server[Any, Any],
    logs: list[LoggingMessageNotificationParams] | None = None,
) -> AsyncIterator[ClientSession]:
    async def collect(params: LoggingMessageNotificationParams) -> None:
        if logs is not None:
            logs.append(params)

    async with create_connected_server_and_client_session(
        server,
        read_timeout_seconds=timedelta(seconds=5),
        logging_callback=collect,
        raise_exceptions=True,
    ) as session:
        yield session


@asynccontextmanager
async def raw_session(server: Server[Any, Any]) -> AsyncIterator[ClientSession]:
    """Like `connected`, but wires the memory streams by hand (lets us poke at them)."""
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: server.run(
                    server_streams[0],
                    server_streams[1],
                    server.create_initialization_options(),
                    raise_exceptions=True,
                )
            )
            async with ClientSession(client_streams[0], client_streams[1]) as session:
                await session.initialize()
                yield session
            tg.cancel_scope.cancel()


def text_of(result: CallToolResult) -> str:
    parts: list[str] = []
    for block in result.content:
        assert isinstance(block, TextContent), f"unexpected {type(block).__name__}"
        parts.append(block.text)
    return "\n".join(parts)
