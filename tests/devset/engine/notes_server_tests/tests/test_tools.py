from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import anyio
from mcp.server.fastmcp.exceptions import ToolError
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_REQUEST, ContentBlock, TextContent

from notes_app import server as notes
from tests.helpers import Recorder, connected, text_of


def test_add_and_search_roundtrip() -> None:
    notes.reset()

    async def run() -> None:
        async with connected() as client:
            created = await client.call_tool("add_note", {"title": "Groceries", "body": "eggs, milk", "tags": ["home"]})
            assert not created.isError
            assert created.structuredContent == {"id": "n1", "title": "Groceries", "tags": ["home"]}

            found = await client.call_tool("search_notes", {"query": "milk"})
            assert found.structuredContent is not None
            assert found.structuredContent["result"][0]["id"] == "n1"

            listing = await client.list_tools()
            by_name = {t.name: t for t in listing.tools}
            assert by_name["add_note"].inputSchema["required"] == ["title", "body"]
            assert by_name["search_notes"].outputSchema is not None and listing.nextCursor is None

    anyio.run(run)


def test_tool_errors_become_error_results() -> None:
    notes.reset()

    async def run() -> None:
        async with connected() as client:
            empty = await client.call_tool("add_note", {"title": " ", "body": "x"})
            assert empty.isError
            assert "title must not be empty" in text_of(empty)

            missing = await client.call_tool("delete_note", {"note_id": "nope"})
            assert missing.isError, "McpError inside a tool is reported as an error result"
            assert "no such note" in text_of(missing)

    anyio.run(run)


def test_summarize_uses_sampling_progress_and_logging() -> None:
    notes.reset()
    notes.add_note("Groceries", "eggs")
    notes.add_note("Garden", "water tomatoes")
    rec = Recorder()

    async def run() -> None:
        async with connected(rec) as client:
            result = await client.call_tool("summarize_notes", {}, progress_callback=rec.on_progress)
            assert text_of(result) == "three notes about groceries"

    anyio.run(run)
    assert rec.progress == [(1, 2), (2, 2)]
    assert [log.level for log in rec.logs] == ["info", "info"]
    assert rec.logs[0].data == "summarising n1"
    assert rec.sampled[0].maxTokens == 200
    assert {"notifications/message", "notifications/progress"} <= set(rec.notifications)


def test_direct_server_calls() -> None:
    notes.reset()

    async def run() -> None:
        result = await notes.mcp.call_tool("add_note", {"title": "Direct", "body": "no transport"})
        # structured tools come back as (content, structured) when called directly
        assert isinstance(result, tuple)
        content, structured = cast(tuple[Sequence[ContentBlock], dict[str, Any]], result)
        assert structured["id"] == "n1"
        assert isinstance(content[0], TextContent)

        raw = await notes.mcp._tool_manager.call_tool("search_notes", {"query": "direct"})
        assert raw == [{"id": "n1", "title": "Direct", "tags": []}]

        tool = notes.mcp._tool_manager.get_tool("delete_note")
        assert tool is not None and tool.parameters["required"] == ["note_id"]

        assert all(t.inputSchema["type"] == "object" for t in await notes.mcp.list_tools())
        try:
            await notes.mcp._tool_manager.call_tool("delete_note", {"note_id": "zzz"})
        except ToolError as exc:
            cause = exc.__cause__
            assert isinstance(cause, McpError)
            assert cause.error.code == INVALID_REQUEST
            assert cause.error.message == "no such note: zzz"
        else:
            raise AssertionError("expected ToolError")

    anyio.run(run)
