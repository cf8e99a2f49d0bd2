import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from pydantic import AnyUrl
from servers import PNG, build_catalog_server, build_notes_server, hub_for, raises

import mcp.types as types
from mcp import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from switchboard.hub import Hub, UnknownTarget
from switchboard.render import render_resources, render_tools
from switchboard.results import split_uri
from switchboard.wire import WireTap


async def test_catalog_is_paginated_and_merged():
    tap = WireTap()
    async with hub_for(Hub(tap=tap), notes=build_notes_server(), catalog=build_catalog_server()) as hub:
        tools = hub.qualified_tools()
        assert {"catalog.lookup_0", "catalog.restock", "notes.add_note", "notes.summarize"} <= set(tools)
        assert len(hub.servers["catalog"].tools) == 8
        assert sorted(hub.servers["catalog"].resources) == [f"catalog://items/sku-{i}" for i in (1, 2, 3)]

        list_calls = [r.wire for r in tap.records if r.direction == "out" and r.wire.get("method") == "tools/list"]
        cursors = [call.get("params", {}).get("cursor") for call in list_calls]
        assert cursors == [None, None, "3", "6"]

        catalog = hub.servers["catalog"]
        assert catalog.info.version == "2.1.0"
        assert catalog.instructions == "Warehouse catalog"
        assert hub.servers["notes"].instructions == "Keeps short notes for the team."
        assert hub.servers["notes"].info.version, "FastMCP servers report a version"
        assert catalog.capabilities.experimental == {"switchboard/test": {}}
        assert catalog.capabilities.tools is not None and catalog.capabilities.tools.listChanged


async def test_snapshot_renders_tables():
    async with hub_for(Hub(), notes=build_notes_server(), catalog=build_catalog_server()) as hub:
        snapshot = hub.snapshot()
    stock = next(t for t in snapshot["catalog"]["tools"] if t["name"] == "stock")
    assert stock["inputSchema"]["required"] == ["sku"]
    assert "outputSchema" in stock
    assert snapshot["notes"]["serverInfo"]["name"] == "notes"
    assert snapshot["catalog"]["capabilities"]["tools"] == {"listChanged": True}
    table = render_tools(snapshot)
    lookup = next(line for line in table.splitlines() if line.startswith("catalog.lookup_2 "))
    assert lookup.split()[1:] == ["(sku:", "string)"]
    assert "notes.list_notes" in table and "ro" in table
    resources = render_resources(snapshot)
    assert "catalog://items/{sku}" in resources and "notes://index" in resources


async def test_tool_results_are_summarized():
    async with hub_for(Hub(), notes=build_notes_server(), catalog=build_catalog_server()) as hub:
        stock = await hub.call("catalog.stock", {"sku": "sku-1"})
        assert stock.ok and stock.structured == {"sku": "sku-1", "on_hand": 7}

        rendered = await hub.call("catalog.render")
        assert rendered.text == "rendered\nsku-1 spec"
        assert rendered.images == [("image/png", PNG)]
        assert rendered.attachments[0].mime_type == "text/plain"
        assert rendered.links == ["catalog://items/sku-2"]

        added = await hub.call("notes.add_note", {"note_id": "n3", "text": "water plants"})
        assert added.structured == {"id": "n3", "count": 3}
        chart = await hub.call("notes.chart")
        assert chart.images and chart.images[0][0] == "image/png"

        boom = await hub.call("catalog.explode")
        assert not boom.ok and "warehouse offline" in boom.text
        assert boom.as_dict()["isError"] is True

        assert "missing" in str(await raises(UnknownTarget, hub.call("catalog.missing")))


async def test_resources_routed_by_uri():
    async with hub_for(Hub(), notes=build_notes_server(), catalog=build_catalog_server()) as hub:
        [item] = await hub.read("catalog://items/sku-2")
        assert item.mime_type == "application/json" and item.text == '{"sku": "sku-2"}'
        [thumb] = await hub.read(AnyUrl("catalog://items/sku-9/thumb"))
        assert thumb.is_binary and thumb.data == PNG
        [note] = await hub.read("notes://note/n1")
        assert note.text == "buy milk"
        [index] = await hub.read("notes://index")
        assert index.text == '["n1", "n2"]'
        assert split_uri(AnyUrl("catalog://items/sku-2")) == ("catalog", "items", "sku-2")
        assert (await raises(McpError, hub.read("ftp://archive/old"))).error.code == types.INVALID_PARAMS


async def test_prompts_and_completions():
    async with hub_for(Hub(), notes=build_notes_server()) as hub:
        transcript = await hub.prompt("notes.review", {"note_id": "n2"})
        assert transcript == [
            ("user", "Review this note: call the plumber about the leak"),
            ("assistant", "Will do."),
        ]
        assert await hub.complete("notes.review", "note_id", "n") == ["n1", "n2"]
        assert await hub.complete("notes.notes://note/{note_id}", "note_id", "n2") == ["n2"]


async def test_raw_session_sees_individual_pages():
    async with create_connected_server_and_client_session(build_catalog_server(page_size=5)) as session:
        first = await session.list_tools()
        assert [t.name for t in first.tools][-1] == "stock" and first.nextCursor == "5"
        second = await session.list_tools(cursor=first.nextCursor)
        assert second.nextCursor is None and [t.name for t in second.tools] == ["render", "explode", "restock"]
        resources = await session.list_resources()
        assert [r.uri.path for r in resources.resources] == ["/sku-1", "/sku-2"]
