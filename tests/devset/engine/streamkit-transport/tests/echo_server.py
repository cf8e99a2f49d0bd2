"""Lowlevel server used as the far end in streamkit tests."""

from __future__ import annotations

from typing import Any

import anyio
import mcp.types as types
from mcp.server.lowlevel import Server


def build_echo_server() -> Server[Any, Any]:
    server: Server[Any, Any] = Server("echo-fixture", version="1.0.0", instructions="echoes things back")

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [
            types.Tool(
                name="echo",
                description="Echo the text argument",
                inputSchema={"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
            ),
            types.Tool(
                name="chatty",
                description="Emit log lines at every level, then answer",
                inputSchema={"type": "object", "properties": {}},
            ),
            types.Tool(
                name="login",
                description="Pretend to log in",
                inputSchema={
                    "type": "object",
                    "properties": {"user": {"type": "string"}, "password": {"type": "string"}},
                },
            ),
        ]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.TextContent]:
        ctx = server.request_context
        if name == "echo":
            return [types.TextContent(type="text", text=str(arguments["text"]))]
        if name == "chatty":
            for level in ("debug", "info", "warning", "error"):
                await ctx.session.send_log_message(level=level, data=f"{level} line", logger="echo")
            return [types.TextContent(type="text", text="done")]
        if name == "login":
            return [types.TextContent(type="text", text=f"{arguments.get('user')}:{arguments.get('password')}")]
        raise ValueError(f"unknown tool {name}")

    levels: list[types.LoggingLevel] = []

    @server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        levels.append(level)

    return server


def build_sleepy_server(delay: float) -> Server[Any, Any]:
    """A server whose ping handler stalls, for timeout tests."""
    server: Server[Any, Any] = Server("sleepy")

    async def slow_ping(_: types.PingRequest) -> types.ServerResult:
        await anyio.sleep(delay)
        return types.ServerResult(types.EmptyResult())

    server.request_handlers[types.PingRequest] = slow_ping
    return server
