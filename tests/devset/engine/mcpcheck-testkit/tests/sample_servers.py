"""Servers the mcpcheck tests point their helpers at."""

from __future__ import annotations

import base64
import json
from typing import Any

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl, BaseModel

PNG_1x1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PENCIL_ICON = types.Icon(src="data:image/svg+xml;base64,PHN2Zy8+", mimeType="image/svg+xml", sizes=["any"])

NOTES: dict[int, dict[str, str]] = {
    1: {"title": "Groceries", "body": "eggs milk flour"},
    2: {"title": "Standup", "body": "shipped the importer; blocked on review"},
    3: {"title": "Ideas", "body": "snapshot tests for listings"},
}


class NoteSummary(BaseModel):
    id: int
    title: str
    words: int


def build_notebook() -> FastMCP:
    notebook = FastMCP("notebook", instructions="A small notes server used by the mcpcheck test-suite.")
    notes = {k: dict(v) for k, v in NOTES.items()}

    @notebook.tool(
        annotations=types.ToolAnnotations(title="List notes", readOnlyHint=True, openWorldHint=False),
        icons=[PENCIL_ICON],
    )
    def list_notes() -> list[NoteSummary]:
        """List every note with its word count."""
        return [NoteSummary(id=i, title=n["title"], words=len(n["body"].split())) for i, n in sorted(notes.items())]

    @notebook.tool(annotations=types.ToolAnnotations(destructiveHint=True, idempotentHint=True))
    def delete_note(note_id: int) -> str:
        """Delete a note by id."""
        if note_id not in notes:
            raise ValueError(f"note {note_id} does not exist")
        del notes[note_id]
        return f"deleted {note_id}"

    @notebook.tool()
    async def summarize(note_id: int, ctx: Context[ServerSession, None]) -> NoteSummary:
        """Summarise one note, reporting progress while doing so."""
        await ctx.info(f"summarizing note {note_id}")
        await ctx.report_progress(1, 2, message="loading")
        note = notes.get(note_id)
        if note is None:
            await ctx.error(f"note {note_id} missing")
            raise ValueError(f"note {note_id} does not exist")
        await ctx.report_progress(2, 2, message="done")
        return NoteSummary(id=note_id, title=note["title"], words=len(note["body"].split()))

    @notebook.tool(annotations=types.ToolAnnotations(readOnlyHint=True))
    def render_badge(label: str) -> Image:
        """Render a (tiny) badge image for a label."""
        return Image(data=PNG_1x1, format="png")

    @notebook.tool()
    def link_note(note_id: int) -> types.ResourceLink:
        """Return a link to a note resource instead of its body."""
        return types.ResourceLink(
            type="resource_link",
            name=f"note-{note_id}",
            uri=AnyUrl(f"notes://{note_id}"),
            mimeType="text/markdown",
        )

    @notebook.resource("notes://index", mime_type="application/json")
    def index() -> str:
        return json.dumps({str(i): n["title"] for i, n in sorted(notes.items())})

    @notebook.resource("notes://{note_id}", mime_type="text/markdown")
    def note(note_id: str) -> str:
        entry = notes[int(note_id)]
        return f"# {entry['title']}\n\n{entry['body']}\n"

    @notebook.resource("notes://assets/logo.png", mime_type="image/png")
    def logo() -> bytes:
        return PNG_1x1

    @notebook.prompt()
    def review(note_id: str) -> list[Message]:
        entry = notes[int(note_id)]
        return [
            UserMessage(f"Review this note and suggest edits:\n{entry['body']}"),
            AssistantMessage("Sure - here are my suggestions:"),
        ]

    @notebook.prompt(title="Daily digest")
    def daily_digest() -> str:
        return "Summarise today's notes: " + ", ".join(n["title"] for n in notes.values())

    return notebook


def build_paged_server(page_size: int = 2) -> Server[dict[str, Any], Any]:
    """A lowlevel server with paginated tools and protocol errors."""
    server: Server[dict[str, Any], Any] = Server("paged", "1.2.0", instructions="Paginates everything.")
    catalog = [
        types.Tool(
            name=f"op_{i}",
            description=f"Operation number {i}",
            inputSchema={"type": "object", "properties": {"value": {"type": "integer"}}, "required": ["value"]},
        )
        for i in range(5)
    ]
    # op_3 predates input schemas and still advertises an empty one.
    catalog[3] = types.Tool(name="op_3", description="Legacy operation", inputSchema={})

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        cursor = request.params.cursor if request is not None and request.params else None
        start = int(cursor) if cursor else 0
        end = start + page_size
        return types.ListToolsResult(tools=catalog[start:end], nextCursor=str(end) if end < len(catalog) else None)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        if name == "op_4":
            raise McpError(types.ErrorData(code=types.INVALID_REQUEST, message="op_4 is disabled"))
        return {"op": name, "doubled": arguments["value"] * 2}

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [types.Resource(name="readme", uri=AnyUrl("paged://readme"), mimeType="text/plain")]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> str:
        if str(uri) == "paged://readme":
            return "Everything here comes in pages."
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"no resource at {uri}"))

    return server


def paged_init_options(server: Server[dict[str, Any], Any]):
    return server.create_initialization_options(
        notification_options=NotificationOptions(tools_changed=True),
        experimental_capabilities={"mcpcheck/paging": {"pageSize": 2}},
    )
