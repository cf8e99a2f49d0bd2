"""The same idea as todo_server, written against the low-level Server API.

Kept around because some clients in our fleet still depend on its exact
tool schemas.
"""

from __future__ import annotations

from typing import Any

import mcp.types as types
from mcp.server.lowlevel import Server


def create_server(initial: list[str] | None = None) -> Server:
    items: list[dict[str, Any]] = [{"title": t, "done": False} for t in initial or []]
    server = Server("todo-lowlevel", version="0.2.0", instructions="Use add/list/done.")

    @server.list_tools()
    async def _list_tools() -> list[types.Tool]:
        return [
            types.Tool(
                name="add",
                description="Add a todo",
                inputSchema={"type": "object", "properties": {"title": {"type": "string"}}, "required": ["title"]},
            ),
            types.Tool(
                name="list",
                description="List todos",
                inputSchema={"type": "object", "properties": {}},
                outputSchema={
                    "type": "object",
                    "properties": {"items": {"type": "array"}},
                    "required": ["items"],
                },
            ),
            types.Tool(
                name="done",
                description="Finish a todo by index",
                inputSchema={"type": "object", "properties": {"index": {"type": "integer"}}, "required": ["index"]},
            ),
        ]

    @server.call_tool()
    async def _call_tool(name: str, arguments: dict[str, Any]) -> types.CallToolResult | dict[str, Any] | list[types.ContentBlock]:
        if name == "add":
            items.append({"title": arguments["title"], "done": False})
            return [types.TextContent(type="text", text=f"added #{len(items) - 1}")]
        if name == "list":
            return {"items": items}
        if name == "done":
            index = int(arguments["index"])
            if not 0 <= index < len(items):
                return types.CallToolResult(
                    content=[types.TextContent(type="text", text=f"index {index} out of range")],
                    isError=True,
                )
            items[index]["done"] = True
            return [types.TextContent(type="text", text="ok")]
        raise ValueError(f"Unknown tool {name}")

    @server.progress_notification()
    async def _on_progress(token: str | int, progress: float, total: float | None, message: str | None) -> None:
        items.append({"title": f"progress {token}: {progress}/{total}", "done": True})

    return server
