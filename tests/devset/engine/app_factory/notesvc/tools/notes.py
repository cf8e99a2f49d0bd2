from __future__ import annotations

from pydantic import BaseModel

from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.types import TextContent

from notesvc.context import NoteContext, app_state
from notesvc.store import Note


class NoteSummary(BaseModel):
    id: int
    title: str
    tags: list[str]


class SearchResult(BaseModel):
    query: str
    total: int
    notes: list[NoteSummary]


def register(mcp: FastMCP) -> None:
    @mcp.tool(title="Add note")
    async def add_note(title: str, body: str, ctx: NoteContext, tags: list[str] | None = None) -> Note:
        """Record a new note."""
        state = app_state(ctx)
        if len(body) > state.config.max_note_chars:
            raise ToolError(f"note body exceeds {state.config.max_note_chars} characters")
        note = state.store.add(title, body, tags or [])
        state.audit.append(f"{ctx.client_id or 'anonymous'} added {note.id}")
        await ctx.info(f"stored note {note.id}")
        await ctx.session.send_resource_list_changed()
        return note

    @mcp.tool()
    def search_notes(query: str, ctx: NoteContext, limit: int = 10) -> SearchResult:
        """Full-text search over titles, bodies and tags."""
        found = app_state(ctx).store.search(query, limit)
        return SearchResult(
            query=query,
            total=len(found),
            notes=[NoteSummary(id=n.id, title=n.title, tags=n.tags) for n in found],
        )

    @mcp.tool()
    async def quote_note(note_id: int, ctx: NoteContext) -> list[TextContent]:
        """Return a note rendered as markdown, read through the notes:// resource."""
        contents = list(await ctx.read_resource(f"notes://{note_id}"))
        if not contents:
            raise ToolError(f"note {note_id} is empty")
        text = contents[0].content
        if isinstance(text, bytes):
            text = text.decode()
        await ctx.log("debug", message=f"quoted {note_id} ({contents[0].mime_type})")
        return [TextContent(type="text", text="> " + text.replace("\n", "\n> "))]
