"""The FastMCP server definition for notes-mcp."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ResourceError, ToolError
from mcp.server.fastmcp.prompts import base
from mcp.server.session import ServerSession

from .storage import NoteStore


@dataclass
class AppContext:
    store: NoteStore


@asynccontextmanager
async def app_lifespan(server: FastMCP) -> AsyncIterator[AppContext]:
    """Open the database once and share it with every request."""
    store = NoteStore(os.environ.get("NOTES_DB", "notes.db"))
    store.connect()
    try:
        yield AppContext(store=store)
    finally:
        store.close()


mcp = FastMCP(
    "notes",
    instructions="Personal notes. Search before adding duplicates.",
    lifespan=app_lifespan,
    dependencies=["pydantic"],
)

NotesContext = Context[ServerSession, AppContext]


def _store(ctx: NotesContext) -> NoteStore:
    return ctx.request_context.lifespan_context.store


@mcp.tool()
async def add_note(title: str, body: str, ctx: NotesContext, tags: list[str] | None = None) -> dict[str, object]:
    """Create a new note and return its id."""
    if not title.strip():
        raise ToolError("title must not be empty")
    note = _store(ctx).add(title.strip(), body, tags)
    await ctx.info(f"Created note {note.id} ({note.title!r})")
    return note.as_dict()


@mcp.tool()
async def search_notes(query: str, ctx: NotesContext, limit: int = 20) -> list[dict[str, object]]:
    """Full-text search over titles and bodies."""
    hits = _store(ctx).search(query)
    await ctx.debug(f"search {query!r}: {len(hits)} hit(s)")
    return [dict(n.as_dict(), preview=n.preview()) for n in hits[:limit]]


@mcp.tool()
async def delete_note(note_id: int, ctx: NotesContext) -> str:
    """Delete a note by id."""
    if not _store(ctx).delete(note_id):
        await ctx.warning(f"delete of unknown note {note_id}")
        raise ToolError(f"No note with id {note_id}")
    return f"Deleted note {note_id}"


@mcp.tool()
async def reindex(ctx: NotesContext) -> str:
    """Walk all notes and report progress while doing so."""
    notes = _store(ctx).all()
    total = len(notes)
    for i, note in enumerate(notes, start=1):
        await ctx.report_progress(i, total, message=f"indexed {note.title}")
    await ctx.log("info", f"reindexed {total} notes", logger_name="notes.index")
    return f"Reindexed {total} notes (request {ctx.request_id})"


@mcp.tool()
async def digest(ctx: Context) -> str:
    """Summarise the note index resource."""
    contents = await ctx.read_resource("notes://index")
    lines: list[str] = []
    for item in contents:
        if isinstance(item.content, str):
            lines.extend(item.content.splitlines())
    return f"{len(lines)} notes; newest: {lines[0] if lines else 'n/a'}"


@mcp.resource("notes://index", mime_type="text/plain")
def note_index() -> str:
    """One line per note: id, title."""
    ctx = mcp.get_context()
    store: NoteStore = ctx.request_context.lifespan_context.store
    return "\n".join(f"{n.id}\t{n.title}" for n in store.all())


@mcp.resource("notes://{note_id}")
async def read_note(note_id: str, ctx: Context) -> str:
    """Read a single note as markdown."""
    store: NoteStore = ctx.request_context.lifespan_context.store
    note = store.get(int(note_id))
    if note is None:
        raise ResourceError(f"Note {note_id} not found")
    tags = ", ".join(note.tags) or "-"
    return f"# {note.title}\n\n_tags: {tags}_\n\n{note.body}"


@mcp.prompt(title="Review a note")
def review_note(note_id: str, tone: str = "friendly") -> list[base.Message]:
    return [
        base.UserMessage(f"Read notes://{note_id} and suggest improvements in a {tone} tone."),
        base.AssistantMessage("Sure — I'll read the note first and then list concrete edits."),
    ]


@mcp.prompt()
def weekly_review() -> str:
    return "Go through notes://index and group this week's notes by tag."
