"""Tools: listing, calling, validation, progress and logging over an in-memory session."""

from __future__ import annotations

import json
from datetime import timedelta

import httpx
import mcp.types as types
from mcp.shared.exceptions import McpError

from tests.demo_app import build_app
from widgetkit.adapter import McpAdapter
from widgetkit.remote import RemoteTarget, RemoteWidgetClient
from widgetkit.testing import AdapterHarness


def make_harness(*, filler: int = 0, page_size: int = 20) -> AdapterHarness:
    return AdapterHarness(McpAdapter(build_app(filler=filler), page_size=page_size))


async def test_initialize_reports_capabilities() -> None:
    harness = make_harness()
    async with harness.connect() as session:
        caps = session.get_server_capabilities()
        assert caps is not None and caps.tools is not None and caps.tools.listChanged is True
        assert caps.resources is not None and caps.resources.subscribe is True
        assert caps.experimental == {"widgetkit": {"adapter": "mcp", "version": "2.4.0"}}
        assert caps.logging is not None and caps.completions is not None
    opts = harness.adapter.initialization_options()
    assert (opts.server_name, opts.server_version) == ("inventory", "2.4.0")
    assert harness.adapter.state.sessions_opened == 1


async def test_list_tools_paginates_with_cursor() -> None:
    harness = make_harness(filler=7, page_size=4)
    async with harness.connect() as session:
        first = await session.list_tools()
        assert len(first.tools) == 4 and first.nextCursor is not None
        tools = await harness.all_tools(session)
        try:
            await session.list_tools(cursor="not-a-cursor")
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS and "Bad cursor" in exc.error.message
        else:
            raise AssertionError("expected McpError")
    assert len(tools) == 14
    by_name = {t.name: t for t in tools}
    add_item = by_name["add_item"]
    assert add_item.inputSchema["required"] == ["name"]
    assert "total_items" in (add_item.outputSchema or {})["properties"]
    assert add_item.annotations is not None and add_item.annotations.readOnlyHint is False
    chart = by_name["stock_chart"]
    assert chart.icons is not None and chart.icons[0].mimeType == "image/svg+xml"
    assert chart.execution is not None and chart.execution.taskSupport == types.TASK_FORBIDDEN
    snap = AdapterHarness.snapshot([add_item])[0]
    assert {"inputSchema", "outputSchema", "annotations", "execution"} <= set(snap)
    assert snap["annotations"]["destructiveHint"] is False


async def test_call_tool_returns_structured_content() -> None:
    harness = make_harness()
    async with harness.connect() as session:
        await harness.call(session, "add_item", {"name": "bolt", "qty": 3})
        result = await harness.call(session, "add_item", {"name": "nut", "unit": "box"})
        assert result.isError is False
        assert result.structuredContent == {"name": "nut", "qty": 1, "unit": "box", "total_items": 4}
        assert json.loads(harness.text_of(result))["total_items"] == 4
        found = await harness.call(session, "search", {"query": "b"})
        assert harness.text_of(found) == "bolt" and found.structuredContent is None

        chart = await harness.call(session, "stock_chart", {"kind": "line"})
        embedded = [c for c in chart.content if isinstance(c, types.EmbeddedResource)]
        resource = embedded[0].resource
        assert str(resource.uri) == "widget://render/chart" and resource.uri.host == "render"
        assert resource.mimeType == "application/vnd.widgetkit.widget+json"
        assert isinstance(resource, types.TextResourceContents) and len(json.loads(resource.text)["children"]) == 2


async def test_failures_become_error_results() -> None:
    harness = make_harness()
    async with harness.connect() as session:
        await session.list_tools()
        bad_type = await harness.call(session, "add_item", {"name": "bolt", "qty": "three"})
        refused = await harness.call(session, "add_item", {"name": "bolt", "qty": 0})
        unknown = await harness.call(session, "drop_tables")
    assert [r.isError for r in (bad_type, refused, unknown)] == [True, True, True]
    assert "Input validation error" in harness.text_of(bad_type)
    assert harness.text_of(refused) == "qty must be positive"
    assert "Unknown tool: drop_tables" in harness.text_of(unknown)
    errors = [e for e in harness.adapter.app.events if e["isError"]]
    assert [(e["tool"], e["code"]) for e in errors] == [("add_item", "bad_qty")]
    assert "failed" in harness.traffic.log_events()


async def test_progress_and_log_notifications() -> None:
    harness = make_harness()
    async with harness.connect() as session:
        result = await harness.call(session, "export_rows", {"rows": 3}, track_progress=True)
        assert harness.text_of(result) == "exported 3 rows"
        await harness.call(session, "export_rows", {"rows": 2})  # no token: reporter stays silent
        await session.set_logging_level("warning")
        await harness.call(session, "search", {"query": "x"})
    assert harness.traffic.progress == [(1, 3, "row 1/3"), (2, 3, "row 2/3"), (3, 3, "row 3/3")]
    calls = [p for p in harness.traffic.logs if p.data.get("event") == "call"]
    assert [p.data["tool"] for p in calls] == ["export_rows", "export_rows"]
    assert all(p.logger == "widgetkit" and p.level == "info" for p in calls)


async def test_caller_info_and_tool_list_changed() -> None:
    harness = make_harness()
    async with harness.connect() as session:
        me = await harness.call(session, "whoami")
        assert me.structuredContent == {"user": None, "client": "widgetkit-harness", "transport": "stream", "session": None}
        before = await harness.all_tools(session)
        await harness.call(session, "enable_beta")
        assert len(await harness.all_tools(session)) == len(before) + 1
        forecast = await harness.call(session, "beta_forecast", {"days": 3})
        assert harness.text_of(forecast) == "forecast for 3 days: flat"
    assert harness.traffic.list_changed == ["tools"]


async def test_remote_retry_gives_up_after_timeouts() -> None:
    harness = make_harness()
    remote = RemoteWidgetClient(RemoteTarget(url="memory://inventory"))
    async with harness.connect() as session:
        try:
            await remote.call(session, "slow_report", {"seconds": 0.5}, attempts=2, timeout=timedelta(milliseconds=50))
        except McpError as exc:
            assert exc.error.code == httpx.codes.REQUEST_TIMEOUT and "Timed out" in exc.error.message
        else:
            raise AssertionError("expected a timeout")
        quick = await remote.call(session, "slow_report", {"seconds": 0}, timeout=timedelta(seconds=2))
        assert harness.text_of(quick) == "report ready"
