"""A small note-taking MCP server. The tests in ../tests drive it in memory."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing_extensions import TypedDict

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.fastmcp.resources import FileResource
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_REQUEST, ErrorData, SamplingMessage, TextContent
from pydantic import AnyUrl

mcp = FastMCP("notes", instructions="Personal notes. Use search_notes before add_note to avoid duplicates.")

_NOTES: dict[str, dict[str, str]] = {}
_ids = itertools.count(1)
README = Path(__file__).with_name("NOTES_README.md")


class NoteOut(TypedDict):
    id: str
    title: str
    tags: list[str]


def reset() -> None:
    global _ids
    _NOTES.clear()
    _ids = itertools.count(1)


@mcp.tool()
def add_note(title: str, body: str, tags: list[str] | None = None) -> NoteOut:
    """Create a note and return its id."""
    if not title.strip():
        raise ToolError("title must not be empty")
    note_id = f"n{next(_ids)}"
    _NOTES[note_id] = {"title": title, "body": body, "tags": ",".join(tags or [])}
    return {"id": note_id, "title": title, "tags": tags or []}


@mcp.tool()
def search_notes(query: str) -> list[NoteOut]:
    q = query.lower()
    return [
        {"id": k, "title": v["title"], "tags": [t for t in v["tags"].split(",") if t]}
        for k, v in _NOTES.items()
        if q in v["title"].lower() or q in v["body"].lower()
    ]


@mcp.tool()
def delete_note(note_id: str) -> str:
    if note_id not in _NOTES:
        raise McpError(ErrorData(code=INVALID_REQUEST, message=f"no such note: {note_id}"))
    del _NOTES[note_id]
    return f"deleted {note_id}"


@mcp.tool()
async def summarize_notes(ctx: Context) -> str:
    """Summarise every note through the client's model, reporting progress per note."""
    total = len(_NOTES)
    chunks: list[str] = []
    for i, (note_id, note) in enumerate(sorted(_NOTES.items()), start=1):
        await ctx.info(f"summarising {note_id}")
        await ctx.report_progress(i, total)
        chunks.append(f"- {note['title']}: {note['body'][:80]}")
    reply = await ctx.session.create_message(
        messages=[SamplingMessage(role="user", content=TextContent(type="text", text="\n".join(chunks)))],
        max_tokens=200,
    )
    return reply.content.text if isinstance(reply.content, TextContent) else ""


@mcp.resource("notes://index", mime_type="application/json")
def notes_index() -> list[NoteOut]:
    return search_notes("")


@mcp.resource("notes://{note_id}")
def read_note(note_id: str) -> str:
    note = _NOTES.get(note_id)
    if note is None:
        raise ValueError(f"unknown note {note_id}")
    return f"# {note['title']}\n\n{note['body']}"


mcp.add_resource(
    FileResource(
        uri=AnyUrl(README.as_uri()),
        path=README,
        name="readme",
        mime_type="text/markdown",
        is_binary=False,
    )
)


@mcp.prompt(title="Weekly review")
def weekly_review(week: str) -> list[Message]:
    return [
        UserMessage(f"Review my notes for week {week}. Read notes://index first."),
        AssistantMessage("Sure. I'll group them by tag and flag anything stale."),
    ]
