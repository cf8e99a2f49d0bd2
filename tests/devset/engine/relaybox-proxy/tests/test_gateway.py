from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import anyio
import mcp.types as types
from harness import error_text, upstream_session
from mcp import ClientSession
from mcp.server.lowlevel import Server
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.message import SessionMessage
from pydantic import ValidationError
from servers import FeedsState, build_feeds_server, build_inventory_server
from starlette.testclient import TestClient

from relaybox.config import ListenSettings
from relaybox.describe import UpstreamInfo, snapshot_catalog
from relaybox.gateway import build_sse_app, create_gateway_server, initialization_options
from relaybox.proxy import create_proxy_server
from relaybox.relay import NotificationRelay
from relaybox.tap import WireTap, parse_frame


async def test_gateway_namespaces_tools_across_upstreams() -> None:
    async with (
        upstream_session(build_inventory_server(), NotificationRelay("inventory")) as (inventory, _),
        upstream_session(build_feeds_server(FeedsState()), NotificationRelay("feeds")) as (feeds, _),
    ):
        gateway = create_gateway_server({"inventory": inventory, "feeds": feeds}, prefixes={"inventory": "inv"})
        async with create_connected_server_and_client_session(gateway) as client:
            tools = await client.list_tools()
            names = [t.name for t in tools.tools]
            assert "inv__add" in names and "feeds__publish" in names
            assert names == sorted(names)

            added = await client.call_tool("inv__add", {"a": 1, "b": 1})
            assert added.structuredContent == {"result": 2}
            published = await client.call_tool("feeds__publish", {"uri": "feed://alerts"})
            assert isinstance(published.content[0], types.TextContent)
            assert published.content[0].text == "published feed://alerts"

            missing = await client.call_tool("nowhere__tool", {})
            assert "No upstream serves" in error_text(missing)


async def test_describe_and_snapshot_use_the_handshake() -> None:
    async with upstream_session(build_inventory_server(), NotificationRelay()) as (session, init):
        info = UpstreamInfo.from_initialize(init)
        assert info.name == "inventory"
        assert info.instructions == "Inventory desk. Use lookup_sku before restocking."
        assert info.protocol_supported
        assert info.features == ["completions", "prompts", "resources", "tools"]
        assert info.can_subscribe is False

        catalog = await snapshot_catalog(session)
        add = next(t for t in catalog["tools"] if t["name"] == "add")
        assert add["inputSchema"]["type"] == "object"
        assert "outputSchema" in add
        assert catalog["resourceTemplates"][0]["uriTemplate"] == "stock://{sku}"
        mime_types = {r["mimeType"] for r in catalog["resources"]}
        assert mime_types == {"image/png", "text/markdown"}


async def test_wire_tap_records_the_proxy_traffic() -> None:
    tap = WireTap()
    async with upstream_session(build_inventory_server(), NotificationRelay()) as (session, _):
        proxy = create_proxy_server(session)
        async with tap.attach() as (client_streams, server_streams):
            async with anyio.create_task_group() as tg:
                tg.start_soon(lambda: proxy.run(*server_streams, proxy.create_initialization_options()))
                async with ClientSession(*client_streams) as client:
                    init = await client.initialize()
                    assert init.serverInfo.name == "relaybox"
                    await client.send_ping()
                    await client.list_tools()
                    poke = types.JSONRPCNotification(jsonrpc="2.0", method="notifications/tools/list_changed")
                    await server_streams[1].send(SessionMessage(types.JSONRPCMessage(poke)))
                    await client.send_ping()
                tg.cancel_scope.cancel()

    assert tap.methods("c2s")[:4] == ["initialize", "notifications/initialized", "ping", "tools/list"]
    assert "notifications/tools/list_changed" in tap.methods("s2c")
    ping = next(raw for _, raw in tap.frames if '"ping"' in raw)
    assert parse_frame(ping).model_dump(exclude_none=True) == {"jsonrpc": "2.0", "id": 1, "method": "ping"}

    null_id = '{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}'
    try:
        parse_frame(null_id)
    except ValidationError:
        pass
    else:
        raise AssertionError("a null-id error frame should not parse")


def test_sse_app_exposes_routes_and_health() -> None:
    listen = ListenSettings(transport="sse", port=8765, sse_path="/events", message_path="/post/")
    empty: Server[object] = Server("empty")
    options = initialization_options(empty, listen)
    assert options.server_name == "relaybox" and options.capabilities.tools is None
    assert options.capabilities.experimental == {"relaybox": {"gateway": True}}

    app = build_sse_app(empty, listen, {"upstreams": 0})
    paths = sorted(getattr(route, "path", "") for route in app.routes)
    assert paths == ["/events", "/healthz", "/post"]

    with TestClient(app) as http:
        health = http.get("/healthz")
        assert health.status_code == 200
        assert health.json() == {"ok": True, "upstreams": 0}
        orphan = http.post("/post/", json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
        assert orphan.status_code == 400
