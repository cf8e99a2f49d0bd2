from __future__ import annotations

import json
import os
import sys
from typing import Any

import anyio

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.context import RequestContext  # noqa: E402

from harness import bridged, text_of  # noqa: E402
from stdiobridge.settings import BridgeSettings, ToolTimeouts  # noqa: E402
from upstream_app import build_inventory_upstream, build_paged_upstream  # noqa: E402


async def test_tools_are_listed_with_prefix_and_read_only_filter() -> None:
    upstream, _ = build_inventory_upstream()
    settings = BridgeSettings(tool_prefix="inv_", read_only=True, hidden_tools=["echo_meta"])
    async with bridged(upstream, settings) as rig:
        init = rig.client.get_server_capabilities()
        assert init is not None and init.tools is not None and init.tools.listChanged
        listing = await rig.client.list_tools()
        names = {tool.name for tool in listing.tools}
        assert "inv_stock_level" in names and "inv_restock" in names
        assert "inv_purge" not in names  # destructiveHint
        assert "inv_echo_meta" not in names
        stock = next(t for t in listing.tools if t.name == "inv_stock_level")
        schema = stock.inputSchema
        assert schema["type"] == "object" and "sku" in schema["properties"]
        assert stock.description is not None and stock.description.endswith("(via inventory-upstream)")


async def test_call_tool_roundtrip_copies_structured_content() -> None:
    upstream, _ = build_inventory_upstream()
    async with bridged(upstream, BridgeSettings(tool_prefix="inv_")) as rig:
        result = await rig.client.call_tool("inv_stock_level", {"sku": "C-300"})
        assert json.loads(text_of(result))["onHand"] == 17
        assert result.structuredContent == {"sku": "C-300", "onHand": 17}

        missing = await rig.client.call_tool("inv_stock_level", {"sku": "Z-999"})
        assert "unknown sku Z-999" in text_of(missing, error=True)

        unprefixed = await rig.client.call_tool("stock_level", {"sku": "C-300"})
        assert "Unknown tool: stock_level" in text_of(unprefixed, error=True)

        entries = rig.bridge.audit.trail.for_tool("inv_stock_level")
        assert [e["isError"] for e in entries] == [False, True]
        assert entries[0]["structuredKeys"] == ["onHand", "sku"]
        assert entries[0]["upstreamTool"] == "stock_level"


async def test_progress_and_logs_are_forwarded() -> None:
    upstream, _ = build_inventory_upstream()
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    async with bridged(upstream) as rig:
        result = await rig.client.call_tool("restock", {"sku": "A-100", "quantity": 3}, progress_callback=on_progress)
        assert not result.isError
        with anyio.fail_after(2):
            while len(rig.inbox.logs) < 1:
                await anyio.sleep(0.01)
        assert [u[0] for u in updates] == [1.0, 2.0, 3.0]
        assert updates[-1] == (3.0, 3.0, "pallet 3/3")
        # default threshold is "info": the upstream's debug line is dropped by the hook
        assert [log.data for log in rig.inbox.logs] == ["restocked A-100 x3"]
        assert rig.inbox.logs[0].logger == "upstream"
        assert rig.bridge.log_filter.dropped == 1

        await rig.client.set_logging_level("debug")
        await rig.client.call_tool("restock", {"sku": "A-100", "quantity": 1})
        with anyio.fail_after(2):
            while len(rig.inbox.logs) < 3:
                await anyio.sleep(0.01)
        assert rig.inbox.logs[-1].data == "restock internals"


async def test_per_tool_timeout_becomes_error_result() -> None:
    upstream, _ = build_inventory_upstream()
    settings = BridgeSettings(request_timeout=5, tool_timeouts=ToolTimeouts({"slow_*": 0.2}))
    async with bridged(upstream, settings) as rig:
        result = await rig.client.call_tool("slow_report", {"seconds": 3})
        text = text_of(result, error=True)
        assert "did not answer" in text and "retry later" in text
        assert result.meta == {"bridge/errorCode": 408}
        audit = rig.bridge.audit.trail.errors()
        assert audit[0]["errorCode"] == 408
        quick = await rig.client.call_tool("slow_report", {"seconds": 0})
        assert not quick.isError


async def test_tool_list_changed_is_forwarded_and_cache_invalidated() -> None:
    upstream, _ = build_inventory_upstream()
    async with bridged(upstream) as rig:
        before = await rig.client.list_tools()
        assert "weekly_report" not in {t.name for t in before.tools}
        assert rig.bridge.names.definition("restock") is not None
        await rig.client.call_tool("enable_reports", {})
        notification = await rig.inbox.wait_for("notifications/tools/list_changed")
        assert isinstance(notification, types.ToolListChangedNotification)
        assert rig.bridge.names.definition("restock") is None
        after = await rig.client.list_tools()
        assert "weekly_report" in {t.name for t in after.tools}
        report = await rig.client.call_tool("weekly_report", {})
        assert report.content[0].type == "text"


async def test_sampling_is_relayed_to_local_client() -> None:
    upstream, _ = build_inventory_upstream()
    seen: list[types.CreateMessageRequestParams] = []

    async def sampling(
        context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult:
        seen.append(params)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text="A sturdy widget."),
            model="fake-llm",
            stopReason="endTurn",
        )

    async with bridged(upstream, sampling_callback=sampling) as rig:
        result = await rig.client.call_tool("describe_item", {"sku": "A-100"})
        assert text_of(result) == "A sturdy widget."
        assert seen[0].maxTokens == 64
        assert seen[0].systemPrompt == "You write one-line product blurbs."
        assert rig.bridge.callbacks.requests == ["sampling/createMessage"]


async def test_paged_upstream_cursor_passthrough_and_mcp_error() -> None:
    async with bridged(build_paged_upstream()) as rig:
        collected: list[str] = []
        cursor: types.Cursor | None = None
        pages = 0
        while True:
            page = await rig.client.list_tools(cursor=cursor)
            collected.extend(tool.name for tool in page.tools)
            pages += 1
            cursor = page.nextCursor
            if cursor is None:
                break
        assert pages == 3
        assert collected == [f"tool_{i}" for i in range(5)]
        assert rig.bridge.info is not None and rig.bridge.info.server_version == "2.1.0"

        doubled = await rig.client.call_tool("tool_1", {"n": 21})
        assert doubled.structuredContent == {"doubled": 42}

        retired = await rig.client.call_tool("tool_4", {"n": 1})
        assert "tool_4 is retired" in text_of(retired, error=True)
