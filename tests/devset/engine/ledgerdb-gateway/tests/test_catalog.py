"""Tool listing, schemas and the read-only tools."""

from __future__ import annotations

import json

import mcp.types as types

from ledgerdb.audit import catalog_snapshot, schema_fingerprint
from ledgerdb.testing import connected, temp_settings
from ledgerdb.tools import TOOLS


async def test_list_tools_is_paginated() -> None:
    async with connected(temp_settings(page_size=4)) as (_, session):
        first = await session.list_tools()
        assert [t.name for t in first.tools] == ["query", "post_entry", "account_balance", "trial_balance"]
        assert first.nextCursor is not None
        second = await session.list_tools(cursor=first.nextCursor)
        assert [t.name for t in second.tools] == ["void_entry", "open_account"]
        assert second.nextCursor is None

        query = first.tools[0]
        assert query.inputSchema["required"] == ["sql"]
        assert query.outputSchema is not None and "rowCount" in query.outputSchema["properties"]
        assert query.annotations is not None and query.annotations.readOnlyHint is True
        assert query.execution is not None and query.execution.taskSupport == types.TASK_FORBIDDEN
        void = second.tools[0]
        assert void.annotations is not None and void.annotations.destructiveHint is True


async def test_bad_cursor_is_rejected() -> None:
    async with connected() as (_, session):
        try:
            await session.list_tools(cursor="not-a-cursor")
        except Exception as exc:  # McpError from the server
            assert "malformed cursor" in str(exc)
        else:
            raise AssertionError("expected the server to reject the cursor")


async def test_query_returns_structured_rows() -> None:
    async with connected() as (_, session):
        result = await session.call_tool(
            "query", {"sql": "SELECT id, kind FROM accounts WHERE kind = ? ORDER BY id", "params": ["asset"]}
        )
        payload = result.structuredContent
        assert payload is not None and not result.isError
        assert payload["columns"] == ["id", "kind"]
        assert payload["rowCount"] == 3
        assert payload["rows"][0] == ["bank", "asset"]
        first = result.content[0]
        assert isinstance(first, types.TextContent)
        assert json.loads(first.text)["truncated"] is False


async def test_query_refuses_writes_and_bad_input() -> None:
    cases = [
        ("query", {"sql": "DELETE FROM accounts"}, "only SELECT statements are allowed"),
        ("query", {"sql": "WITH x AS (SELECT 1) DELETE FROM entries"}, "readonly database"),
        ("query", {"params": []}, "Input validation error: 'sql' is a required property"),
        ("drop_database", {}, "Unknown tool: drop_database"),
    ]
    async with connected() as (_, session):
        for name, arguments, expected in cases:
            result = await session.call_tool(name, arguments)
            text = result.content[0]
            assert result.isError and isinstance(text, types.TextContent)
            assert expected in text.text, text.text


def test_catalog_snapshot_uses_wire_names() -> None:
    snapshot = catalog_snapshot(TOOLS)
    by_name = {entry["name"]: entry for entry in snapshot}
    assert set(by_name["post_entry"]) >= {"name", "title", "inputSchema", "outputSchema", "annotations"}
    assert by_name["query"]["annotations"] == {"readOnlyHint": True, "openWorldHint": False}
    assert by_name["query"]["execution"] == {"taskSupport": "forbidden"}
    assert by_name["void_entry"]["fingerprint"] == schema_fingerprint(TOOLS[4])
    assert "outputSchema" not in by_name["void_entry"]
