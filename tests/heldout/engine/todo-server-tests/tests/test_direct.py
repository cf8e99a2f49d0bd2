"""Call the FastMCP object directly, without any transport."""

from __future__ import annotations

from mcp.server.fastmcp.tools import Tool
from mcp.types import TextContent

import todo_server
from todo_server import mcp

from .helpers import run


def setup_function() -> None:
    todo_server.reset()


def test_call_tool_directly() -> None:
    async def body() -> None:
        await mcp.call_tool("add_todo", {"title": "direct"})
        content = await mcp.call_tool("complete_todo", {"todo_id": 1})
        assert not isinstance(content, dict)
        first = list(content)[0]
        assert isinstance(first, TextContent)
        assert first.text == "Completed: direct"

    run(body)


def test_list_tools_directly() -> None:
    async def body() -> None:
        tools = await mcp.list_tools()
        names = sorted(t.name for t in tools)
        assert names == ["add_todo", "clear_done", "complete_todo", "list_todos"]
        add = next(t for t in tools if t.name == "add_todo")
        assert add.inputSchema["required"] == ["title"]

    run(body)


def test_read_resource_and_prompt_directly() -> None:
    async def body() -> None:
        todo_server.add_todo("prompted")
        contents = list(await mcp.read_resource("todo://item/1"))
        assert contents[0].content == "[ ] prompted (normal)"
        assert contents[0].mime_type == "text/plain"

        prompt = await mcp.get_prompt("plan_day", {"hours": "4"})
        message = prompt.messages[0]
        assert isinstance(message.content, TextContent)
        assert "4-hour day" in message.content.text

    run(body)


def test_tool_run_without_session() -> None:
    async def body() -> None:
        tool = Tool.from_function(todo_server.add_todo)
        created = await tool.run({"title": "raw"})
        assert isinstance(created, todo_server.Todo)
        assert created.title == "raw"

    run(body)
