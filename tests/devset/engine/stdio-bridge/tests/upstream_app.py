"""Upstream servers the tests put behind the bridge."""

from __future__ import annotations

import json
from typing import Any

import anyio
from pydantic import AnyUrl, BaseModel

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.lowlevel import Server
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError

PNG_BYTES = b"\x89PNG\r\n\x1a\n-fake-logo-"

class PurgeConfirmation(BaseModel):
    confirm: bool
    reason: str | None = None


STOCK: dict[str, int] = {"A-100": 4, "B-200": 0, "C-300": 17}


def build_inventory_upstream() -> tuple[FastMCP, list[str]]:
    """A FastMCP server standing in for the remote inventory service."""
    mcp = FastMCP("inventory-upstream", "Look up and restock warehouse items.")
    subscribed: list[str] = []

    @mcp.tool()
    def stock_level(sku: str) -> dict[str, Any]:
        """Current stock for a SKU."""
        if sku not in STOCK:
            raise ToolError(f"unknown sku {sku}")
        return {"sku": sku, "onHand": STOCK[sku]}

    @mcp.tool()
    async def restock(sku: str, quantity: int, ctx: Context[ServerSession, None]) -> str:
        """Restock an item, reporting progress per pallet."""
        for pallet in range(1, quantity + 1):
            await ctx.report_progress(pallet, quantity, f"pallet {pallet}/{quantity}")
        await ctx.info(f"restocked {sku} x{quantity}")
        await ctx.debug("restock internals")
        return f"{sku} restocked by {quantity}"

    @mcp.tool()
    async def slow_report(seconds: float) -> str:
        """Takes a while."""
        await anyio.sleep(seconds)
        return "report ready"

    @mcp.tool(annotations=types.ToolAnnotations(destructiveHint=True, readOnlyHint=False))
    def purge(sku: str) -> str:
        """Remove an item entirely."""
        STOCK.pop(sku, None)
        return f"purged {sku}"

    @mcp.tool()
    def echo_meta(note: str, password: str = "") -> str:
        """Echo back what the upstream actually received."""
        ctx = mcp.get_context()
        meta = ctx.request_context.meta
        extras = meta.model_extra if meta is not None else {}
        return json.dumps({"note": note, "password": password, "meta": extras}, sort_keys=True)

    @mcp.tool()
    async def describe_item(sku: str, ctx: Context[ServerSession, None]) -> str:
        """Ask the client's model to write a product blurb."""
        result = await ctx.session.create_message(
            messages=[
                types.SamplingMessage(role="user", content=types.TextContent(type="text", text=f"Describe {sku}"))
            ],
            max_tokens=64,
            system_prompt="You write one-line product blurbs.",
        )
        content = result.content
        return content.text if isinstance(content, types.TextContent) else "(no text)"

    @mcp.tool()
    async def confirm_purge(sku: str, ctx: Context[ServerSession, None]) -> str:
        """Purge only after the operator confirms."""
        answer = await ctx.elicit(f"Really purge {sku}?", schema=PurgeConfirmation)
        if answer.action == "accept" and answer.data.confirm:
            STOCK.pop(sku, None)
            return f"purged {sku} ({answer.data.reason or 'no reason'})"
        return f"kept {sku}"

    @mcp.tool()
    async def enable_reports(ctx: Context[ServerSession, None]) -> str:
        """Adds a new tool at runtime."""

        def weekly_report() -> str:
            return "weekly: all good"

        mcp.add_tool(weekly_report, name="weekly_report", description="Weekly stock report")
        await ctx.session.send_tool_list_changed()
        return "reports enabled"

    @mcp.tool()
    async def touch_item(sku: str, ctx: Context[ServerSession, None]) -> str:
        """Mark an item resource as changed."""
        await ctx.session.send_resource_updated(AnyUrl(f"inventory://items/{sku}"))
        return "touched"

    @mcp.resource("inventory://catalog", mime_type="application/json")
    def catalog() -> str:
        return json.dumps(sorted(STOCK))

    @mcp.resource("inventory://logo", mime_type="image/png")
    def logo() -> bytes:
        return PNG_BYTES

    @mcp.resource("secret://keys", mime_type="text/plain")
    def keys() -> str:
        return "do-not-bridge"

    @mcp.resource("inventory://items/{sku}")
    def item(sku: str) -> str:
        return f"{sku}: {STOCK.get(sku, 0)} on hand"

    @mcp.prompt()
    def reorder(sku: str) -> str:
        """Draft a reorder email."""
        return f"Please draft a reorder email for {sku}."

    @mcp.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        if argument.name == "sku":
            values = [sku for sku in sorted(STOCK) if sku.startswith(argument.value)]
            return types.Completion(values=values, total=len(values), hasMore=False)
        return None

    @mcp._mcp_server.subscribe_resource()
    async def on_subscribe(uri: AnyUrl) -> None:
        subscribed.append(str(uri))

    @mcp._mcp_server.unsubscribe_resource()
    async def on_unsubscribe(uri: AnyUrl) -> None:
        subscribed.remove(str(uri))

    return mcp, subscribed


def build_paged_upstream(page_size: int = 2) -> Server[Any, Any]:
    """A lowlevel upstream that paginates tools and fails in interesting ways."""
    server: Server[Any, Any] = Server("paged-upstream", "2.1.0")
    names = [f"tool_{i}" for i in range(5)]

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        start = int(request.params.cursor) if request.params and request.params.cursor else 0
        chunk = names[start : start + page_size]
        next_cursor: types.Cursor | None = str(start + page_size) if start + page_size < len(names) else None
        tools = [
            types.Tool(
                name=name,
                description=f"paged tool {name}",
                inputSchema={"type": "object", "properties": {"n": {"type": "integer"}}},
                outputSchema={"type": "object", "properties": {"doubled": {"type": "integer"}}},
            )
            for name in chunk
        ]
        return types.ListToolsResult(tools=tools, nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        if name == "tool_4":
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message="tool_4 is retired"))
        return {"doubled": int(arguments.get("n", 0)) * 2}

    return server
