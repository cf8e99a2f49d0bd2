from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from mcp.types import TextContent  # noqa: E402

from support import LogSink, connected, first_text, make_server  # noqa: E402
from warehouse.client import NotificationLog, auto_elicitation, canned_sampler  # noqa: E402


async def test_tool_listing_exposes_schemas_and_hints() -> None:
    async with connected(make_server()) as session:
        listing = await session.list_tools()
        tools = {tool.name: tool for tool in listing.tools}

    assert {"run_query", "list_tables", "describe_table", "refresh_view", "export_table", "explain_query"} <= set(tools)
    run_query = tools["run_query"]
    assert run_query.title == "Run a read-only SQL query"
    assert run_query.inputSchema["required"] == ["sql"]
    assert run_query.outputSchema is not None
    assert {"columns", "rows", "truncated"} <= set(run_query.outputSchema["properties"])
    assert run_query.annotations is not None and run_query.annotations.readOnlyHint is True
    assert run_query.annotations.openWorldHint is False

    refresh = tools["refresh_view"]
    assert refresh.annotations is not None
    assert refresh.annotations.readOnlyHint is False and refresh.annotations.destructiveHint is False
    assert tools["table_stats"].meta == {"category": "catalog"}
    assert listing.nextCursor is None


async def test_run_query_returns_structured_rows_with_progress() -> None:
    logs = LogSink()
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    notes = NotificationLog()
    async with connected(make_server(), logging_callback=logs, message_handler=notes) as session:
        result = await session.call_tool(
            "run_query",
            {"sql": "SELECT region, COUNT(*) AS n FROM customers GROUP BY region ORDER BY region", "limit": 10},
            progress_callback=on_progress,
        )

    assert result.isError is False
    assert result.structuredContent is not None
    assert result.structuredContent["columns"] == ["region", "n"]
    assert result.structuredContent["rows"] == [["amer", 2], ["apac", 1], ["emea", 3]]
    assert result.structuredContent["truncated"] is False
    assert [u[0] for u in updates] == [0, 1, 3]
    assert updates[-1] == (3, 3, "3 rows")
    assert [(token, progress) for token, progress, _ in notes.progress] == [(1, 0), (1, 1), (1, 3)]
    assert any("query from anonymous" in m for m in logs.messages("info"))


async def test_run_query_rejects_writes_and_truncates() -> None:
    logs = LogSink()
    async with connected(make_server(), logging_callback=logs) as session:
        rejected = await session.call_tool("run_query", {"sql": "DELETE FROM orders"})
        broken = await session.call_tool("run_query", {"sql": "SELECT nope FROM orders"})
        capped = await session.call_tool("run_query", {"sql": "SELECT id FROM orders ORDER BY id", "limit": 500})

    assert rejected.isError is True
    assert "Only single SELECT/WITH statements" in first_text(rejected.content)
    assert broken.isError is True
    assert "no such column" in first_text(broken.content)
    assert any(r.logger == "warehouse.sql" and r.level == "error" for r in logs.records)
    assert capped.structuredContent is not None
    assert capped.structuredContent["row_count"] == 48 and capped.structuredContent["truncated"] is False
    assert len(capped.structuredContent["rows"]) == 48


async def test_refresh_view_reports_unknown_view_as_tool_error() -> None:
    async with connected(make_server()) as session:
        bad = await session.call_tool("refresh_view", {"view": "mv_nope"})
        good = await session.call_tool("refresh_view", {"view": "mv_daily_revenue"})

    assert bad.isError is True
    assert "Unknown materialized view: mv_nope" in first_text(bad.content)
    assert good.isError is False
    assert good.structuredContent == {"view": "mv_daily_revenue", "rows": 12, "notified_subscribers": 0}


async def test_export_table_asks_the_user_first() -> None:
    server = make_server()
    answers: dict[str, str | int | float | bool] = {"confirm": True, "format": "parquet", "include_header": False}
    async with connected(server, elicitation_callback=auto_elicitation(answers)) as session:
        accepted = await session.call_tool("export_table", {"table": "customers", "destination": "s3://bi/"})
    async with connected(server, elicitation_callback=auto_elicitation(None)) as session:
        declined = await session.call_tool("export_table", {"table": "customers"})

    assert accepted.structuredContent == {
        "table": "customers",
        "status": "exported",
        "rows": 6,
        "location": "s3://bi/customers.parquet",
        "format": "parquet",
    }
    assert declined.structuredContent is not None
    assert declined.structuredContent["status"] == "declined"


async def test_explain_query_uses_client_sampling() -> None:
    sampler = canned_sampler("Counts orders per day.", model="tiny-analyst")
    async with connected(make_server(), sampling_callback=sampler) as session:
        result = await session.call_tool("explain_query", {"sql": "SELECT ordered_on, COUNT(*) FROM orders GROUP BY 1"})

    assert result.isError is False
    text = first_text(result.content)
    assert text == "Counts orders per day. (model: tiny-analyst)"
    assert result.structuredContent == {"result": text}


async def test_sync_tools_read_lifespan_state() -> None:
    async with connected(make_server()) as session:
        tables = await session.call_tool("list_tables", {"include_views": False})
        cost = await session.call_tool("estimate_cost", {"sql": "select * from orders join products on 1=1"})

    assert tables.structuredContent == {"result": ["customers", "orders", "products"]}
    assert cost.structuredContent is not None
    assert cost.structuredContent["tables"] == ["orders", "products"]
    assert cost.structuredContent["estimatedRows"] == 53


async def test_table_stats_returns_raw_call_tool_result() -> None:
    notes = NotificationLog()
    async with connected(make_server(), message_handler=notes) as session:
        ok = await session.call_tool("table_stats", {"table": "products"})
        missing = await session.call_tool("table_stats", {"table": "suppliers"})

    assert ok.isError is False
    assert ok.structuredContent is not None
    assert ok.structuredContent["rows"] == 5
    assert ok.structuredContent["pool"]["size"] == 2
    assert ok.meta == {"warehouse/cached": False}
    assert missing.isError is True
    assert isinstance(missing.content[0], TextContent)
    assert missing.content[0].text == "no such table: suppliers"
    assert notes.errors == []
