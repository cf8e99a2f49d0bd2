"""Walking paginated list endpoints by following ``nextCursor``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol, TypeVar

from mcp import ClientSession
from mcp.types import Cursor, Resource, ResourceTemplate, Tool

ItemT = TypeVar("ItemT")


class Page(Protocol):
    @property
    def nextCursor(self) -> Cursor | None: ...


PageT = TypeVar("PageT", bound=Page)


async def collect_pages(
    fetch: Callable[[Cursor | None], Awaitable[PageT]], items: Callable[[PageT], Sequence[ItemT]], max_pages: int = 100
) -> list[ItemT]:
    collected: list[ItemT] = []
    cursor: Cursor | None = None
    for _ in range(max_pages):
        page = await fetch(cursor)
        collected.extend(items(page))
        if (cursor := page.nextCursor) is None:
            return collected
    raise AssertionError(f"gave up after {max_pages} pages")


async def collect_tools(session: ClientSession) -> list[Tool]:
    return await collect_pages(lambda c: session.list_tools(cursor=c), lambda p: p.tools)


async def collect_resources(session: ClientSession) -> list[Resource]:
    return await collect_pages(lambda c: session.list_resources(cursor=c), lambda p: p.resources)


async def collect_templates(session: ClientSession) -> list[ResourceTemplate]:
    return await collect_pages(lambda c: session.list_resource_templates(cursor=c), lambda p: p.resourceTemplates)
