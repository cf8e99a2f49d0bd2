"""Walking paginated list endpoints to completion."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from mcp import ClientSession, McpError
from mcp.types import METHOD_NOT_FOUND, Cursor, Prompt, Resource, ResourceTemplate, Tool

MAX_PAGES = 50


class PaginationLoop(RuntimeError):
    pass


def _advance(next_cursor: Cursor | None, seen: set[Cursor]) -> Cursor | None:
    if next_cursor is not None:
        if next_cursor in seen or len(seen) >= MAX_PAGES:
            raise PaginationLoop(f"server repeated cursor {next_cursor!r} or returned too many pages")
        seen.add(next_cursor)
    return next_cursor


async def iter_tools(session: ClientSession) -> AsyncIterator[Tool]:
    cursor: Cursor | None = None
    seen: set[Cursor] = set()
    while True:
        page = await session.list_tools(cursor=cursor)
        for tool in page.tools:
            yield tool
        if (cursor := _advance(page.nextCursor, seen)) is None:
            return


async def all_resources(session: ClientSession) -> list[Resource]:
    out: list[Resource] = []
    cursor: Cursor | None = None
    seen: set[Cursor] = set()
    while True:
        page = await session.list_resources(cursor=cursor)
        out.extend(page.resources)
        if (cursor := _advance(page.nextCursor, seen)) is None:
            return out


async def all_prompts(session: ClientSession) -> list[Prompt]:
    out: list[Prompt] = []
    cursor: Cursor | None = None
    seen: set[Cursor] = set()
    while True:
        page = await session.list_prompts(cursor=cursor)
        out.extend(page.prompts)
        if (cursor := _advance(page.nextCursor, seen)) is None:
            return out


@dataclass
class Catalog:
    tools: list[Tool] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    templates: list[ResourceTemplate] = field(default_factory=list)
    prompts: list[Prompt] = field(default_factory=list)

    def tool(self, name: str) -> Tool | None:
        return next((t for t in self.tools if t.name == name), None)

    def read_only_tools(self) -> list[str]:
        return [t.name for t in self.tools if t.annotations is not None and t.annotations.readOnlyHint]

    def tool_schema(self, name: str) -> dict[str, Any]:
        tool = self.tool(name)
        if tool is None:
            raise KeyError(name)
        return tool.inputSchema

    def template_patterns(self) -> list[str]:
        return [t.uriTemplate for t in self.templates]


async def load_catalog(session: ClientSession) -> Catalog:
    caps = session.get_server_capabilities()
    catalog = Catalog()
    if caps is None or caps.tools is not None:
        catalog.tools = [tool async for tool in iter_tools(session)]
    if caps is None or caps.resources is not None:
        catalog.resources = await all_resources(session)
        try:
            templates = await session.list_resource_templates()
            catalog.templates = list(templates.resourceTemplates)
        except McpError as exc:
            if exc.error.code != METHOD_NOT_FOUND:  # servers predating resource templates
                raise
    if caps is None or caps.prompts is not None:
        catalog.prompts = await all_prompts(session)
    return catalog
