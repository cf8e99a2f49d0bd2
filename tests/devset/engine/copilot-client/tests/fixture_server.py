"""Small FastMCP server standing in for a workspace tool server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anyio
import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.session import ServerSession
from pydantic import AnyUrl, BaseModel

PAGE_SIZE = 2


class LineCount(BaseModel):
    lines: int
    words: int


class DeployConfirmation(BaseModel):
    confirm: bool
    reason: str = ""


def _reader(fname: str) -> Callable[[], str]:
    def read() -> str:
        return f"contents of {fname}"

    return read


def build_workspace_server(name: str = "workspace-tools") -> FastMCP:
    server = FastMCP(name, instructions="Workspace helper tools used by the copilot tests")

    @server.tool(annotations=types.ToolAnnotations(readOnlyHint=True))
    def count_lines(text: str) -> LineCount:
        """Count lines and words."""
        return LineCount(lines=len(text.splitlines()), words=len(text.split()))

    @server.tool()
    async def list_workspace_roots(ctx: Context[ServerSession, Any]) -> dict[str, list[str]]:
        roots = await ctx.session.list_roots()
        return {"roots": [str(r.uri) for r in roots.roots]}

    @server.tool()
    async def draft_commit_message(diff: str, ctx: Context[ServerSession, Any]) -> str:
        result = await ctx.session.create_message(
            messages=[types.SamplingMessage(role="user", content=types.TextContent(type="text", text=diff))],
            max_tokens=12,
            system_prompt="Write a one-line commit message.",
        )
        assert isinstance(result.content, types.TextContent)
        return f"{result.content.text} [{result.model}, {result.stopReason}]"

    @server.tool()
    async def deploy(env: str, ctx: Context[ServerSession, Any]) -> str:
        answer = await ctx.elicit(f"Deploy to {env}?", schema=DeployConfirmation)
        if answer.action == "accept" and answer.data.confirm:
            return f"deployed to {env}"
        return f"deploy to {env} skipped"

    @server.tool()
    async def lint(path: str, ctx: Context[ServerSession, Any]) -> str:
        await ctx.info(f"linting {path}")
        await ctx.report_progress(1, 2, "parsing")
        await ctx.warning("line 3: unused import")
        await ctx.report_progress(2, 2, "done")
        await ctx.session.send_tool_list_changed()
        await ctx.session.send_resource_updated(AnyUrl(f"file:///ws/{path}"))
        return "1 warning"

    @server.tool()
    async def slow(seconds: float) -> str:
        await anyio.sleep(seconds)
        return "finally"

    @server.tool()
    def explode() -> str:
        raise ValueError("kaboom")

    for i, fname in enumerate(["README.md", "setup.py", "copilot/hub.py", "docs/index.md", "CHANGELOG.md"]):
        server.resource(f"file:///ws/{fname}", name=fname, mime_type="text/markdown" if i % 2 == 0 else None)(
            _reader(fname)
        )

    @server.prompt()
    def review(path: str) -> str:
        return f"Review {path}"

    @server._mcp_server.list_resources()
    async def paged_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
        everything = await server.list_resources()
        start = int(request.params.cursor) if request.params and request.params.cursor else 0
        end = start + PAGE_SIZE
        return types.ListResourcesResult(
            resources=everything[start:end],
            nextCursor=str(end) if end < len(everything) else None,
        )

    return server
