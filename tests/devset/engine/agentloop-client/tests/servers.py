"""In-memory MCP servers the agentloop tests talk to."""

from __future__ import annotations

import base64
from typing import Any

import anyio
import mcp.types as types
from mcp.server.elicitation import AcceptedElicitation
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import Message, UserMessage
from mcp.server.lowlevel import Server
from mcp.server.session import ServerSession
from mcp.shared.exceptions import UrlElicitationRequiredError
from pydantic import AnyUrl, BaseModel, Field

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)

Ctx = Context[ServerSession, None]


class Forecast(BaseModel):
    city: str
    celsius: float
    summary: str


class DeleteConfirmation(BaseModel):
    confirm: bool = Field(description="Really delete the file?")
    reason: str = Field(default="", description="Why delete it")


def build_workbench() -> FastMCP:
    wb = FastMCP("workbench", instructions="Tools for testing agent loops.")
    deleted: list[str] = []

    @wb.tool(annotations=types.ToolAnnotations(readOnlyHint=True))
    def add(a: float, b: float) -> float:
        """Add two numbers."""
        return a + b

    @wb.tool(title="Weather forecast", annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=True))
    def forecast(city: str) -> Forecast:
        """Tomorrow's forecast for a city."""
        return Forecast(city=city, celsius=21.5 if city == "Lisbon" else 9.0, summary="sunny" if city == "Lisbon" else "rain")

    @wb.tool()
    async def count_slowly(n: int, ctx: Ctx) -> str:
        """Count to n, reporting progress."""
        for i in range(1, n + 1):
            await ctx.report_progress(i, n, message=f"step {i}")
            await anyio.sleep(0.01)
        return f"counted to {n}"

    @wb.tool()
    async def sleepy(seconds: float) -> str:
        """Sleep, then answer."""
        await anyio.sleep(seconds)
        return "awake"

    @wb.tool()
    async def brainstorm(topic: str, ctx: Ctx) -> str:
        """Ask the client's model for ideas."""
        result = await ctx.session.create_message(
            messages=[
                types.SamplingMessage(
                    role="user", content=types.TextContent(type="text", text=f"Three ideas about {topic}")
                )
            ],
            max_tokens=50,
            system_prompt="Be brief.",
            stop_sequences=["\n\n"],
        )
        assert isinstance(result.content, types.TextContent)
        return f"{result.model}: {result.content.text}"

    @wb.tool(annotations=types.ToolAnnotations(destructiveHint=True))
    async def delete_file(path: str, ctx: Ctx) -> str:
        """Delete a file after confirming with the user."""
        answer = await ctx.elicit(f"Delete {path}?", schema=DeleteConfirmation)
        if isinstance(answer, AcceptedElicitation) and answer.data.confirm:
            deleted.append(path)
            return f"deleted {path} ({answer.data.reason or 'no reason'})"
        return f"kept {path} ({answer.action})"

    @wb.tool()
    def fetch_readme() -> list[types.ContentBlock]:
        """Readme with an embedded copy, a link and a screenshot."""
        return [
            types.TextContent(type="text", text="Here is the readme."),
            types.EmbeddedResource(
                type="resource",
                resource=types.TextResourceContents(
                    uri=AnyUrl("docs://readme"), mimeType="text/markdown", text="# Workbench"
                ),
            ),
            types.ResourceLink(type="resource_link", name="guide", title="User guide", uri=AnyUrl("docs://guide")),
            types.ImageContent(type="image", data=base64.b64encode(PNG).decode(), mimeType="image/png"),
        ]

    @wb.tool()
    async def connect_calendar() -> str:
        """Needs an out-of-band OAuth grant first."""
        raise UrlElicitationRequiredError(
            [
                types.ElicitRequestURLParams(
                    mode="url",
                    message="Authorize calendar access",
                    url="https://auth.example.com/calendar",
                    elicitationId="cal-1",
                )
            ]
        )

    @wb.tool()
    async def workspace_roots(ctx: Ctx) -> list[str]:
        """Names of the client's workspace roots."""
        roots = await ctx.session.list_roots()
        return [f"{r.name}={r.uri.path}" for r in roots.roots]

    @wb.resource("docs://guide", mime_type="text/markdown")
    def guide() -> str:
        return "# Guide\nUse `add` for sums."

    @wb.resource("docs://logo.png", mime_type="image/png")
    def logo() -> bytes:
        return PNG

    @wb.resource("docs://notes.txt", mime_type="text/plain")
    def notes() -> bytes:
        return "remember the milk".encode()

    @wb.prompt(description="Agent persona")
    def persona(style: str = "concise") -> list[Message]:
        return [UserMessage(f"You are a {style} assistant. Prefer tools over guessing.")]

    return wb


def build_catalog_server(page_size: int = 2) -> Server[dict[str, Any], Any]:
    server: Server[dict[str, Any], Any] = Server("catalog")
    names = ["alpha", "beta", "gamma", "enable_delta"]

    def tool(name: str) -> types.Tool:
        return types.Tool(name=name, description=f"The {name} tool", inputSchema={"type": "object", "properties": {}})

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        cursor = request.params.cursor if request is not None and request.params else None
        start = int(cursor or 0)
        page = names[start : start + page_size]
        more = start + page_size < len(names)
        return types.ListToolsResult(tools=[tool(n) for n in page], nextCursor=str(start + page_size) if more else None)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.TextContent]:
        if name == "enable_delta":
            if "delta" not in names:
                names.append("delta")
                await server.request_context.session.send_tool_list_changed()
            return [types.TextContent(type="text", text="delta enabled")]
        return [types.TextContent(type="text", text=f"{name} ran")]

    return server
