"""In-process MCP servers used by the tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from pydantic import AnyUrl

from mcp import types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.session import ServerSession
from mcp.shared.memory import create_client_server_memory_streams
from mcp.types import ToolAnnotations

from oauthgate.transport import Streams


def build_catalog_server() -> FastMCP:
    mcp = FastMCP("catalog", "Search the catalog before fetching individual items.")

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, idempotentHint=True))
    def search(query: str, limit: int = 3) -> dict[str, Any]:
        """Search catalog items by keyword.

        Returns matching SKUs."""
        items = [f"{query}-{n}" for n in range(1, limit + 1)]
        return {"query": query, "items": items, "count": len(items)}

    @mcp.tool(annotations=ToolAnnotations(destructiveHint=True))
    async def purge(sku: str, ctx: Context[ServerSession, None]) -> str:
        """Remove an item from the catalog."""
        await ctx.info(f"purging {sku}")
        return f"purged {sku}"

    @mcp.tool()
    async def workspace_roots(ctx: Context[ServerSession, None]) -> list[str]:
        """Report the client's workspace roots."""
        result = await ctx.session.list_roots()
        return [str(root.uri) for root in result.roots]

    @mcp.resource("docs://guide/intro", mime_type="text/markdown")
    def intro() -> str:
        return "# Catalog\n\nUse `search` first."

    @mcp.resource("https://cdn.example.com/catalog/logo.txt", mime_type="text/plain")
    def logo() -> str:
        return "(logo)"

    return mcp


def build_echo_server(name: str) -> FastMCP:
    mcp = FastMCP(name)

    @mcp.tool()
    def echo(text: str) -> str:
        """Echo text back, tagged with the server name."""
        return f"{name}:{text}"

    @mcp.tool()
    def add(a: int, b: int) -> int:
        """Add two integers."""
        return a + b

    return mcp


class PagedState:
    def __init__(self, tool_count: int = 7, page_size: int = 3):
        self.tool_count = tool_count
        self.page_size = page_size
        self.admin_enabled = False
        self.flaky_calls = 0
        self.list_requests = 0


def build_paged_server(state: PagedState) -> Server[Any, Any]:
    server: Server[Any, Any] = Server("paged", "2.1.0", instructions="Tools are paginated; call enable_admin for more.")

    def all_tools() -> list[types.Tool]:
        tools = [
            types.Tool(
                name=f"op_{n:02d}",
                description=f"Operation {n}",
                inputSchema={"type": "object", "properties": {"x": {"type": "integer"}}},
            )
            for n in range(state.tool_count)
        ]
        tools.append(types.Tool(name="enable_admin", description="Unlock admin tools", inputSchema={"type": "object"}))
        tools.append(types.Tool(name="flaky", description="Hangs on first call", inputSchema={"type": "object"}))
        if state.admin_enabled:
            tools.append(types.Tool(name="admin_reset", description="Reset everything", inputSchema={"type": "object"}))
        return tools

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        state.list_requests += 1
        # The server also calls this with ``None`` to refresh its tool cache.
        cursor = request.params.cursor if request is not None and request.params else None
        start = int(cursor) if cursor else 0
        tools = all_tools()
        end = start + state.page_size
        return types.ListToolsResult(tools=tools[start:end], nextCursor=str(end) if end < len(tools) else None)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any] | list[types.TextContent]:
        if name == "enable_admin":
            state.admin_enabled = True
            await server.request_context.session.send_tool_list_changed()
            return [types.TextContent(type="text", text="admin enabled")]
        if name == "flaky":
            state.flaky_calls += 1
            if state.flaky_calls == 1:
                await anyio.sleep(10)
            return {"attempt": state.flaky_calls}
        if name.startswith("op_"):
            return {"op": name, "x": arguments.get("x", 0) * 2}
        raise ValueError(f"unknown tool {name}")

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [types.Resource(uri=AnyUrl("paged://status"), name="status", mimeType="application/json")]

    return server


@asynccontextmanager
async def memory_transport(server: Server[Any, Any] | FastMCP, *, tools_changed: bool = False) -> AsyncIterator[Streams]:
    """Run ``server`` in-process and yield the client's end of the streams."""
    lowlevel = server._mcp_server if isinstance(server, FastMCP) else server
    options = lowlevel.create_initialization_options(notification_options=NotificationOptions(tools_changed=tools_changed))
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: lowlevel.run(server_streams[0], server_streams[1], options))
            try:
                yield client_streams
            finally:
                tg.cancel_scope.cancel()
