"""A tiny search-index server used by the provider tests (runs in memory)."""

from __future__ import annotations

import json

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.session import ServerSession

server = FastMCP("index-fixture", "Search index used by the flowhooks tests.")

STATE: dict[str, object] = {"ready": False, "documents": 0}


@server.tool()
async def reindex(collection: str, ctx: Context[ServerSession, None]) -> dict[str, object]:
    """Rebuild one collection and return counters."""
    await ctx.info(f"reindexing {collection}")
    await ctx.report_progress(1, 2)
    STATE["ready"] = True
    STATE["documents"] = 42
    await ctx.report_progress(2, 2)
    return {"collection": collection, "documents": 42, "client": ctx.client_id}


@server.tool()
def explode(reason: str) -> str:
    """Always fails; used to check isError handling."""
    raise RuntimeError(f"exploded: {reason}")


@server.resource("status://index", mime_type="application/json")
def index_status() -> str:
    return json.dumps(STATE)


@server.prompt()
def summarize(collection: str) -> str:
    return f"Summarize the documents in the {collection} collection."
