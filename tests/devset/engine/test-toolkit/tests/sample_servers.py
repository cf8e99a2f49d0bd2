"""Small servers the toolkit's own tests run against."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

import anyio
from pydantic import AnyUrl, BaseModel

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.progress import ProgressContext
from mcp.types import INVALID_PARAMS, ErrorData

class Confirmation(BaseModel):
    confirm: bool
    reason: str = ""


def build_notebook(*, latency: float = 0.0) -> FastMCP:
    app = FastMCP("notebook", "Keeps short notes for the test-suite.")
    notes: dict[str, str] = {"welcome": "Hello from the notebook.", "todo": "write more tests"}

    @app.tool(annotations=types.ToolAnnotations(readOnlyHint=False, idempotentHint=True))
    async def add_note(name: str, body: str, ctx: Context[ServerSession, None]) -> dict[str, Any]:
        """Store a note under *name*."""
        await ctx.info(f"adding note {name}")
        await ctx.report_progress(1, 2, "validating")
        if not name.isidentifier():
            raise McpError(ErrorData(code=INVALID_PARAMS, message=f"bad note name: {name!r}"))
        notes[name] = body
        await ctx.report_progress(2, 2, "stored")
        await ctx.session.send_resource_updated(AnyUrl(f"notes://{name}"))
        return {"name": name, "size": len(body)}

    @app.tool(annotations=types.ToolAnnotations(readOnlyHint=True))
    def count_notes() -> int:
        ctx = app.get_context()
        if ctx.request_context.meta is not None and getattr(ctx.request_context.meta, "include_drafts", False):
            return len(notes) + 1
        return len(notes)

    @app.tool()
    async def slow_echo(text: str) -> str:
        await anyio.sleep(latency)
        return text

    @app.tool()
    def link_note(name: str) -> types.ResourceLink:
        return types.ResourceLink(type="resource_link", name=name, uri=AnyUrl(f"notes://{name}"), mimeType="text/plain")

    @app.tool()
    async def summarize(name: str, ctx: Context[ServerSession, None]) -> str:
        reply = await ctx.session.create_message(
            [types.SamplingMessage(role="user", content=types.TextContent(type="text", text=notes[name]))],
            max_tokens=64,
            system_prompt="Summarize the note in five words.",
        )
        return reply.content.text if isinstance(reply.content, types.TextContent) else ""

    @app.tool()
    async def delete_note(name: str, ctx: Context[ServerSession, None]) -> str:
        answer = await ctx.elicit(f"Delete note {name}?", schema=Confirmation)
        if answer.action == "accept" and answer.data.confirm:
            notes.pop(name, None)
            return f"deleted {name}"
        return f"kept {name}"

    @app.resource("notes://{name}", mime_type="text/plain")
    def read_note(name: str) -> str:
        return notes[name]

    @app.resource("config://notebook", mime_type="application/json")
    def notebook_config() -> str:
        return json.dumps({"max_notes": 50, "format": "markdown"})

    @app.prompt()
    def review(name: str) -> list[Message]:
        return [UserMessage(f"Please review this note:\n{notes[name]}"), AssistantMessage("Happy to help.")]

    return app


CATALOG: dict[str, dict[str, Any]] = {
    f"sku-{n:02d}": {"name": f"Widget {n}", "stock": n * 3} for n in range(1, 8)
}
PAGE_SIZE = 3

TOOL_SPECS: list[dict[str, Any]] = [
    {
        "name": "lookup",
        "description": "Look up a catalog item",
        "inputSchema": {"type": "object", "properties": {"sku": {"type": "string"}}, "required": ["sku"]},
        "outputSchema": {
            "type": "object",
            "properties": {"sku": {"type": "string"}, "name": {"type": "string"}, "stock": {"type": "integer"}},
            "required": ["sku", "stock"],
        },
        "annotations": {"readOnlyHint": True, "openWorldHint": False},
        "execution": {"taskSupport": types.TASK_FORBIDDEN},
    },
    {
        "name": "restock",
        "description": "Add stock to an item",
        "inputSchema": {
            "type": "object",
            "properties": {"sku": {"type": "string"}, "qty": {"type": "integer", "minimum": 1}},
            "required": ["sku", "qty"],
        },
        "annotations": {"destructiveHint": False},
    },
    {"name": "explode", "description": "Always fails", "inputSchema": {"type": "object"}},
]


@asynccontextmanager
async def catalog_lifespan(server: Server[dict[str, Any], Any]) -> AsyncIterator[dict[str, Any]]:
    yield {"items": {sku: dict(item) for sku, item in CATALOG.items()}, "restocks": 0}


def build_catalog() -> Server[dict[str, Any], Any]:
    server: Server[dict[str, Any], Any] = Server("catalog", "2.1.0", lifespan=catalog_lifespan)

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [types.Tool.model_validate(spec) for spec in TOOL_SPECS]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any] | list[types.ContentBlock]:
        ctx = server.request_context
        items: dict[str, dict[str, Any]] = ctx.lifespan_context["items"]
        if name == "explode":
            raise RuntimeError("kaboom")
        sku = arguments["sku"]
        if sku not in items:
            raise McpError(ErrorData(code=INVALID_PARAMS, message=f"unknown sku {sku}", data={"sku": sku}))
        if name == "lookup":
            return {"sku": sku, "name": items[sku]["name"], "stock": items[sku]["stock"]}
        qty = int(arguments["qty"])
        if ctx.meta is not None and ctx.meta.progressToken is not None:
            tracker = ProgressContext(ctx.session, ctx.meta.progressToken, total=qty)
            for _ in range(qty):
                await tracker.progress(1, message=f"restocking {sku}")
        items[sku]["stock"] += qty
        ctx.lifespan_context["restocks"] += 1
        await ctx.session.send_log_message(
            "info", {"restocked": sku, "qty": qty}, logger="catalog", related_request_id=ctx.request_id
        )
        await ctx.session.send_notification(types.ServerNotification(types.ResourceListChangedNotification()))
        return [types.TextContent(type="text", text=f"{sku} now has {items[sku]['stock']}")]

    @server.list_resources()
    async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
        cursor = request.params.cursor if request.params is not None else None
        start = int(cursor) if cursor else 0
        skus = sorted(CATALOG)
        page = skus[start : start + PAGE_SIZE]
        resources = [
            types.Resource(name=sku, uri=AnyUrl(f"catalog://{sku}"), mimeType="application/json") for sku in page
        ]
        more = start + PAGE_SIZE < len(skus)
        return types.ListResourcesResult(resources=resources, nextCursor=str(start + PAGE_SIZE) if more else None)

    @server.list_resource_templates()
    async def list_templates() -> list[types.ResourceTemplate]:
        return [types.ResourceTemplate(name="item", uriTemplate="catalog://{sku}", mimeType="application/json")]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        if uri.scheme != "catalog" or uri.host not in CATALOG:
            raise McpError(ErrorData(code=INVALID_PARAMS, message=f"no such item: {uri}", data={"uri": str(uri)}))
        item = server.request_context.lifespan_context["items"][uri.host]
        return [ReadResourceContents(content=json.dumps(item, sort_keys=True), mime_type="application/json")]

    @server.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        if isinstance(ref, types.ResourceTemplateReference) and argument.name == "sku":
            matches = [sku for sku in sorted(CATALOG) if sku.startswith(argument.value)]
            return types.Completion(values=matches[:5], total=len(matches), hasMore=len(matches) > 5)
        return None

    return server
