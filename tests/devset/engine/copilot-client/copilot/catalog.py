"""Walk paginated listings and export the IDE's tool catalog."""

from __future__ import annotations

import json

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.types import Cursor, PaginatedRequestParams

from copilot.results import ResourceRef, ToolSpec

MAX_PAGES = 50


async def all_tools(session: ClientSession) -> list[types.Tool]:
    tools: list[types.Tool] = []
    cursor: Cursor | None = None
    for _ in range(MAX_PAGES):
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if cursor is None:
            break
    return tools


async def all_resources(session: ClientSession, server: str) -> list[ResourceRef]:
    refs: list[ResourceRef] = []
    cursor: Cursor | None = None
    for _ in range(MAX_PAGES):
        page = await session.list_resources(params=PaginatedRequestParams(cursor=cursor))
        refs.extend(ResourceRef(server, r) for r in page.resources)
        if not page.nextCursor:
            break
        cursor = page.nextCursor
    return refs


async def all_prompts(session: ClientSession) -> list[types.Prompt]:
    prompts: list[types.Prompt] = []
    cursor: Cursor | None = None
    while True:
        page = await session.list_prompts(cursor) if cursor else await session.list_prompts()
        prompts.extend(page.prompts)
        cursor = page.nextCursor
        if not cursor:
            return prompts


def export_catalog(specs: list[ToolSpec]) -> str:
    """JSON cached in .copilot/tools.json, read back by the completion engine."""
    return json.dumps(sorted((s.to_json() for s in specs), key=lambda e: e["qualifiedName"]), indent=2)


def input_schemas(catalog_json: str) -> dict[str, dict[str, object]]:
    return {entry["qualifiedName"]: entry["inputSchema"] for entry in json.loads(catalog_json)}
