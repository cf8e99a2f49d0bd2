"""Drive the orchestra server in memory (used by our tests and by plugin authors)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import anyio
import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.memory import create_client_server_memory_streams

import orchestra  # noqa: F401  (registers handlers)
from orchestra.app import server
from orchestra.transports import initialization_options


class ToolFailed(Exception):
    def __init__(self, tool: str, text: str) -> None:
        super().__init__(f"{tool}: {text}")
        self.tool = tool
        self.text = text


@asynccontextmanager
async def connect(
    *,
    raise_exceptions: bool = False,
    read_timeout: timedelta | None = timedelta(seconds=10),
    **session_kwargs: Any,
) -> AsyncIterator[ClientSession]:
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        server_read, server_write = server_streams
        async with anyio.create_task_group() as tg:
            options = initialization_options()
            tg.start_soon(lambda: server.run(server_read, server_write, options, raise_exceptions=raise_exceptions))
            async with ClientSession(*client_streams, read_timeout_seconds=read_timeout, **session_kwargs) as session:
                await session.initialize()
                yield session
            tg.cancel_scope.cancel()


def text_of(result: types.CallToolResult) -> str:
    return "\n".join(b.text for b in result.content if isinstance(b, types.TextContent))


async def call_json(session: ClientSession, tool: str, arguments: dict[str, Any] | None = None) -> dict[str, Any]:
    result = await session.call_tool(tool, arguments or {})
    if result.isError:
        raise ToolFailed(tool, text_of(result))
    if result.structuredContent is not None:
        return result.structuredContent
    return json.loads(text_of(result))


async def wait_for(predicate: Callable[[], bool], timeout: float = 2.0) -> None:
    with anyio.fail_after(timeout):
        while not predicate():
            await anyio.sleep(0.01)
