"""In-process MCP servers and helpers used by the test-suite."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from pydantic import AnyUrl, BaseModel

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage

from shellpilot.transports import ReadStream, WriteStream
from shellpilot.wire import WireRecorder

PNG_PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
TONES = ["neutral", "friendly", "terse", "formal"]


class PurgeConfirmation(BaseModel):
    confirm: bool
    reason: str = ""


def build_notes_server() -> FastMCP:
    mcp = FastMCP("notes", "Keeps short notes grouped by topic.")
    notes: dict[str, list[str]] = {
        "mcp": ["sessions are initialized first", "tools have input schemas"],
        "groceries": ["oat milk", "coffee"],
    }

    @mcp.tool(annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False))
    def search_notes(query: str) -> dict[str, list[str]]:
        """Find notes containing the query text."""
        return {topic: [n for n in items if query in n] for topic, items in notes.items() if any(query in n for n in items)}

    @mcp.tool()
    async def add_note(topic: str, text: str, ctx: Context[ServerSession, None]) -> str:
        """Append a note to a topic, creating the topic if needed."""
        created = topic not in notes
        notes.setdefault(topic, []).append(text)
        await ctx.info(f"added note to {topic}")
        await ctx.session.send_resource_updated(AnyUrl(f"notes://{topic}"))
        if created:
            await ctx.session.send_resource_list_changed()
        return f"{topic} now has {len(notes[topic])} notes"

    @mcp.tool()
    def count_notes(topic: str) -> int:
        return len(notes.get(topic, []))

    @mcp.tool(structured_output=False)
    def export_topic(topic: str) -> types.EmbeddedResource:
        """Export a topic as an embedded markdown document."""
        body = "\n".join(f"- {n}" for n in notes.get(topic, []))
        return types.EmbeddedResource(
            type="resource",
            resource=types.TextResourceContents(uri=AnyUrl(f"notes://{topic}"), mimeType="text/markdown", text=body),
        )

    @mcp.tool(structured_output=False)
    def list_topics() -> list[types.ResourceLink]:
        return [
            types.ResourceLink(type="resource_link", name=topic, uri=AnyUrl(f"notes://{topic}"), mimeType="text/plain")
            for topic in sorted(notes)
        ]

    @mcp.tool()
    def render_badge(label: str) -> Image:
        """Render a (tiny) badge image for a label."""
        return Image(data=PNG_PIXEL, format="png")

    @mcp.tool()
    def strict_divide(a: float, b: float) -> float:
        if b == 0:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message="division by zero"))
        return a / b

    @mcp.tool()
    def archive(topic: str) -> str:
        if topic not in notes:
            raise ToolError(f"no topic named {topic}")
        return "archived"

    @mcp.tool()
    async def sleepy(seconds: float) -> str:
        await anyio.sleep(seconds)
        return "awake"

    @mcp.tool()
    async def reindex(steps: int, ctx: Context[ServerSession, None]) -> str:
        for step in range(1, steps + 1):
            await ctx.report_progress(step, steps, message=f"step {step}")
            await ctx.debug(f"reindex step {step}")
        return f"reindexed in {steps} steps"

    @mcp.tool()
    async def summarize(topic: str, ctx: Context[ServerSession, None]) -> str:
        result = await ctx.session.create_message(
            messages=[
                types.SamplingMessage(
                    role="user", content=types.TextContent(type="text", text=" ".join(notes.get(topic, [])))
                )
            ],
            max_tokens=40,
            system_prompt="notes",
        )
        text = result.content.text if isinstance(result.content, types.TextContent) else ""
        return f"{result.model}/{result.stopReason}: {text}"

    @mcp.tool()
    async def workspace_roots(ctx: Context[ServerSession, None]) -> list[str]:
        listed = await ctx.session.list_roots()
        return [str(root.uri) for root in listed.roots]

    @mcp.tool()
    async def purge(topic: str, ctx: Context[ServerSession, None]) -> str:
        answer = await ctx.elicit(message=f"Really purge {topic}?", schema=PurgeConfirmation)
        if answer.action == "accept" and answer.data.confirm:
            notes.pop(topic, None)
            return f"purged {topic} ({answer.data.reason})"
        return f"kept {topic} ({answer.action})"

    @mcp.resource("notes://{topic}", mime_type="text/plain")
    def topic_notes(topic: str) -> str:
        return "\n".join(notes.get(topic, []))

    @mcp.resource("config://settings", mime_type="application/json")
    def settings() -> dict[str, Any]:
        return {"topics": sorted(notes), "max_notes": 100}

    @mcp.prompt()
    def review(topic: str, tone: str = "neutral") -> str:
        """Ask the model to review a topic's notes."""
        return f"Review the notes about {topic} in a {tone} tone."

    @mcp.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        if isinstance(ref, types.PromptReference) and argument.name == "tone":
            values, limit = [t for t in TONES if t.startswith(argument.value)], 10
        elif isinstance(ref, types.ResourceTemplateReference) and argument.name == "topic":
            values, limit = sorted(t for t in notes if t.startswith(argument.value)), 1
        else:
            return None
        return types.Completion(values=values[:limit], total=len(values), hasMore=len(values) > limit)

    return mcp


CatalogServer = Server[Any, Any]
ID_SCHEMA = {"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]}
LOOKUP_OUTPUT = {"type": "object", "properties": {"id": {"type": "integer"}, "kind": {"type": "string"}}}


def catalog_tool(name: str, description: str | None = None, lookup: bool = True) -> types.Tool:
    return types.Tool(
        name=name,
        description=description,
        inputSchema=ID_SCHEMA if lookup else {"type": "object"},
        outputSchema=LOOKUP_OUTPUT if lookup else None,
    )


def build_catalog_server(page_size: int = 2) -> CatalogServer:
    server: CatalogServer = Server("catalog", "2.1.0", instructions="Media catalog lookups.")
    tools = [catalog_tool(f"lookup_{kind}", f"Look up a {kind} by id") for kind in ("book", "album", "film", "game")]
    tools += [catalog_tool("explode", "Always fails", False), catalog_tool("enable_podcasts", lookup=False)]
    levels: list[types.LoggingLevel] = []

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        start = int(request.params.cursor) if request.params and request.params.cursor else 0
        end = start + page_size
        next_cursor = str(end) if end < len(tools) else None
        return types.ListToolsResult(tools=tools[start:end], nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        ctx = server.request_context
        level = levels[-1] if levels else "info"
        await ctx.session.send_log_message(level=level, data=f"catalog call {name}", logger="catalog")
        if ctx.meta is not None and ctx.meta.progressToken is not None:
            await ctx.session.send_progress_notification(ctx.meta.progressToken, 1.0, 1.0, "done")
        if name == "explode":
            raise RuntimeError("catalog exploded")
        if name == "enable_podcasts":
            tools.append(catalog_tool("lookup_podcast"))
            await ctx.session.send_tool_list_changed()
            return {"enabled": True}
        return {"id": arguments["id"], "kind": name.removeprefix("lookup_")}

    @server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        levels.append(level)

    @server.list_resources()
    async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
        items = [
            types.Resource(uri=AnyUrl(f"catalog://shelf/{n}"), name=f"shelf-{n}", mimeType="text/plain")
            for n in range(3)
        ]
        if request.params is None or request.params.cursor is None:
            return types.ListResourcesResult(resources=items[:2], nextCursor="2")
        return types.ListResourcesResult(resources=items[int(request.params.cursor) :])

    @server.list_resource_templates()
    async def list_templates() -> list[types.ResourceTemplate]:
        return [types.ResourceTemplate(name="cover", uriTemplate="catalog://cover/{id}", mimeType="image/png")]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> list[ReadResourceContents]:
        if uri.host == "cover":
            return [ReadResourceContents(content=PNG_PIXEL, mime_type="image/png")]
        if uri.host == "shelf":
            return [ReadResourceContents(content=f"shelf {uri.path}", mime_type="text/plain")]
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"no such resource {uri}"))

    return server


def catalog_init_options(server: CatalogServer) -> InitializationOptions:
    return server.create_initialization_options(
        notification_options=NotificationOptions(tools_changed=True, resources_changed=True),
        experimental_capabilities={},
    )


@asynccontextmanager
async def running(
    server: FastMCP | CatalogServer,
    *,
    recorder: WireRecorder | None = None,
) -> AsyncIterator[tuple[ReadStream, WriteStream]]:
    """Run ``server`` in-process and yield the client side of the connection."""
    lowlevel = server._mcp_server if isinstance(server, FastMCP) else server
    options = catalog_init_options(lowlevel) if lowlevel.name == "catalog" else lowlevel.create_initialization_options()
    async with create_client_server_memory_streams() as ((client_read, client_write), (server_read, server_write)):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: lowlevel.run(server_read, server_write, options))
            if recorder is None:
                yield client_read, client_write
            else:
                out_send, out_recv = anyio.create_memory_object_stream[SessionMessage](0)
                in_send, in_recv = anyio.create_memory_object_stream[SessionMessage | Exception](0)
                tg.start_soon(recorder.pump, "out", out_recv, client_write)
                tg.start_soon(recorder.pump, "in", client_read, in_send)
                yield in_recv, out_send
            tg.cancel_scope.cancel()
