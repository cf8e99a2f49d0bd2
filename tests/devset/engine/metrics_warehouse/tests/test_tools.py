"""End-to-end tests through an in-memory client session."""

from __future__ import annotations

import os

os.environ.setdefault("MW_DATABASE_PATH", ":memory:")

import json

import anyio
from pydantic import AnyUrl

from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import TextContent, TextResourceContents

from metrics_warehouse.server import mcp


async def _tool_listing() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        listing = await session.list_tools()
        tools = {t.name: t for t in listing.tools}
        assert set(tools) == {"summarize_metric", "daily_series", "top_movers", "run_readonly_query"}
        summary = tools["summarize_metric"]
        assert summary.title == "Summarize a metric"
        assert summary.outputSchema is not None
        assert set(summary.outputSchema["required"]) >= {"metric", "mean", "change_pct"}
        assert "ctx" not in summary.inputSchema["properties"]
        assert summary.annotations is not None and summary.annotations.readOnlyHint is True
        assert listing.nextCursor is None


def test_tool_listing() -> None:
    anyio.run(_tool_listing)


async def _summarize() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        result = await session.call_tool("summarize_metric", {"metric": "revenue", "start": "2024-06-01"})
        assert not result.isError
        assert result.structuredContent is not None
        assert result.structuredContent["metric"] == "revenue"
        assert result.structuredContent["days"] == 30
        assert result.structuredContent["minimum"] <= result.structuredContent["maximum"]
        first = result.content[0]
        assert isinstance(first, TextContent)
        assert json.loads(first.text)["unit"] == "EUR"


def test_summarize_metric() -> None:
    anyio.run(_summarize)


async def _unknown_metric() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        result = await session.call_tool("summarize_metric", {"metric": "nps"})
        assert result.isError
        text = result.content[0]
        assert isinstance(text, TextContent) and "Unknown metric 'nps'" in text.text


def test_unknown_metric_is_tool_error() -> None:
    anyio.run(_unknown_metric)


async def _series_and_movers() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        series = await session.call_tool("daily_series", {"metric": "signups", "start": "2024-06-25"})
        assert series.structuredContent is not None
        points = series.structuredContent["points"]
        assert [p["day"] for p in points][-1] == "2024-06-30"

        movers = await session.call_tool("top_movers", {"window_days": 5, "limit": 2})
        assert movers.structuredContent is not None
        # list return types are wrapped as {"result": [...]}
        assert len(movers.structuredContent["result"]) == 2


def test_series_and_movers() -> None:
    anyio.run(_series_and_movers)


async def _readonly_query() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        ok = await session.call_tool("run_readonly_query", {"sql": "SELECT name, unit FROM metrics ORDER BY name"})
        assert ok.structuredContent is not None
        assert ok.structuredContent["columns"] == ["name", "unit"]
        assert ok.structuredContent["rows"][0] == ["active_users", "users"]

        blocked = await session.call_tool("run_readonly_query", {"sql": "DELETE FROM metrics"})
        assert blocked.isError


def test_readonly_query() -> None:
    anyio.run(_readonly_query)


async def _resources() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        resources = await session.list_resources()
        assert [str(r.uri) for r in resources.resources] == ["warehouse://catalog"]
        assert resources.resources[0].mimeType == "application/json"

        templates = await session.list_resource_templates()
        assert {t.uriTemplate for t in templates.resourceTemplates} == {
            "warehouse://tables/{table}/schema",
            "warehouse://metrics/{metric}/daily/{day}",
        }

        catalog = await session.read_resource(AnyUrl("warehouse://catalog"))
        body = catalog.contents[0]
        assert isinstance(body, TextResourceContents)
        assert body.mimeType == "application/json"
        names = [m["metric"] for m in json.loads(body.text)["metrics"]]
        assert "p95_latency" in names

        schema = await session.read_resource(AnyUrl("warehouse://tables/daily_values/schema"))
        schema_body = schema.contents[0]
        assert isinstance(schema_body, TextResourceContents)
        assert [c["name"] for c in json.loads(schema_body.text)["columns"]] == ["metric", "day", "value"]

        point = await session.read_resource(AnyUrl("warehouse://metrics/revenue/daily/2024-06-30"))
        point_body = point.contents[0]
        assert isinstance(point_body, TextResourceContents)
        assert json.loads(point_body.text)["day"] == "2024-06-30"


def test_resources() -> None:
    anyio.run(_resources)


async def _prompt_direct() -> None:
    result = await mcp.get_prompt("weekly_review", {"owner": "sre"})
    assert len(result.messages) == 2
    assert result.messages[0].role == "user"
    content = result.messages[0].content
    assert isinstance(content, TextContent) and "sre team" in content.text


def test_prompt_render() -> None:
    anyio.run(_prompt_direct)
