"""An in-memory upstream for the gateway tests."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import anyio
from pydantic import BaseModel

from mcp.client.session import ClientSession
from mcp.server.fastmcp import FastMCP, Image
from mcp.server.fastmcp.prompts.base import Message, UserMessage
from mcp.shared.memory import create_client_server_memory_streams
from mcp.types import ToolAnnotations

PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


class Quote(BaseModel):
    symbol: str
    price: float
    currency: str = "EUR"


def build_calc() -> FastMCP:
    server = FastMCP("calc-upstream")

    @server.tool(annotations=ToolAnnotations(readOnlyHint=True, title="Add two numbers"))
    def add(a: int, b: int) -> int:
        """Add two integers."""
        return a + b

    @server.tool()
    async def quote(symbol: str) -> Quote:
        """Look up a (fake) quote."""
        return Quote(symbol=symbol.upper(), price=12.5)

    @server.tool()
    def explode(reason: str = "boom") -> str:
        """Always fails."""
        raise RuntimeError(reason)

    @server.tool()
    async def slow(seconds: float = 2.0) -> str:
        await anyio.sleep(seconds)
        return "finally"

    @server.tool()
    def pixel() -> Image:
        return Image(data=PNG_1PX, format="png")

    @server.resource("calc://constants/{name}", mime_type="text/plain")
    def constant(name: str) -> str:
        values = {"pi": "3.14159", "e": "2.71828"}
        if name not in values:
            raise ValueError(f"no constant {name}")
        return values[name]

    @server.prompt()
    def explain(expression: str) -> list[Message]:
        return [UserMessage(f"Explain step by step how to evaluate {expression}.")]

    return server


@asynccontextmanager
async def memory_session(server: FastMCP, timeout: timedelta | None = None) -> AsyncIterator[ClientSession]:
    """A raw ClientSession wired to `server` (not yet initialized)."""
    lowlevel = server._mcp_server  # pyright: ignore[reportPrivateUsage]
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: lowlevel.run(
                    server_streams[0], server_streams[1], lowlevel.create_initialization_options()
                )
            )
            async with ClientSession(client_streams[0], client_streams[1], read_timeout_seconds=timeout) as session:
                yield session
            tg.cancel_scope.cancel()
