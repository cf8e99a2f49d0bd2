"""A tiny documentation server used as a crawl target in tests.

Run directly (``python -m tests.docs_server``) it serves over stdio.
"""

from __future__ import annotations

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.stdio import stdio_server

PAGE_SIZE = 2
LOGO = b"\x89PNG\r\n\x1a\n-fake-logo-"

DOCS: dict[str, tuple[str, str, str | bytes]] = {
    "docs://guide/intro": (
        "Introduction",
        "text/markdown",
        "# Introduction\nWidgetly renders widgets. It is fast and small. Read on for details.",
    ),
    "docs://guide/install": (
        "Installation",
        "text/markdown",
        "# Install\nRun pip install widgetly. Python 3.11 or newer is required.",
    ),
    "docs://reference/config": (
        "Configuration",
        "text/plain",
        "WIDGETLY_HOME sets the data directory. WIDGETLY_DEBUG enables debug logs.",
    ),
    "docs://assets/logo.png": ("Logo", "image/png", LOGO),
    "mailto://support@widgetly.example": ("Support", "text/plain", "write to us"),
}

server = Server("widgetly-docs", "2.1.0")


@server.list_resources()
async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
    start = int(request.params.cursor) if request.params and request.params.cursor else 0
    uris = list(DOCS)[start : start + PAGE_SIZE]
    more = start + PAGE_SIZE < len(DOCS)
    return types.ListResourcesResult(
        resources=[types.Resource(uri=AnyUrl(uri), name=DOCS[uri][0], mimeType=DOCS[uri][1]) for uri in uris],
        nextCursor=str(start + PAGE_SIZE) if more else None,
    )


@server.list_resource_templates()
async def list_templates() -> list[types.ResourceTemplate]:
    return [types.ResourceTemplate(uriTemplate="docs://api/{symbol}", name="api-symbol", mimeType="text/markdown")]


@server.read_resource()
async def read_resource(uri: AnyUrl) -> list[ReadResourceContents]:
    try:
        _, mime, body = DOCS[str(uri)]
    except KeyError:
        raise ValueError(f"no such page: {uri}") from None
    return [ReadResourceContents(content=body, mime_type=mime)]


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(
            name="summarize",
            description="One-sentence summary of a documentation page (uses client sampling)",
            inputSchema={"type": "object", "properties": {"uri": {"type": "string"}}, "required": ["uri"]},
        )
    ]


@server.call_tool()
async def call_tool(name: str, arguments: dict[str, object]) -> list[types.TextContent]:
    if name != "summarize":
        raise ValueError(f"unknown tool {name}")
    uri = str(arguments["uri"])
    _, _, body = DOCS[uri]
    if isinstance(body, bytes):
        raise ValueError("cannot summarize binary pages")
    ctx = server.request_context
    roots = await ctx.session.list_roots()
    reply = await ctx.session.create_message(
        messages=[types.SamplingMessage(role="user", content=types.TextContent(type="text", text=body))],
        max_tokens=12,
        system_prompt="Summarize documentation pages in one sentence.",
        related_request_id=ctx.request_id,
    )
    assert isinstance(reply.content, types.TextContent)
    suffix = f" [roots: {len(roots.roots)}]" if roots.roots else ""
    return [types.TextContent(type="text", text=reply.content.text + suffix)]


async def main() -> None:
    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options(NotificationOptions(resources_changed=True)))


if __name__ == "__main__":
    anyio.run(main)
