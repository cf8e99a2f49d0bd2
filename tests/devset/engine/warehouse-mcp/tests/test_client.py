from __future__ import annotations

import json
import os
import sys
from datetime import timedelta
from typing import Any

sys.path.insert(0, os.path.dirname(__file__))

import anyio  # noqa: E402
import httpx  # noqa: E402

from mcp.shared.exceptions import McpError  # noqa: E402

from support import connected, make_server  # noqa: E402
from warehouse.asgi import build_app  # noqa: E402
from warehouse.catalog import SCHEMA_TEMPLATE  # noqa: E402
from warehouse.client import NotificationLog, WarehouseClient, fetch_health, open_client  # noqa: E402


async def test_warehouse_client_wraps_the_session() -> None:
    notes = NotificationLog()
    async with connected(make_server(), message_handler=notes) as session:
        client = WarehouseClient(session)
        capabilities = client.capabilities()
        outcome = await client.query("SELECT name, segment FROM customers WHERE region = 'emea' ORDER BY id")
        failed = await client.query("UPDATE customers SET name = 'x'")
        tools = await client.tools()
        templates = await client.templates()
        catalog = json.loads(await client.read("warehouse://catalog"))
        dialect = await client.read("warehouse://docs/sql-dialect")
        suggestions = await client.complete_table(SCHEMA_TEMPLATE, "pro")
        stats = await client.call("table_stats", table="orders")

    assert {"tools", "resources", "prompts", "completions", "logging"} <= capabilities
    assert outcome.ok and outcome.truncated is False
    assert outcome.records() == [
        {"name": "Acme Outfitters", "segment": "enterprise"},
        {"name": "Dunmore Retail", "segment": "smb"},
        {"name": "Fjord Foods", "segment": "mid-market"},
    ]
    assert failed.error is not None and "Only single SELECT/WITH" in failed.error
    assert len(tools) == 8
    assert templates == {"table_schema": SCHEMA_TEMPLATE, "table_sample": "warehouse://tables/{table}/sample/{rows}"}
    assert len(catalog["tables"]) == 5
    assert isinstance(dialect, str) and dialect.startswith("# Warehouse SQL dialect")
    assert suggestions == ["products"]
    assert stats["rows"] == 48
    assert notes.errors == []


async def test_query_errors_surface_as_mcp_errors() -> None:
    async with connected(make_server(), timeout=timedelta(seconds=5)) as session:
        client = WarehouseClient(session)
        try:
            await client.read("warehouse://tables/nope/schema")
        except McpError as exc:
            error = exc.error
        else:
            raise AssertionError("reading an unknown table should fail")
        missing_sql = await session.call_tool("run_query", {"limit": 3})

    assert error.code == 0
    assert "Unknown table: nope" in error.message
    assert missing_sql.isError is True
    assert "validation error" in missing_sql.content[0].model_dump()["text"]


async def test_open_client_over_streamable_http() -> None:
    server = make_server(json_response=True)
    app = build_app(server)

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), headers=headers, timeout=timeout, auth=auth
        )

    async with server.session_manager.run():
        with anyio.fail_after(15):
            async with open_client(
                "http://testserver/mcp", token="s3cret", timeout=timedelta(seconds=5), http_client_factory=factory
            ) as client:
                session_id = client.session_id
                outcome = await client.query("SELECT COUNT(*) AS n FROM orders")
        health: dict[str, Any] = await fetch_health(
            "http://testserver", httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
        )

    assert session_id is not None and len(session_id) == 32
    assert outcome.rows == [[48]]
    assert health["status"] == "ok" and health["jsonResponse"] is True
