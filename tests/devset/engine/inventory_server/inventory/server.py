"""Lowlevel MCP server for a warehouse inventory, written as a Server subclass."""

from __future__ import annotations

import json
import logging
from typing import Any

import anyio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.models import InitializationOptions
from mcp.server.stdio import stdio_server
from pydantic import AnyUrl

logger = logging.getLogger(__name__)

LOW_STOCK = 5


class InventoryServer(Server[dict[str, Any], Any]):
    """Handlers are bound methods registered in __init__."""

    def __init__(self, stock: dict[str, int] | None = None) -> None:
        super().__init__("inventory", version="1.1.0", instructions="Query and adjust warehouse stock.")
        self.stock: dict[str, int] = dict(stock or {})
        self.subscribers: set[str] = set()

        self.list_tools()(self._list_tools)
        self.call_tool()(self._call_tool)
        self.list_resources()(self._list_resources)
        self.read_resource()(self._read_resource)

        @self.subscribe_resource()
        async def _subscribe(uri: AnyUrl) -> None:
            self.subscribers.add(str(uri))

        @self.unsubscribe_resource()
        async def _unsubscribe(uri: AnyUrl) -> None:
            self.subscribers.discard(str(uri))

        @self.list_prompts()
        async def _list_prompts() -> list[types.Prompt]:
            return [
                types.Prompt(
                    name="restock_plan",
                    description="Draft a restock order for low items",
                    arguments=[types.PromptArgument(name="budget", required=False)],
                )
            ]

        @self.get_prompt()
        async def _get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
            if name != "restock_plan":
                raise ValueError(f"unknown prompt {name}")
            low = {k: v for k, v in self.stock.items() if v < LOW_STOCK}
            budget = (arguments or {}).get("budget", "unlimited")
            return types.GetPromptResult(
                messages=[
                    types.PromptMessage(
                        role="user",
                        content=types.TextContent(
                            type="text", text=f"Budget: {budget}. Low items: {json.dumps(low, sort_keys=True)}"
                        ),
                    )
                ]
            )

    def create_initialization_options(
        self,
        notification_options: NotificationOptions | None = None,
        experimental_capabilities: dict[str, dict[str, Any]] | None = None,
    ) -> InitializationOptions:
        opts = super().create_initialization_options(
            notification_options or NotificationOptions(resources_changed=True, tools_changed=False),
            experimental_capabilities or {"inventory/audit": {"enabled": True}},
        )
        if opts.capabilities.resources is not None:
            opts.capabilities.resources.subscribe = True
        return opts

    async def _list_tools(self) -> list[types.Tool]:
        return [
            types.Tool(
                name="get_stock",
                description="Units on hand for a SKU",
                inputSchema={"type": "object", "properties": {"sku": {"type": "string"}}, "required": ["sku"]},
                outputSchema={
                    "type": "object",
                    "properties": {"sku": {"type": "string"}, "units": {"type": "integer"}},
                    "required": ["sku", "units"],
                },
                annotations=types.ToolAnnotations(readOnlyHint=True),
            ),
            types.Tool(
                name="adjust_stock",
                description="Add (or remove, with a negative delta) units",
                inputSchema={
                    "type": "object",
                    "properties": {"sku": {"type": "string"}, "delta": {"type": "integer"}},
                    "required": ["sku", "delta"],
                },
                annotations=types.ToolAnnotations(destructiveHint=False, idempotentHint=False),
            ),
        ]

    async def _call_tool(self, name: str, arguments: dict[str, Any]) -> dict[str, Any] | list[types.ContentBlock]:
        ctx = self.request_context
        if name == "get_stock":
            sku = arguments["sku"]
            if sku not in self.stock:
                raise KeyError(f"unknown SKU {sku}")
            return {"sku": sku, "units": self.stock[sku]}
        if name == "adjust_stock":
            sku, delta = arguments["sku"], int(arguments["delta"])
            new = self.stock.get(sku, 0) + delta
            if new < 0:
                raise ValueError(f"cannot go below zero ({new})")
            created = sku not in self.stock
            self.stock[sku] = new
            session = ctx.session
            await session.send_log_message("info", {"sku": sku, "units": new}, logger="inventory")
            uri = f"inventory://sku/{sku}"
            if uri in self.subscribers:
                await session.send_resource_updated(AnyUrl(uri))
            if created:
                await session.send_resource_list_changed()
            if new < LOW_STOCK:
                await session.send_log_message("warning", f"{sku} is low ({new})", logger="inventory")
            return [types.TextContent(type="text", text=f"{sku}: {new}")]
        raise ValueError(f"unknown tool {name}")

    async def _list_resources(self) -> list[types.Resource]:
        return [
            types.Resource(uri=AnyUrl(f"inventory://sku/{sku}"), name=sku, mimeType="application/json")
            for sku in sorted(self.stock)
        ]

    async def _read_resource(self, uri: AnyUrl) -> str:
        if uri.scheme != "inventory" or uri.host != "sku" or not uri.path:
            raise ValueError(f"not an inventory URI: {uri}")
        sku = uri.path.lstrip("/")
        return json.dumps({"sku": sku, "units": self.stock.get(sku, 0)})


async def _serve() -> None:
    server = InventoryServer({"WIDGET-1": 12, "GADGET-7": 3})
    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options())


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    anyio.run(_serve)
