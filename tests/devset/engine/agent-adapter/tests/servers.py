"""Fixture servers the adapter is tested against."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from typing import Any

import anyio
import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.server.fastmcp.prompts import base
from mcp.server.fastmcp.utilities.types import Audio
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl, BaseModel, Field

PNG_BYTES = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
WAV_BYTES = b"RIFF\x24\x00\x00\x00WAVEfmt "


class ConfirmDelete(BaseModel):
    confirm: bool = Field(description="Really delete?")
    reason: str = Field(default="", description="Why")


def build_demo_server(*, stateless: bool = False) -> FastMCP:
    mcp = FastMCP(
        "demo-tools",
        "Tools for exercising the agentmesh adapter.",
        host="127.0.0.1",
        port=8765,
        json_response=stateless,
        stateless_http=stateless,
    )
    mcp.settings.streamable_http_path = "/mcp"

    @mcp._mcp_server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        pass

    @mcp.tool(
        title="Add numbers",
        annotations=types.ToolAnnotations(readOnlyHint=True, idempotentHint=True, openWorldHint=False),
        icons=[types.Icon(src="https://icons.invalid/calc.png", mimeType="image/png")],
    )
    def add(a: int, b: int) -> int:
        """Add two integers."""
        return a + b

    @mcp.tool(structured_output=False)
    def media() -> list[Image | Audio]:
        return [Image(data=PNG_BYTES, format="png"), Audio(data=WAV_BYTES, format="wav")]

    @mcp.tool()
    def attach_readme() -> list[types.EmbeddedResource | types.ResourceLink]:
        readme = types.TextResourceContents(
            uri=AnyUrl("file:///workspace/README.md"), mimeType="text/markdown", text="# Workspace\n"
        )
        link = types.ResourceLink(
            type="resource_link", name="guide", uri=AnyUrl("https://docs.example.com/guide/intro.html")
        )
        return [types.EmbeddedResource(type="resource", resource=readme), link]

    @mcp.tool(annotations=types.ToolAnnotations(destructiveHint=True))
    async def delete_file(path: str, ctx: Context[ServerSession, None]) -> str:
        answer = await ctx.elicit(message=f"Delete {path}?", schema=ConfirmDelete)
        if answer.action == "accept" and answer.data.confirm:
            return f"deleted {path} ({answer.data.reason})"
        return f"kept {path} ({answer.action})"

    @mcp.tool()
    async def summarize(text: str, ctx: Context[ServerSession, None]) -> str:
        reply = await ctx.session.create_message(
            [types.SamplingMessage(role="user", content=types.TextContent(type="text", text=text))],
            max_tokens=64,
            system_prompt="Summarize in one line.",
            model_preferences=types.ModelPreferences(hints=[types.ModelHint(name="small")]),
        )
        summary = reply.content.text if isinstance(reply.content, types.TextContent) else "?"
        return f"{summary} [{reply.model}/{reply.stopReason}]"

    @mcp.tool()
    async def workspace_roots(ctx: Context[ServerSession, None]) -> list[str]:
        result = await ctx.session.list_roots()
        return [f"{root.name}={root.uri}" for root in result.roots]

    @mcp.tool()
    async def index_repo(files: int, ctx: Context[ServerSession, None]) -> str:
        for i in range(files):
            await ctx.report_progress(i + 1, files, message=f"file {i + 1}")
        await ctx.log(level="info", message=f"indexed {files} files", logger_name="indexer")
        return f"indexed {files}"

    @mcp.tool()
    async def slow(seconds: float) -> str:
        await anyio.sleep(seconds)
        return "finally"

    @mcp.tool()
    def guarded(token: str) -> str:
        if token != "open-sesame":
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message="bad token"))
        return "welcome"

    @mcp.tool()
    def whoami() -> str:
        request = mcp.get_context().request_context.request
        return "in-process" if request is None else f"{request.headers.get('authorization')}"

    @mcp.prompt(title="Code review")
    def review(code: str) -> list[base.Message]:
        return [base.UserMessage(f"Review this code:\n{code}"), base.AssistantMessage("Looking at it now.")]

    return mcp


CATALOG = [f"item_{i}" for i in range(7)]


def build_paged_server(page_size: int = 3) -> Server[Any, Any]:
    server = Server("paged-catalog", "2.1.0", instructions="Paginated catalog")
    subscriptions: set[str] = set()

    def tool_for(i: int) -> types.Tool:
        if i == 0:
            return types.Tool(
                name="lookup",
                inputSchema={"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]},
                outputSchema={"type": "object", "properties": {"label": {"type": "string"}}},
            )
        if i == 1:
            execution = types.ToolExecution(taskSupport=types.TASK_OPTIONAL)
            return types.Tool(name="reindex", inputSchema={"type": "object"}, execution=execution)
        return types.Tool(name=f"noop_{i}", inputSchema={"type": "object"})

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        start = int(request.params.cursor or 0) if request.params else 0
        end = min(start + page_size, len(CATALOG))
        next_cursor = str(end) if end < len(CATALOG) else None
        return types.ListToolsResult(tools=[tool_for(i) for i in range(start, end)], nextCursor=next_cursor)

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [types.Resource(name=name, uri=AnyUrl(f"catalog://items/{i}")) for i, name in enumerate(CATALOG)]

    @server.list_resource_templates()
    async def list_templates() -> list[types.ResourceTemplate]:
        return [types.ResourceTemplate(name="item", uriTemplate="catalog://items/{id}", mimeType="text/plain")]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        if uri.host != "items" or uri.path is None:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"unknown resource {uri}"))
        return [ReadResourceContents(content=f"{CATALOG[int(uri.path.strip('/'))]} details", mime_type="text/plain")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        subscriptions.add(str(uri))

    @server.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        values = [str(i) for i in range(len(CATALOG)) if str(i).startswith(argument.value)]
        return types.Completion(values=values, total=len(values), hasMore=False)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> Any:
        if name == "lookup":
            return {"label": CATALOG[arguments["id"]]}
        if name == "reindex":
            session = server.request_context.session
            await session.send_tool_list_changed()
            for uri in sorted(subscriptions):
                updated = types.ResourceUpdatedNotification(
                    params=types.ResourceUpdatedNotificationParams(uri=AnyUrl(uri))
                )
                await session.send_notification(types.ServerNotification(updated))
            return [types.TextContent(type="text", text=f"reindexed {len(CATALOG)} items")]
        raise ValueError(f"{name} is not implemented")

    return server


def paged_init_options(server: Server[Any, Any]) -> InitializationOptions:
    options = server.create_initialization_options(
        notification_options=NotificationOptions(tools_changed=True), experimental_capabilities={}
    )
    # the lowlevel server never advertises subscribe support on its own
    if options.capabilities.resources is not None:
        options.capabilities.resources.subscribe = True
    return options
