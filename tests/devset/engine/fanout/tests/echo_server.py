"""In-memory lowlevel server used by the fanout tests."""

from __future__ import annotations

from typing import Any

import anyio

import mcp.types as types
from mcp.server.lowlevel import Server

CALLS: dict[str, int] = {}


def build_server() -> Server[dict[str, Any], Any]:
    server: Server[dict[str, Any], Any] = Server("echo-fixture", "1.0.0")

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [
            types.Tool(
                name="echo",
                description="Echo the text back",
                inputSchema={"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
            ),
            types.Tool(
                name="count",
                description="Count to n, reporting progress",
                inputSchema={"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]},
                outputSchema={"type": "object", "properties": {"counted": {"type": "integer"}}},
            ),
            types.Tool(
                name="flaky",
                description="Fails the first time it is called for a key",
                inputSchema={"type": "object", "properties": {"key": {"type": "string"}}},
            ),
        ]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> Any:
        ctx = server.request_context
        CALLS[name] = CALLS.get(name, 0) + 1
        if name == "echo":
            return [types.TextContent(type="text", text=arguments["text"])]
        if name == "count":
            n = int(arguments["n"])
            token = ctx.meta.progressToken if ctx.meta else None
            for i in range(1, n + 1):
                if token is not None:
                    await ctx.session.send_progress_notification(token, i, n, message=f"step {i}")
                await anyio.sleep(0)
            return {"counted": n}
        if name == "flaky":
            key = str(arguments.get("key", ""))
            if CALLS[name] % 2 == 1:
                raise ValueError(f"flaky failure for {key}")
            return [types.TextContent(type="text", text=f"recovered {key}")]
        raise ValueError(f"unknown tool {name}")

    return server
