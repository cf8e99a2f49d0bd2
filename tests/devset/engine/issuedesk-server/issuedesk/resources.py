"""Resources and resource templates."""

from __future__ import annotations

import json

from mcp.server.fastmcp import Context

from issuedesk.server import mcp


@mcp.resource("issues://{issue_id}", mime_type="application/json", title="Issue by id")
def issue_by_id(issue_id: str, ctx: Context) -> str:
    """A single issue as JSON."""
    store = ctx.request_context.lifespan_context.store
    return json.dumps(store.get(issue_id).to_dict())


@mcp.resource("projects://{project}/open", mime_type="text/plain")
async def open_issues(project: str, ctx: Context) -> str:
    """Plain-text list of open issues in a project."""
    store = ctx.request_context.lifespan_context.store
    page = store.search(project=project, state="open", page_size=100)
    await ctx.debug(f"rendering {page.totalCount} open issues for {project}")
    return "\n".join(f"{i.id}\t{i.priority}\t{i.title}" for i in page.items)


@mcp.resource("issuedesk://server-info", mime_type="application/json")
def server_info() -> dict[str, object]:
    """Static description of this deployment."""
    return {
        "name": mcp.name,
        "host": mcp.settings.host,
        "port": mcp.settings.port,
        "path": mcp.settings.streamable_http_path,
        "stateless": mcp.settings.stateless_http,
    }
