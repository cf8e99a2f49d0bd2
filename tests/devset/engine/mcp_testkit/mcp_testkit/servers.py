"""Reference servers used by the kit's own tests and examples."""

from __future__ import annotations

from typing import Any

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl


def make_fastmcp() -> FastMCP:
    app = FastMCP("kit-fast")

    @app.tool()
    def echo(text: str) -> str:
        """Echo the input."""
        return text

    @app.tool()
    def add(a: int, b: int) -> int:
        return a + b

    @app.tool()
    async def chatty(steps: int, ctx: Context) -> str:
        for i in range(steps):
            await ctx.info(f"step {i}")
            await ctx.report_progress(i + 1, steps)
        return "done"

    @app.tool()
    def explode(kind: str) -> str:
        if kind == "tool":
            raise ToolError("refused by tool")
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"bad kind {kind}"))

    @app.resource("kit://readme")
    def readme() -> str:
        return "mcp-testkit"

    @app.prompt()
    def review(code: str) -> str:
        return f"Review this code:\n{code}"

    return app


def make_lowlevel(version: str = "0.3.1") -> Server[dict[str, Any], Any]:
    server: Server[dict[str, Any], Any] = Server("kit-lowlevel", version)
    counters: dict[str, int] = {}

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [
            types.Tool(
                name="count",
                description="Increment a named counter",
                inputSchema={"type": "object", "properties": {"key": {"type": "string"}}, "required": ["key"]},
            ),
            types.Tool(name="fail", description="Always fails", inputSchema={"type": "object"}),
        ]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.TextContent]:
        ctx = server.request_context
        if name == "fail":
            raise RuntimeError("lowlevel failure")
        key = arguments["key"]
        counters[key] = counters.get(key, 0) + 1
        await ctx.session.send_log_message(level="debug", data={"key": key, "value": counters[key]})
        return [types.TextContent(type="text", text=str(counters[key]))]

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [types.Resource(name="counters", uri=AnyUrl("kit://counters"), mimeType="application/json")]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> str:
        if uri.host != "counters":
            raise ValueError(f"unknown resource {uri}")
        return repr(sorted(counters.items()))

    return server


LOWLEVEL_NOTIFICATIONS = NotificationOptions(tools_changed=True)
