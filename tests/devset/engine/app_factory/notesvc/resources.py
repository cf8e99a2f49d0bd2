import json

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ResourceError

from notesvc.context import AppContext, app_state


def register(mcp: FastMCP) -> None:
    @mcp.resource("notes://{note_id}", mime_type="text/markdown", title="Note")
    def note_markdown(note_id: int, ctx: Context) -> str:
        # Bare Context here: FastMCP re-validates template arguments, which drops a parametrised Context.
        state: AppContext = ctx.request_context.lifespan_context
        note = state.store.get(note_id)
        if note is None:
            raise ResourceError(f"no note {note_id}")
        tags = " ".join(f"#{t}" for t in note.tags)
        return f"# {note.title}\n\n{note.body}\n\n{tags}".rstrip()

    @mcp.resource("notes://index", mime_type="application/json")
    async def index() -> str:
        ctx = mcp.get_context()
        notes = app_state(ctx).store.all()
        return json.dumps([{"id": n.id, "title": n.title, "uri": f"notes://{n.id}"} for n in notes])
