"""In-process upstream servers the relay tests talk to."""

from __future__ import annotations

import base64
from collections.abc import Iterable

import anyio
import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError, UrlElicitationRequiredError
from pydantic import AnyUrl, BaseModel, Field

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24


class NewName(BaseModel):
    name: str = Field(description="New project name")
    notify_team: bool = False


def build_workspace_server(*, stateless: bool = False, json_response: bool = False) -> FastMCP:
    mcp = FastMCP("workspace", "Workspace helpers.", stateless_http=stateless, json_response=json_response)

    @mcp.tool(annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False))
    async def summarize(text: str, ctx: Context[ServerSession, None]) -> str:
        message = types.SamplingMessage(role="user", content=types.TextContent(type="text", text=text))
        hints = types.ModelPreferences(hints=[types.ModelHint(name="tiny-summarizer")])
        result = await ctx.session.create_message(
            messages=[message], max_tokens=120, system_prompt="terse", stop_sequences=["STOP"], model_preferences=hints
        )
        assert isinstance(result.content, types.TextContent)
        return f"{result.model}|{result.stopReason}|{result.content.text}"

    @mcp.tool()
    async def rename_project(current: str, ctx: Context[ServerSession, None]) -> str:
        answer = await ctx.elicit(f"Rename {current!r} to?", schema=NewName)
        if answer.action == "accept":
            return f"{current} -> {answer.data.name} (notify={answer.data.notify_team})"
        return f"kept {current} ({answer.action})"

    @mcp.tool()
    async def workspace_roots(ctx: Context[ServerSession, None]) -> list[str]:
        listed = await ctx.session.list_roots()
        return [str(root.uri) for root in listed.roots]

    @mcp.tool()
    async def index_files(count: int, ctx: Context[ServerSession, None]) -> dict[str, int]:
        await ctx.info(f"indexing {count} files")
        for i in range(1, count + 1):
            await ctx.report_progress(i, count, message=f"file {i}")
        await ctx.warning("index done")
        return {"indexed": count, "skipped": 0}

    @mcp.tool()
    def gallery() -> list[types.ContentBlock]:
        png = base64.b64encode(PNG_BYTES).decode()
        return [
            types.TextContent(type="text", text="two attachments"),
            types.ImageContent(type="image", data=png, mimeType="image/png"),
            types.EmbeddedResource(
                type="resource",
                resource=types.BlobResourceContents(uri=AnyUrl("blob://logo.png"), blob=png, mimeType="image/png"),
            ),
            types.ResourceLink(type="resource_link", uri=AnyUrl("notes://inbox"), name="inbox"),
        ]

    @mcp.tool()
    def tenant(ctx: Context[ServerSession, None]) -> str:
        request = ctx.request_context.request
        if request is None:
            return "in-memory"
        return f"{request.headers.get('x-relay-tenant')}/{request.headers.get('x-trace')}"

    @mcp.tool()
    async def slow(seconds: float) -> str:
        await anyio.sleep(seconds)
        return "done"

    @mcp.tool()
    def locked(path: str) -> str:
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"{path} is locked"))

    @mcp.tool()
    def connect_drive() -> str:
        raise UrlElicitationRequiredError(
            [
                types.ElicitRequestURLParams(
                    message="Authorize drive access",
                    url="https://drive.example/authorize?x=1",
                    elicitationId="drive-1",
                )
            ]
        )

    @mcp.resource("notes://inbox", mime_type="text/plain")
    def inbox() -> str:
        return "buy milk\nship relay"

    @mcp.resource("notes://{folder}/{name}")
    def note(folder: str, name: str) -> str:
        return f"{folder}/{name}: empty"

    @mcp.resource("blob://logo.png", mime_type="image/png")
    def logo() -> bytes:
        return PNG_BYTES

    return mcp


def build_paged_server(page_size: int = 3) -> Server:
    server = Server("paged", "2.1.0", instructions="Paged catalog")
    tool_names = [f"tool_{i:02d}" for i in range(7)]
    docs = {f"docs://pages/{i}": f"page {i} body" for i in range(5)}
    subscribed: set[str] = set()

    def window(items: list[str], cursor: str | None) -> tuple[list[str], str | None]:
        start = int(cursor) if cursor else 0
        chunk = items[start : start + page_size]
        end = start + len(chunk)
        return chunk, (str(end) if end < len(items) else None)

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        # call_tool's schema cache refresh invokes this handler with no request at all
        cursor = request.params.cursor if request is not None and request.params else None
        names, next_cursor = window(tool_names, cursor)
        schema = {"type": "object", "properties": {"text": {"type": "string"}}}
        tools = [types.Tool(name=name, description=f"Tool {name}", inputSchema=schema) for name in names]
        return types.ListToolsResult(tools=tools, nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, object]) -> list[types.TextContent]:
        if name == "touch":
            uri = str(arguments["uri"])
            docs[uri] = docs.get(uri, "") + " (edited)"
            if uri in subscribed:
                await server.request_context.session.send_resource_updated(AnyUrl(uri))
            return [types.TextContent(type="text", text=f"touched {uri}")]
        return [types.TextContent(type="text", text=f"{name}:{arguments.get('text', '')}")]

    @server.list_resources()
    async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
        cursor = request.params.cursor if request.params else None
        uris, next_cursor = window(sorted(docs), cursor)
        resources = [types.Resource(uri=AnyUrl(u), name=u.rsplit("/", 1)[-1], mimeType="text/plain") for u in uris]
        return types.ListResourcesResult(resources=resources, nextCursor=next_cursor)

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        body = docs.get(str(uri))
        if body is None:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"no such page {uri}"))
        return [ReadResourceContents(content=body, mime_type="text/plain")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        subscribed.add(str(uri))

    @server.unsubscribe_resource()
    async def unsubscribe(uri: AnyUrl) -> None:
        subscribed.discard(str(uri))

    @server.list_prompts()
    async def list_prompts(request: types.ListPromptsRequest) -> types.ListPromptsResult:
        cursor = request.params.cursor if request.params else None
        names, next_cursor = window(["draft", "polish", "translate", "shorten"], cursor)
        return types.ListPromptsResult(prompts=[types.Prompt(name=n) for n in names], nextCursor=next_cursor)

    return server


