"""Plain test functions driving InventoryServer in memory (run with `python -m tests.test_server`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import anyio
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder
from mcp.types import (
    ClientResult,
    LoggingMessageNotificationParams,
    ResourceUpdatedNotification,
    ServerNotification,
    ServerRequest,
    TextContent,
)
from pydantic import AnyUrl

from inventory.server import InventoryServer

_ = RequestContext  # re-exported for type hints in helper callbacks


def _server() -> InventoryServer:
    return InventoryServer({"WIDGET-1": 12, "GADGET-7": 3})


def test_capabilities() -> None:
    async def go() -> None:
        async with create_connected_server_and_client_session(_server()) as client:
            caps = client.get_server_capabilities()
            assert caps is not None
            assert caps.resources is not None and caps.resources.subscribe is True
            assert caps.resources.listChanged is True
            assert caps.experimental == {"inventory/audit": {"enabled": True}}

    anyio.run(go)


def test_get_stock_structured() -> None:
    async def go() -> None:
        async with create_connected_server_and_client_session(_server()) as client:
            tools = await client.list_tools()
            by_name = {t.name: t for t in tools.tools}
            assert by_name["get_stock"].annotations is not None
            assert by_name["get_stock"].annotations.readOnlyHint is True
            assert by_name["get_stock"].outputSchema is not None
            result = await client.call_tool("get_stock", {"sku": "WIDGET-1"})
            assert not result.isError
            assert result.structuredContent == {"sku": "WIDGET-1", "units": 12}

    anyio.run(go)


def test_unknown_sku_is_error() -> None:
    async def go() -> None:
        async with create_connected_server_and_client_session(_server()) as client:
            result = await client.call_tool("get_stock", {"sku": "NOPE"})
            assert result.isError
            first = result.content[0]
            assert isinstance(first, TextContent) and "NOPE" in first.text

    anyio.run(go)


def test_adjust_notifies() -> None:
    logs: list[LoggingMessageNotificationParams] = []
    updates: list[str] = []

    async def on_log(params: LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async def on_message(
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, ServerNotification):
            if isinstance(message.root, ResourceUpdatedNotification):
                updates.append(str(message.root.params.uri))

    async def go() -> None:
        async with create_connected_server_and_client_session(
            _server(),
            read_timeout_seconds=timedelta(seconds=5),
            logging_callback=on_log,
            message_handler=on_message,
        ) as client:
            await client.subscribe_resource(AnyUrl("inventory://sku/GADGET-7"))
            result = await client.call_tool("adjust_stock", {"sku": "GADGET-7", "delta": -1})
            assert not result.isError
            await anyio.sleep(0.05)

    anyio.run(go)
    assert [entry.level for entry in logs] == ["info", "warning"]
    assert updates == ["inventory://sku/GADGET-7"]


def test_resources_and_prompt() -> None:
    async def go() -> dict[str, Any]:
        async with create_connected_server_and_client_session(_server()) as client:
            listed = await client.list_resources()
            uris = [str(r.uri) for r in listed.resources]
            assert uris == ["inventory://sku/GADGET-7", "inventory://sku/WIDGET-1"]
            read = await client.read_resource(AnyUrl("inventory://sku/WIDGET-1"))
            prompt = await client.get_prompt("restock_plan", {"budget": "500"})
            msg = prompt.messages[0].content
            assert isinstance(msg, TextContent)
            return {"mime": read.contents[0].mimeType, "prompt": msg.text}

    out = anyio.run(go)
    assert out["mime"] == "text/plain"
    assert "GADGET-7" in out["prompt"] and "500" in out["prompt"]


if __name__ == "__main__":
    for name, fn in list(globals().items()):
        if name.startswith("test_") and callable(fn):
            fn()
            print("ok", name)
