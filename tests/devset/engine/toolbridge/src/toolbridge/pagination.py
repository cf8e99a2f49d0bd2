"""Helpers that walk paginated MCP list endpoints to completion."""

from __future__ import annotations

from mcp import ClientSession
from mcp.types import Cursor, Prompt, Resource, Tool

DEFAULT_MAX_PAGES = 50


class PaginationError(RuntimeError):
    """Raised when a server keeps returning cursors past ``max_pages``."""


async def collect_tools(session: ClientSession, max_pages: int = DEFAULT_MAX_PAGES) -> list[Tool]:
    tools: list[Tool] = []
    cursor: Cursor | None = None
    for _ in range(max_pages):
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if cursor is None:
            return tools
    raise PaginationError(f"tools/list did not finish after {max_pages} pages")


async def collect_resources(session: ClientSession, max_pages: int = DEFAULT_MAX_PAGES) -> list[Resource]:
    resources: list[Resource] = []
    cursor: Cursor | None = None
    for _ in range(max_pages):
        page = await session.list_resources(cursor=cursor)
        resources.extend(page.resources)
        if not page.nextCursor:
            return resources
        cursor = page.nextCursor
    raise PaginationError(f"resources/list did not finish after {max_pages} pages")


async def collect_prompts(session, max_pages=DEFAULT_MAX_PAGES):
    prompts = []
    cursor = None
    pages = 0
    while True:
        result = await session.list_prompts(cursor)
        prompts.extend(result.prompts)
        pages += 1
        cursor = result.nextCursor
        if cursor is None or pages >= max_pages:
            break
    return prompts
