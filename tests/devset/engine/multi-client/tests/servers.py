"""Fixture servers the switchboard tests connect to."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Awaitable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any, TypeVar

import anyio
from pydantic import AnyUrl, BaseModel

import mcp.types as types
from mcp.server.elicitation import AcceptedElicitation
from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.memory import create_client_server_memory_streams
from switchboard.hub import Hub
from switchboard.transports import ReadStream, WriteStream

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
E = TypeVar("E", bound=BaseException)


async def raises(exc_type: type[E], awaitable: Awaitable[Any]) -> E:
    try:
        await awaitable
    except exc_type as exc:
        return exc
    raise AssertionError(f"expected {exc_type.__name__}")


class DeleteConfirmation(BaseModel):
    confirm: bool
    reason: str = "cleanup"


def build_notes_server(**settings: Any) -> FastMCP:
    mcp = FastMCP("notes", "Keeps short notes for the team.", **settings)
    notes: dict[str, str] = {"n1": "buy milk", "n2": "call the plumber about the leak"}
    calls = {"export": 0}

    @mcp.tool(annotations=types.ToolAnnotations(readOnlyHint=True))
    def list_notes() -> dict[str, list[str]]:
        return {"ids": sorted(notes)}

    @mcp.tool(annotations=types.ToolAnnotations(destructiveHint=False, idempotentHint=True))
    def add_note(note_id: str, text: str) -> dict[str, Any]:
        notes[note_id] = text
        return {"id": note_id, "count": len(notes)}

    @mcp.tool()
    async def reindex(ctx: Context[ServerSession, None], batches: int = 3) -> str:
        for i in range(batches):
            await ctx.report_progress(i + 1, batches, f"batch {i + 1}")
        await ctx.info(f"reindexed {len(notes)} notes")
        return "reindexed"

    @mcp.tool()
    async def summarize(note_id: str, ctx: Context[ServerSession, None]) -> str:
        result = await ctx.session.create_message(
            messages=[
                types.SamplingMessage(role="user", content=types.TextContent(type="text", text=notes[note_id]))
            ],
            max_tokens=3,
            system_prompt="terse",
            model_preferences=types.ModelPreferences(hints=[types.ModelHint(name="tiny")]),
        )
        text = result.content.text if isinstance(result.content, types.TextContent) else "?"
        return f"{result.model}: {text} ({result.stopReason})"

    @mcp.tool()
    async def delete_note(note_id: str, ctx: Context[ServerSession, None]) -> str:
        answer = await ctx.elicit(f"Delete note {note_id}?", schema=DeleteConfirmation)
        if isinstance(answer, AcceptedElicitation) and answer.data.confirm:
            notes.pop(note_id, None)
            return f"deleted ({answer.data.reason})"
        return f"kept ({answer.action})"

    @mcp.tool()
    async def workspace(ctx: Context[ServerSession, None]) -> list[str]:
        listed = await ctx.session.list_roots()
        return [str(root.uri) for root in listed.roots]

    @mcp.tool()
    async def export() -> str:
        calls["export"] += 1
        if calls["export"] == 1:
            await anyio.sleep(2)
        return f"exported on attempt {calls['export']}"

    @mcp.tool()
    def chart() -> Image:
        return Image(data=PNG, format="png")

    @mcp.resource("notes://index", mime_type="application/json")
    def index() -> str:
        return json.dumps(sorted(notes))

    @mcp.resource("notes://note/{note_id}")
    def note(note_id: str) -> str:
        return notes[note_id]

    @mcp.prompt()
    def review(note_id: str) -> list[Message]:
        return [UserMessage(f"Review this note: {notes[note_id]}"), AssistantMessage("Will do.")]

    @mcp.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        if argument.name != "note_id":
            return None
        values = [n for n in sorted(notes) if n.startswith(argument.value)]
        return types.Completion(values=values, total=len(values), hasMore=False)

    return mcp


def _catalog_tools() -> list[types.Tool]:
    sku = {"type": "object", "properties": {"sku": {"type": "string"}}, "required": ["sku"]}
    specs: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = [(f"lookup_{i}", sku, None) for i in range(4)]
    specs += [
        ("stock", sku, {"type": "object", "properties": {"sku": {"type": "string"}, "on_hand": {"type": "integer"}}}),
        ("render", {"type": "object"}, None),
        ("explode", {"type": "object"}, None),
        ("restock", sku, None),
    ]
    return [
        types.Tool(name=name, description=f"catalog {name}", inputSchema=schema, outputSchema=output)
        for name, schema, output in specs
    ]


def build_catalog_server(page_size: int = 3) -> Server[Any, Any]:
    server: Server[Any, Any] = Server("catalog", "2.1.0", instructions="Warehouse catalog")
    tools = _catalog_tools()
    resources = [
        types.Resource(uri=AnyUrl(f"catalog://items/sku-{i}"), name=f"sku-{i}", mimeType="application/json")
        for i in range(1, 4)
    ]
    server_state: dict[str, Any] = {"subscribed": set(), "levels": []}

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        start = int(request.params.cursor) if request.params and request.params.cursor else 0
        end = start + page_size
        return types.ListToolsResult(tools=tools[start:end], nextCursor=str(end) if end < len(tools) else None)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.ContentBlock] | dict[str, Any]:
        if name == "stock":
            return {"sku": arguments["sku"], "on_hand": 7}
        if name == "explode":
            raise RuntimeError("warehouse offline")
        if name == "render":
            return [
                types.TextContent(type="text", text="rendered"),
                types.ImageContent(type="image", data=base64.b64encode(PNG).decode(), mimeType="image/png"),
                types.EmbeddedResource(
                    type="resource",
                    resource=types.TextResourceContents(
                        uri=AnyUrl("catalog://items/sku-1"), text="sku-1 spec", mimeType="text/plain"
                    ),
                ),
                types.ResourceLink(type="resource_link", uri=AnyUrl("catalog://items/sku-2"), name="sku-2"),
            ]
        if name == "restock":
            ctx = server.request_context
            uri = AnyUrl(f"catalog://items/{arguments['sku']}")
            if str(uri) in server_state["subscribed"]:
                await ctx.session.send_resource_updated(uri)
            await ctx.session.send_notification(types.ServerNotification(types.ToolListChangedNotification()))
            return [types.TextContent(type="text", text=f"restocked {arguments['sku']}")]
        return [types.TextContent(type="text", text=f"{name}:{arguments['sku']}")]

    @server.list_resources()
    async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
        start = int(request.params.cursor) if request.params and request.params.cursor else 0
        end = start + 2
        return types.ListResourcesResult(resources=resources[start:end], nextCursor=str(end) if end < 3 else None)

    @server.list_resource_templates()
    async def list_templates() -> list[types.ResourceTemplate]:
        return [types.ResourceTemplate(uriTemplate="catalog://items/{sku}", name="item", mimeType="application/json")]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> list[ReadResourceContents]:
        if (uri.path or "").endswith("/thumb"):
            return [ReadResourceContents(content=PNG, mime_type="image/png")]
        return [ReadResourceContents(content=json.dumps({"sku": (uri.path or "").strip("/")}), mime_type="application/json")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        server_state["subscribed"].add(str(uri))

    @server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        server_state["levels"].append(level)

    return server


@asynccontextmanager
async def running(server: Server[Any, Any] | FastMCP, *, subscribe: bool = False) -> AsyncIterator[tuple[ReadStream, WriteStream]]:
    """Serve `server` over in-memory streams and yield the client's end."""
    lowlevel = server._mcp_server if isinstance(server, FastMCP) else server
    options = lowlevel.create_initialization_options(
        notification_options=NotificationOptions(tools_changed=True, resources_changed=True),
        experimental_capabilities={"switchboard/test": {}},
    )
    if subscribe and options.capabilities.resources is not None:
        options.capabilities.resources.subscribe = True
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: lowlevel.run(server_streams[0], server_streams[1], options))
            yield client_streams
            tg.cancel_scope.cancel()


@asynccontextmanager
async def hub_for(hub: Hub, *, subscribe: bool = False, **servers: Server[Any, Any] | FastMCP) -> AsyncIterator[Hub]:
    """Enter `hub` with every fixture server attached under its keyword name."""
    async with AsyncExitStack() as stack:
        streams = {name: await stack.enter_async_context(running(s, subscribe=subscribe)) for name, s in servers.items()}
        await stack.enter_async_context(hub)
        for name, (read, write) in streams.items():
            await hub.attach(name, read, write)
        yield hub
