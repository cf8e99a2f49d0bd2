"""A to-do list MCP server (FastMCP flavour)."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Literal

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from pydantic import BaseModel, Field

Priority = Literal["low", "normal", "high"]


class Todo(BaseModel):
    id: int
    title: str
    priority: Priority = "normal"
    due: date | None = None
    done: bool = False


class TodoList(BaseModel):
    items: list[Todo]
    open_count: int = Field(description="Number of unfinished items")


_ids = itertools.count(1)
TODOS: dict[int, Todo] = {}

mcp = FastMCP("todo")


def reset() -> None:
    """Used by the tests to get a clean slate."""
    global _ids
    TODOS.clear()
    _ids = itertools.count(1)


@mcp.tool()
def add_todo(title: str, priority: Priority = "normal", due: date | None = None) -> Todo:
    """Add an item to the list."""
    todo = Todo(id=next(_ids), title=title, priority=priority, due=due)
    TODOS[todo.id] = todo
    return todo


@mcp.tool()
async def complete_todo(todo_id: int, ctx: Context) -> str:
    """Mark an item as done."""
    todo = TODOS.get(todo_id)
    if todo is None:
        raise ToolError(f"no todo with id {todo_id}")
    todo.done = True
    await ctx.info(f"completed #{todo_id}")
    return f"Completed: {todo.title}"


@mcp.tool()
def list_todos(include_done: bool = False) -> TodoList:
    """List items, most urgent first."""
    order = {"high": 0, "normal": 1, "low": 2}
    items = [t for t in TODOS.values() if include_done or not t.done]
    items.sort(key=lambda t: (order[t.priority], t.due or date.max))
    return TodoList(items=items, open_count=sum(not t.done for t in TODOS.values()))


@mcp.tool()
async def clear_done(ctx: Context) -> int:
    """Delete finished items, reporting progress as we go."""
    done = [t for t in TODOS.values() if t.done]
    for i, todo in enumerate(done, start=1):
        del TODOS[todo.id]
        await ctx.report_progress(i, len(done))
    return len(done)


@mcp.resource("todo://open", mime_type="application/json")
def open_items() -> str:
    return TodoList(items=[t for t in TODOS.values() if not t.done], open_count=0).model_dump_json()


@mcp.resource("todo://item/{todo_id}")
def item(todo_id: str) -> str:
    todo = TODOS[int(todo_id)]
    return f"[{'x' if todo.done else ' '}] {todo.title} ({todo.priority})"


@mcp.prompt()
def plan_day(hours: str = "8") -> str:
    return f"Look at todo://open and plan a {hours}-hour day, most urgent first."


if __name__ == "__main__":
    mcp.run()
