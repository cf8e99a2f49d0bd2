"""Upstream servers used by the test-suite, all in-process."""

from __future__ import annotations

import base64
from typing import Any

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from pydantic import AnyUrl

LOGO_BYTES = b"\x89PNG\r\n\x1a\n-relaybox-test-logo-"

FEEDS = {"alerts": "application/json", "blob": "application/octet-stream"}

STOCK = {"SKU-1": 12, "SKU-2": 0, "SKU-3": 7, "SPROCKET-9": 3}


def build_inventory_server() -> FastMCP:
    mcp = FastMCP("inventory", "Inventory desk. Use lookup_sku before restocking.")

    @mcp.tool()
    def add(a: int, b: int) -> int:
        """Add two integers."""
        return a + b

    @mcp.tool(annotations=types.ToolAnnotations(readOnlyHint=True))
    def lookup_sku(sku: str) -> dict[str, Any]:
        """Look up stock for a SKU."""
        if sku not in STOCK:
            raise ValueError(f"unknown sku {sku}")
        return {"sku": sku, "onHand": STOCK[sku], "inStock": STOCK[sku] > 0}

    @mcp.tool()
    async def recount(n: int, ctx: Context[ServerSession, None]) -> str:
        """Recount n shelves, reporting progress."""
        for i in range(1, n + 1):
            await ctx.report_progress(i, n, message=f"shelf {i}")
        return f"recounted {n} shelves"

    @mcp.tool()
    async def draft_reorder(sku: str, ctx: Context[ServerSession, None]) -> str:
        """Ask the client's model to draft a reorder email."""
        result = await ctx.session.create_message(
            messages=[
                types.SamplingMessage(
                    role="user", content=types.TextContent(type="text", text=f"Draft a reorder for {sku}")
                )
            ],
            max_tokens=64,
            system_prompt="You write terse purchase orders.",
        )
        text = result.content.text if isinstance(result.content, types.TextContent) else ""
        return f"{result.model}/{result.stopReason}: {text}"

    @mcp.resource("note://inventory/readme", mime_type="text/markdown")
    def readme() -> str:
        return "# Inventory\nAll counts are per warehouse."

    @mcp.resource("asset://inventory/logo.png", mime_type="image/png")
    def logo() -> bytes:
        return LOGO_BYTES

    @mcp.resource("stock://{sku}")
    def stock(sku: str) -> str:
        return f"{sku}={STOCK.get(sku, 0)}"

    @mcp.prompt()
    def restock_note(sku: str, qty: str = "10") -> str:
        """Write a restock note."""
        return f"Please restock {qty} units of {sku}."

    @mcp.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        if argument.name != "sku":
            return None
        matches = sorted(s for s in STOCK if s.startswith(argument.value.upper()))
        return types.Completion(values=matches[:2], total=len(matches), hasMore=len(matches) > 2)

    return mcp


def object_tool(name: str, description: str, **props: str) -> types.Tool:
    """Tool whose arguments are all required, flat, primitive properties."""
    return types.Tool(
        name=name,
        description=description,
        inputSchema={
            "type": "object",
            "properties": {key: {"type": kind} for key, kind in props.items()},
            "required": list(props),
        },
    )


class SubscribableServer(Server[Any]):
    """Lowlevel server that really advertises ``resources.subscribe``."""

    def get_capabilities(
        self, notification_options: NotificationOptions, experimental_capabilities: dict[str, dict[str, Any]]
    ) -> types.ServerCapabilities:
        caps = super().get_capabilities(notification_options, experimental_capabilities)
        if caps.resources is not None:
            caps.resources.subscribe = True
        return caps


class FeedsState:
    def __init__(self) -> None:
        self.subscribed: set[str] = set()
        self.level: types.LoggingLevel = "warning"
        self.progress: list[tuple[str | int, float, float | None, str | None]] = []


LEVELS: list[types.LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


def build_feeds_server(state: FeedsState) -> Server[Any]:
    server = SubscribableServer("feeds", "2.1.0")

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [
            types.Resource(uri=AnyUrl(f"feed://{name}"), name=name, mimeType=mime) for name, mime in FEEDS.items()
        ]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> list[ReadResourceContents]:
        if uri.host == "blob":
            return [ReadResourceContents(content=base64.b64decode(base64.b64encode(b"\x00\x01\x02")), mime_type=None)]
        return [ReadResourceContents(content='{"alerts": []}', mime_type="application/json")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        state.subscribed.add(str(uri))

    @server.unsubscribe_resource()
    async def unsubscribe(uri: AnyUrl) -> None:
        state.subscribed.discard(str(uri))

    @server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        state.level = level

    @server.progress_notification()
    async def on_progress(token: str | int, progress: float, total: float | None, message: str | None) -> None:
        state.progress.append((token, progress, total, message))

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [
            object_tool("publish", "Publish an update to a feed", uri="string"),
            object_tool("shout", "Emit a log line at a level", level="string", text="string"),
        ]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.TextContent]:
        session = server.request_context.session
        if name == "publish":
            uri = AnyUrl(arguments["uri"])
            if str(uri) in state.subscribed:
                await session.send_resource_updated(uri)
            return [types.TextContent(type="text", text=f"published {uri}")]
        if name == "shout":
            level: types.LoggingLevel = arguments["level"]
            if LEVELS.index(level) >= LEVELS.index(state.level):
                await session.send_log_message(level=level, data=arguments["text"], logger="feeds.core")
            return [types.TextContent(type="text", text="ok")]
        raise ValueError(f"no tool {name}")

    return server


def build_bare_server() -> Server[Any]:
    """Tools only: no prompts, resources, completions or logging."""
    server: Server[Any] = Server("bare")

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [object_tool("echo", "Echo text back", text="string")]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        return {"echo": arguments.get("text", "")}

    return server
