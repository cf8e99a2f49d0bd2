"""Cursor-following iterators over the list_* endpoints."""

from __future__ import annotations

from collections.abc import AsyncIterator

from mcp import ClientSession
from mcp import types
from mcp.types import Cursor, PaginatedRequestParams

MAX_PAGES = 50


async def iter_tools(session: ClientSession) -> AsyncIterator[types.Tool]:
    cursor: Cursor | None = None
    for _ in range(MAX_PAGES):
        page = await session.list_tools(params=PaginatedRequestParams(cursor=cursor))
        for tool in page.tools:
            yield tool
        if page.nextCursor is None:
            return
        cursor = page.nextCursor


async def iter_resources(session: ClientSession) -> AsyncIterator[types.Resource]:
    cursor: str | None = None
    while True:
        page = await session.list_resources(cursor)
        for resource in page.resources:
            yield resource
        cursor = page.nextCursor
        if not cursor:
            break


async def iter_templates(session: ClientSession) -> AsyncIterator[types.ResourceTemplate]:
    params: PaginatedRequestParams | None = None
    while True:
        page = await session.list_resource_templates(params=params)
        for template in page.resourceTemplates:
            yield template
        if not page.nextCursor:
            break
        params = PaginatedRequestParams(cursor=page.nextCursor)


async def all_prompts(session: ClientSession) -> list[types.Prompt]:
    prompts: list[types.Prompt] = []
    result = await session.list_prompts()
    prompts.extend(result.prompts)
    while result.nextCursor:
        result = await session.list_prompts(cursor=result.nextCursor)
        prompts.extend(result.prompts)
    return prompts
