"""Listing and calling things on a connected server, and turning results into text."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import httpx
from mcp import ClientSession
from mcp import types as t
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT
from pydantic import AnyUrl


async def all_tools(session: ClientSession, page_limit: int = 50) -> list[t.Tool]:
    tools: list[t.Tool] = []
    cursor: t.Cursor | None = None
    for _ in range(page_limit):
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if not cursor:
            break
    return tools


async def all_resources(session: ClientSession) -> list[t.Resource]:
    resources: list[t.Resource] = []
    params = t.PaginatedRequestParams(cursor=None)
    while True:
        page = await session.list_resources(params=params)
        resources.extend(page.resources)
        if page.nextCursor is None:
            return resources
        params = t.PaginatedRequestParams(cursor=page.nextCursor)


def tool_rows(tools: list[t.Tool]) -> list[tuple[str, str, str]]:
    rows = []
    for tool in tools:
        required = ", ".join(tool.inputSchema.get("required", [])) or "-"
        kind = "structured" if tool.outputSchema else "text"
        rows.append((tool.name, required, kind))
    return rows


def render_block(block: t.ContentBlock) -> str:
    if isinstance(block, t.TextContent):
        return block.text
    if isinstance(block, t.ImageContent):
        return f"[image {block.mimeType}, {len(block.data) * 3 // 4} bytes]"
    if isinstance(block, t.AudioContent):
        return f"[audio {block.mimeType}]"
    if isinstance(block, t.ResourceLink):
        return f"[link {block.uri} ({block.mimeType or 'unknown type'})]"
    inner = block.resource
    if isinstance(inner, t.TextResourceContents):
        return f"--- {inner.uri} ---\n{inner.text}"
    return f"[blob {inner.uri} {inner.mimeType}]"


def render_result(result: t.CallToolResult) -> str:
    parts = [render_block(b) for b in result.content]
    if result.structuredContent is not None and not parts:
        parts.append(json.dumps(result.structuredContent, indent=2, sort_keys=True))
    text = "\n".join(parts)
    return f"ERROR: {text}" if result.isError else text


async def call_tool(
    session: ClientSession,
    name: str,
    arguments: dict[str, Any] | None = None,
    *,
    on_progress: ProgressFnT | None = None,
    timeout: timedelta = timedelta(seconds=60),
    retries: int = 1,
) -> t.CallToolResult:
    """Call a tool, retrying once if the server took too long to answer."""
    attempt = 0
    while True:
        try:
            return await session.call_tool(name, arguments or {}, read_timeout_seconds=timeout, progress_callback=on_progress)
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt < retries:
                attempt += 1
                timeout = timeout * 2
                continue
            raise


async def read_text(session: ClientSession, uri: str) -> tuple[str, str | None]:
    """Return (text, mime type) of the first text part of a resource."""
    result = await session.read_resource(AnyUrl(uri))
    for part in result.contents:
        if isinstance(part, t.TextResourceContents):
            return part.text, part.mimeType
    raise ValueError(f"{uri} has no text content")
