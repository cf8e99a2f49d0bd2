"""In-memory servers used by this package's own tests (and by downstream users' tests)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import AnyUrl

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.shared.exceptions import McpError


def build_fastmcp_server() -> FastMCP:
    server = FastMCP("toolkit-fastmcp")

    @server.tool()
    def add(a: int, b: int) -> int:
        """Add two integers."""
        return a + b

    @server.tool()
    def explode(reason: str) -> str:
        """Always fails; used to test isError handling."""
        raise ValueError(f"boom: {reason}")

    @server.tool()
    async def slow_count(n: int, ctx: Context) -> str:
        for i in range(n):
            await ctx.report_progress(i + 1, n)
        await ctx.info(f"counted to {n}")
        return f"counted {n}"

    @server.tool()
    async def enable_extras(ctx: Context) -> str:
        """Registers an extra tool at runtime and tells the client."""

        def multiply(a: int, b: int) -> int:
            return a * b

        server.add_tool(multiply, name="multiply")
        await ctx.session.send_tool_list_changed()
        return "ok"

    return server


def build_lowlevel_server(page_size: int = 2) -> Server[Any, Any]:
    server: Server[Any, Any] = Server("toolkit-lowlevel", "1.0.0")
    catalog = [
        types.Tool(
            name=f"tool_{i}",
            description=f"Tool number {i}",
            inputSchema={"type": "object", "properties": {"x": {"type": "integer"}}, "required": ["x"]},
        )
        for i in range(5)
    ] + [types.Tool(name="now", description="Server time", inputSchema={})]
    docs = {"memo://readme": "hello", "memo://license": "MIT"}

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        start = int(request.params.cursor) if request.params and request.params.cursor else 0
        page = catalog[start : start + page_size]
        next_cursor = str(start + page_size) if start + page_size < len(catalog) else None
        return types.ListToolsResult(tools=page, nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.TextContent] | dict[str, Any]:
        if name == "now":
            return {"iso": "2025-01-01T00:00:00Z"}
        if name == "tool_4":
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message="tool_4 is disabled", data={"retry": False}))
        if name == "tool_3":
            raise RuntimeError("tool_3 crashed")
        return [types.TextContent(type="text", text=f"{name}({arguments['x']})")]

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [types.Resource(uri=AnyUrl(uri), name=uri.split("//")[1], mimeType="text/plain") for uri in docs]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        if str(uri) not in docs:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"no such resource {uri}"))
        return [ReadResourceContents(content=docs[str(uri)], mime_type="text/plain")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        await server.request_context.session.send_resource_updated(uri)

    original = server.create_initialization_options

    def init_options(
        notification_options: NotificationOptions | None = None,
        experimental_capabilities: dict[str, dict[str, Any]] | None = None,
    ) -> Any:
        return original(notification_options or NotificationOptions(tools_changed=True), experimental_capabilities)

    server.create_initialization_options = init_options  # type: ignore[method-assign]
    return server
