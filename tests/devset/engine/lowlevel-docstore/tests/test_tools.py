from __future__ import annotations

import base64
import json
from datetime import timedelta

import httpx

import mcp.types as types
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session

from docstore.client import ToolFailed
from tests.support import connect, make_server


async def test_tool_catalog_exposes_schemas() -> None:
    async with connect(make_server()) as client:
        catalog = {tool["name"]: tool for tool in await client.tool_catalog()}
        assert sorted(catalog) == ["delete_document", "prune_sessions", "put_document", "reindex", "search_documents"]
        search = catalog["search_documents"]
        assert search["inputSchema"]["required"] == ["query"]
        assert search["outputSchema"]["required"] == ["query", "total", "hits"]
        assert search["annotations"]["readOnlyHint"] is True
        assert catalog["reindex"]["execution"] == {"taskSupport": "forbidden"}

        listing = await client.session.list_tools()
        delete = next(t for t in listing.tools if t.name == "delete_document")
        assert delete.annotations is not None and delete.annotations.destructiveHint is True
        assert delete.outputSchema is None


async def test_search_returns_structured_content() -> None:
    async with create_connected_server_and_client_session(make_server()) as session:
        result = await session.call_tool("search_documents", {"query": "security", "limit": 3})
        assert result.isError is False and result.structuredContent is not None
        hits = result.structuredContent["hits"]
        assert len(hits) == 3 and hits[0]["uri"] == "docs://handbook/security.md"
        first = result.content[0]
        assert isinstance(first, types.TextContent) and json.loads(first.text) == result.structuredContent


async def test_put_document_roundtrip_and_links() -> None:
    async with connect(make_server()) as client:
        created = await client.put_text("notes", "retro.md", "# Retro\n\nShip smaller PRs.", title="Retro")
        assert created["created"] is True and created["revision"] == 1
        updated = await client.put_text("notes", "retro.md", "# Retro\n\nShip smaller PRs, faster.")
        assert updated["created"] is False and updated["revision"] == 2

        payload = base64.b64encode(b"\x00\x01\x02").decode()
        raw = await client.session.call_tool("put_document", {"collection": "assets", "doc_id": "blob.bin", "base64": payload})
        link = raw.content[1]
        assert isinstance(link, types.ResourceLink) and link.mimeType == "application/octet-stream"
        assert link.uri.scheme == "docs" and link.uri.host == "assets"
        assert (await client.read(link.uri))[0] == b"\x00\x01\x02"

        hits = (await client.call("search_documents", {"query": "smaller"}))["hits"]
        assert [h["uri"] for h in hits] == ["docs://notes/retro.md"]


async def test_failures_become_tool_errors() -> None:
    async with connect(make_server()) as client:
        bad = await client.session.call_tool("put_document", {"collection": "Bad Name", "doc_id": "x", "text": "y"})
        assert bad.isError is True
        assert isinstance(bad.content[0], types.TextContent)
        assert bad.content[0].text.startswith("Input validation error")

        too_big = await client.session.call_tool("put_document", {"collection": "notes", "doc_id": "a.txt", "text": "x" * 5000})
        assert too_big.isError is True
        assert isinstance(too_big.content[0], types.TextContent) and "limit 4096" in too_big.content[0].text

        for name, arguments, expected in (
            ("delete_document", {"collection": "notes", "doc_id": "nope"}, "no document 'nope'"),
            ("no_such_tool", {}, "Unknown tool: no_such_tool"),
        ):
            try:
                await client.call(name, arguments)
            except ToolFailed as exc:
                assert expected in str(exc)
            else:
                raise AssertionError(f"{name} should fail")

        deleted = await client.call("delete_document", {"collection": "notes", "doc_id": "weekly-01.txt"})
        assert deleted == {"text": ["Deleted docs://notes/weekly-01.txt"]}


async def test_reindex_reports_progress_and_logs() -> None:
    async with connect(make_server()) as client:
        await client.session.set_logging_level("debug")
        updates: list[tuple[float, float | None, str | None]] = []

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            updates.append((progress, total, message))

        result = await client.session.call_tool(
            "reindex",
            {"collection": "handbook"},
            read_timeout_seconds=timedelta(seconds=5),
            progress_callback=on_progress,
            meta={"requestedBy": "nightly-job"},
        )
        assert result.structuredContent is not None
        assert result.structuredContent["indexed"] == 3 and result.structuredContent["requestedBy"] == "nightly-job"
        assert [u[0] for u in updates] == [1, 2, 3] and updates[-1] == (3, 3, "indexed handbook/travel.md")

        logs = client.notifications.logs
        assert [entry.level for entry in logs] == ["notice", "debug", "debug", "debug", "info"]
        assert logs[-1].logger == "docstore.index" and logs[-1].data == {"event": "reindex", "documents": 3}

        await client.session.set_logging_level("warning")
        await client.call("reindex", {})
        assert logs[-1].data == "log level set to warning"


async def test_slow_tool_times_out() -> None:
    async with connect(make_server()) as client:
        try:
            await client.call("reindex", {"delay_ms": 200}, timeout=timedelta(milliseconds=50), retries=0)
        except McpError as exc:
            assert exc.error.code == httpx.codes.REQUEST_TIMEOUT and "Timed out" in exc.error.message
        else:
            raise AssertionError("expected a timeout")
