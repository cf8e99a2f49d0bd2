"""Tool handlers."""

from __future__ import annotations

import difflib
from typing import Any

import mcp.types as types
from mcp.server.lowlevel.server import request_ctx
from pydantic import AnyUrl

from .app import DocsState, server

SEARCH_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "query": {"type": "string", "description": "Words to look for"},
        "limit": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
    },
    "required": ["query"],
}

SEARCH_OUTPUT: dict[str, Any] = {
    "type": "object",
    "properties": {
        "hits": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"page": {"type": "string"}, "title": {"type": "string"}, "score": {"type": "number"}},
            },
        }
    },
    "required": ["hits"],
}


def _state() -> DocsState:
    return server.request_context.lifespan_context


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(
            name="search_docs",
            description="Rank documentation pages by how well they match a query.",
            inputSchema=SEARCH_SCHEMA,
            outputSchema=SEARCH_OUTPUT,
            annotations=types.ToolAnnotations(readOnlyHint=True),
        ),
        types.Tool(
            name="outline",
            description="Show the heading outline of one page.",
            inputSchema={"type": "object", "properties": {"page": {"type": "string"}}, "required": ["page"]},
        ),
        types.Tool(
            name="rescan",
            description="Re-read the documentation directory.",
            inputSchema={"type": "object", "properties": {}},
            annotations=types.ToolAnnotations(readOnlyHint=False, idempotentHint=True),
        ),
    ]


async def _search(state: DocsState, query: str, limit: int) -> dict[str, Any]:
    ctx = request_ctx.get()
    words = [w.lower() for w in query.split()]
    pages = list(state.pages.values())
    token = ctx.meta.progressToken if ctx.meta else None
    hits: list[dict[str, Any]] = []
    for i, page in enumerate(pages, start=1):
        text = page.path.read_text(encoding="utf-8", errors="replace").lower()
        score = float(sum(text.count(w) for w in words))
        score += 5 * sum(1 for h in page.headings if any(w in h.lower() for w in words))
        if score:
            hits.append({"page": page.rel, "title": page.title, "score": score})
        if token is not None and i % 25 == 0:
            await ctx.session.send_progress_notification(
                token, i, total=len(pages), message=f"scanned {i} pages", related_request_id=str(ctx.request_id)
            )
    hits.sort(key=lambda h: h["score"], reverse=True)
    return {"hits": hits[:limit]}


@server.call_tool()
async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.ContentBlock] | dict[str, Any]:
    ctx = server.request_context
    state = ctx.lifespan_context
    await ctx.session.send_log_message(
        level="debug", data={"tool": name, "arguments": arguments}, logger="fsdocs.tools", related_request_id=ctx.request_id
    )

    if name == "search_docs":
        return await _search(state, str(arguments["query"]), int(arguments.get("limit", 10)))

    if name == "outline":
        page = state.pages.get(arguments["page"])
        if page is None:
            close = difflib.get_close_matches(arguments["page"], list(state.pages), n=3)
            raise ValueError(f"no page {arguments['page']!r}; did you mean {', '.join(close) or 'nothing close'}?")
        outline = "\n".join(f"- {h}" for h in page.headings) or "(no headings)"
        return [types.TextContent(type="text", text=f"{page.title}\n{outline}")]

    if name == "rescan":
        before = set(state.pages)
        count = state.scan()
        if set(state.pages) != before:
            await ctx.session.send_resource_list_changed()
        for rel in state.subscriptions:
            await ctx.session.send_resource_updated(_page_uri(state, rel))
        return [types.TextContent(type="text", text=f"indexed {count} pages")]

    raise ValueError(f"unknown tool {name}")


def _page_uri(state: DocsState, rel: str) -> AnyUrl:
    return AnyUrl((state.root / rel).as_uri())
