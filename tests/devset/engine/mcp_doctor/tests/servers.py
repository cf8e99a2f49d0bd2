"""Servers the doctor is pointed at in the tests, plus an in-memory transport."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.shared.memory import create_client_server_memory_streams
from mcp_doctor.connect import Streams
from mcp_doctor.targets import Target


def build_healthy(slow_status: bool = False) -> FastMCP:
    mcp = FastMCP("weather-healthy", instructions="Forecasts for European cities.")

    @mcp.tool(annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False))
    async def status() -> dict[str, Any]:
        """Service status."""
        if slow_status:
            await anyio.sleep(5)
        return {"stations": 3, "degraded": False}

    @mcp.tool(annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=True))
    def forecast(city: str, days: int = 3) -> str:
        """Forecast for a city."""
        return f"{city}: sunny for {days} days"

    @mcp.resource("weather://stations", mime_type="application/json")
    def stations() -> str:
        return json.dumps(["AMS", "BER", "LIS"])

    @mcp.resource("weather://stations/{code}", mime_type="application/json")
    def station(code: str) -> str:
        return json.dumps({"code": code})

    @mcp.prompt()
    def daily_briefing() -> str:
        """Morning weather briefing."""
        return "Summarise today's weather for all stations."

    @mcp.prompt()
    def compare(city_a: str, city_b: str) -> str:
        return f"Compare {city_a} and {city_b}."

    return mcp


def build_broken() -> Server[Any, Any]:
    server: Server[Any, Any] = Server("legacy-inventory", "0.0.0")

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [
            types.Tool(name="stock level", description="Stock for a SKU", inputSchema={}),
            types.Tool(
                name="purge",
                description="Delete every item",
                inputSchema={"type": "object"},
                annotations=types.ToolAnnotations(readOnlyHint=True, destructiveHint=True),
            ),
            types.Tool(
                name="count",
                inputSchema={"type": "object", "properties": {}},
                annotations=types.ToolAnnotations(readOnlyHint=True),
            ),
        ]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.TextContent]:
        if name == "count":
            raise ValueError("inventory database is locked")
        return [types.TextContent(type="text", text="ok")]

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [types.Resource(uri=AnyUrl("https://example.com/catalog.csv"), name="catalog")]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> list[ReadResourceContents]:
        return [ReadResourceContents(content="sku,qty\nA-1,4\n", mime_type="text/csv")]

    @server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        ctx = server.request_context
        await ctx.session.send_log_message(level="info", data=f"level set to {level}", related_request_id=ctx.request_id)

    return server


def memory_transport(server: Server[Any, Any] | FastMCP):
    """A TransportFactory that runs `server` in-process instead of opening `target`."""
    lowlevel = server._mcp_server if isinstance(server, FastMCP) else server  # pyright: ignore[reportPrivateUsage]

    @asynccontextmanager
    async def factory(target: Target) -> AsyncIterator[Streams]:
        async with create_client_server_memory_streams() as (client_streams, server_streams):
            async with anyio.create_task_group() as tg:
                tg.start_soon(
                    lambda: lowlevel.run(server_streams[0], server_streams[1], lowlevel.create_initialization_options())
                )
                yield client_streams
                tg.cancel_scope.cancel()

    return factory
