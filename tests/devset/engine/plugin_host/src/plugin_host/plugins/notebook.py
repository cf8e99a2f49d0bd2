"""A tiny in-memory notebook exposed as tools, a resource template and an index resource."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from mcp.server.fastmcp import Context

from plugin_host.registry import PluginRegistry


@dataclass
class Note:
    folder: str
    slug: str
    body: str
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


class NoteStore:
    def __init__(self) -> None:
        self._notes: dict[tuple[str, str], Note] = {}

    def put(self, note: Note) -> None:
        self._notes[(note.folder, note.slug)] = note

    def get(self, folder: str, slug: str) -> Note | None:
        return self._notes.get((folder, slug))

    def folders(self) -> list[str]:
        return sorted({folder for folder, _ in self._notes})

    def index(self) -> list[dict[str, str]]:
        return [
            {"uri": f"notes://{n.folder}/{n.slug}", "created": n.created.isoformat()}
            for n in self._notes.values()
        ]

    def clear(self) -> None:
        self._notes.clear()


STORE = NoteStore()


def register(registry: PluginRegistry) -> None:
    nb = registry.plugin("notebook", version="0.2.0")

    @nb.tool()
    async def add_note(folder: str, slug: str, body: str, ctx: Context) -> str:
        """Store a note and return its resource URI."""
        STORE.put(Note(folder, slug, body))
        uri = f"notes://{folder}/{slug}"
        await ctx.debug(f"stored {uri}")
        await ctx.session.send_resource_list_changed()
        return uri

    @nb.tool(read_only=True)
    async def export_folder(folder: str, ctx: Context) -> list[str]:
        """Return every note body of a folder, reporting progress per note."""
        notes = [n for (f, _), n in sorted(STORE._notes.items()) if f == folder]
        bodies = []
        for i, note in enumerate(notes, start=1):
            bodies.append(note.body)
            await ctx.report_progress(i, len(notes), message=note.slug)
        return bodies

    @nb.template("notes://{folder}/{slug}", mime_type="text/markdown")
    def read_note(folder: str, slug: str) -> str:
        """A single note, by folder and slug."""
        note = STORE.get(folder, slug)
        if note is None:
            raise ValueError(f"no note {folder}/{slug}")
        return f"# {slug}\n\n{note.body}\n"

    nb.lazy("notes://index", STORE.index, description="All notes with creation time")
