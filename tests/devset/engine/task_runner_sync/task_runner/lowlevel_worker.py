"""Minimal lowlevel-Server variant of the worker (used for stdio deployments and tests)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio

import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.stdio import stdio_server


@asynccontextmanager
async def worker_lifespan(server: Server[dict[str, Any], Any]) -> AsyncIterator[dict[str, Any]]:
    yield {"jobs_run": 0}


server: Server[dict[str, Any], Any] = Server("task-worker-ll", "0.2.0", lifespan=worker_lifespan)

TOOLS = [
    types.Tool(
        name="sum_numbers",
        description="Add up a list of numbers",
        inputSchema={
            "type": "object",
            "properties": {"numbers": {"type": "array", "items": {"type": "number"}}},
            "required": ["numbers"],
        },
        outputSchema={"type": "object", "properties": {"total": {"type": "number"}}, "required": ["total"]},
    ),
    types.Tool(name="stats", description="Worker statistics", inputSchema={"type": "object"}),
]


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return TOOLS


@server.call_tool()
async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any] | list[types.TextContent]:
    ctx = server.request_context
    ctx.lifespan_context["jobs_run"] += 1
    if name == "sum_numbers":
        numbers: list[float] = arguments["numbers"]
        total = 0.0
        for i, n in enumerate(numbers, start=1):
            total += n
            if ctx.meta and ctx.meta.progressToken is not None:
                await ctx.session.send_progress_notification(ctx.meta.progressToken, i, len(numbers))
        await ctx.session.send_log_message(level="info", data=f"summed {len(numbers)} numbers", logger="worker")
        return {"total": total}
    if name == "stats":
        return [types.TextContent(type="text", text=json.dumps({"jobs_run": ctx.lifespan_context["jobs_run"]}))]
    raise ValueError(f"Unknown tool: {name}")


async def main() -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(
            read_stream,
            write_stream,
            server.create_initialization_options(notification_options=NotificationOptions(tools_changed=True)),
        )


if __name__ == "__main__":
    anyio.run(main)
