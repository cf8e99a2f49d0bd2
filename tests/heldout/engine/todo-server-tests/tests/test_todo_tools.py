from __future__ import annotations

from mcp.types import TextResourceContents
from pydantic import AnyUrl

import todo_server
from todo_server import mcp

from .helpers import connected, run, text_of


def setup_function() -> None:
    todo_server.reset()


def test_add_returns_structured_todo() -> None:
    async def body() -> None:
        async with connected(mcp) as session:
            result = await session.call_tool("add_todo", {"title": "write tests", "priority": "high"})
            assert not result.isError
            assert result.structuredContent == {
                "id": 1,
                "title": "write tests",
                "priority": "high",
                "due": None,
                "done": False,
            }

    run(body)


def test_tool_schema_exposes_priority_enum() -> None:
    async def body() -> None:
        async with connected(mcp) as session:
            tools = {t.name: t for t in (await session.list_tools()).tools}
            props = tools["add_todo"].inputSchema["properties"]
            assert props["priority"]["enum"] == ["low", "normal", "high"]
            assert tools["list_todos"].outputSchema is not None
            assert "open_count" in tools["list_todos"].outputSchema["properties"]

    run(body)


def test_complete_unknown_id_is_tool_error() -> None:
    async def body() -> None:
        async with connected(mcp) as session:
            result = await session.call_tool("complete_todo", {"todo_id": 42})
            assert result.isError
            assert "no todo with id 42" in text_of(result)

    run(body)


def test_resources_and_templates() -> None:
    async def body() -> None:
        async with connected(mcp) as session:
            await session.call_tool("add_todo", {"title": "buy milk"})
            listing = await session.list_resources()
            assert [str(r.uri) for r in listing.resources] == ["todo://open"]
            assert listing.resources[0].mimeType == "application/json"

            templates = await session.list_resource_templates()
            assert templates.resourceTemplates[0].uriTemplate == "todo://item/{todo_id}"

            read = await session.read_resource(AnyUrl("todo://item/1"))
            content = read.contents[0]
            assert isinstance(content, TextResourceContents)
            assert content.text == "[ ] buy milk (normal)"
            assert content.uri == AnyUrl("todo://item/1")

    run(body)


def test_clear_done_progress() -> None:
    updates: list[tuple[float, float | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total))

    async def body() -> None:
        async with connected(mcp) as session:
            for title in ("a", "b"):
                await session.call_tool("add_todo", {"title": title})
                await session.call_tool("complete_todo", {"todo_id": len(updates) + 1})
            result = await session.call_tool("clear_done", {}, progress_callback=on_progress)
            assert result.structuredContent == {"result": 2}

    run(body)
    assert updates[-1] == (2, 2)
