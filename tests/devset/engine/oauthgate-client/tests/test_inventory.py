from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from pydantic import AnyUrl
from servers import PagedState, build_catalog_server, build_paged_server

from mcp import types
from mcp.shared.memory import create_connected_server_and_client_session

from oauthgate.inventory import (
    ToolOutcome,
    ToolSummary,
    list_all_resources,
    list_all_templates,
    list_all_tools,
    probe_optional,
    read_text,
    resource_snapshot,
    tool_snapshot,
)


async def test_inventory_against_fastmcp():
    server = build_catalog_server()
    async with create_connected_server_and_client_session(server._mcp_server) as session:
        tools = await list_all_tools(session)
        summaries = {t.name: ToolSummary.from_tool(t) for t in tools}
        assert summaries["search"].read_only and not summaries["search"].destructive
        assert summaries["search"].required == ("query",)
        assert summaries["search"].description == "Search catalog items by keyword."
        assert summaries["purge"].destructive and summaries["purge"].structured

        snapshot = tool_snapshot(tools)
        assert [entry["name"] for entry in snapshot] == ["purge", "search", "workspace_roots"]
        search = snapshot[1]
        assert search["inputSchema"]["required"] == ["query"]
        assert search["annotations"] == {"readOnlyHint": True, "idempotentHint": True}
        assert "outputSchema" in search

        resources = await list_all_resources(session)
        rows = {row["name"]: row for row in resource_snapshot(resources)}
        assert rows["intro"] == {
            "uri": "docs://guide/intro",
            "scheme": "docs",
            "host": "guide",
            "name": "intro",
            "mimeType": "text/markdown",
        }
        assert rows["logo"]["host"] == "cdn.example.com"

        text = await read_text(session, "docs://guide/intro")
        assert text.startswith("# Catalog")
        assert await read_text(session, AnyUrl("https://cdn.example.com/catalog/logo.txt")) == "(logo)"
        assert await list_all_templates(session) == []

        result = await session.call_tool("search", {"query": "lamp", "limit": 2})
        outcome = ToolOutcome.from_result(result)
        assert outcome.ok and outcome.data == {"query": "lamp", "items": ["lamp-1", "lamp-2"], "count": 2}


async def test_paged_lowlevel_listing_and_probe():
    state = PagedState(tool_count=4, page_size=2)
    async with create_connected_server_and_client_session(build_paged_server(state)) as session:
        first = await session.list_tools()
        assert [t.name for t in first.tools] == ["op_00", "op_01"] and first.nextCursor == "2"
        everything = await list_all_tools(session)
        assert len(everything) == 6 and everything[-1].name == "flaky"
        assert everything[0].inputSchema["properties"] == {"x": {"type": "integer"}}

        resources = await list_all_resources(session)
        assert resources[0].uri == AnyUrl("paged://status") and resources[0].mimeType == "application/json"
        assert await probe_optional(session) == {"prompts": False, "templates": False}

        try:
            await list_all_tools(session, max_pages=2)
        except RuntimeError as exc:
            assert "after 2 pages" in str(exc)
        else:
            raise AssertionError("expected pagination guard to trip")

        blocks: list[types.Content] = [
            types.TextContent(type="text", text="hello"),
            types.ImageContent(type="image", data="AAAA", mimeType="image/png"),
        ]
        outcome = ToolOutcome.from_result(types.CallToolResult(content=blocks, isError=False))
        assert outcome.text == "hello\n[image image/png]" and outcome.data is None
