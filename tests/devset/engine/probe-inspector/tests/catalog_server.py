"""A lowlevel server with paginated tools, subscriptions and notifications."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from pydantic import AnyUrl

import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.shared.exceptions import McpError

PAGE_SIZE = 2


class CatalogState:
    def __init__(self) -> None:
        self.subscriptions: set[str] = set()
        self.log_level: types.LoggingLevel = "info"
        self.bumps = 0


def build_catalog_server(state: CatalogState | None = None) -> Server[dict[str, Any], Any]:
    state = state or CatalogState()
    server = Server("paged-catalog", "2.1.0", "Lowlevel fixture with pagination.")
    tools = [
        types.Tool(
            name=f"square_{i}",
            title=f"Square #{i}",
            inputSchema={"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]},
            outputSchema={"type": "object", "properties": {"square": {"type": "integer"}}, "required": ["square"]},
            execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
        )
        for i in range(5)
    ]
    tools.append(types.Tool(name="bump", description="Touch stats, change tools.", inputSchema={"type": "object"}))

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        cursor = request.params.cursor if request is not None and request.params else None
        start = int(cursor or 0)
        end = start + PAGE_SIZE
        return types.ListToolsResult(tools=tools[start:end], nextCursor=str(end) if end < len(tools) else None)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any] | list[types.TextContent]:
        ctx = server.request_context
        if name.startswith("square_"):
            if ctx.meta is not None and ctx.meta.progressToken is not None:
                await ctx.session.send_progress_notification(ctx.meta.progressToken, 1.0, 1.0, message="squared")
            return {"square": int(arguments["n"]) ** 2}
        if name != "bump":
            raise ValueError(f"unknown tool {name}")
        state.bumps += 1
        await ctx.session.send_log_message(
            level="notice", data={"bumps": state.bumps}, logger="catalog", related_request_id=ctx.request_id
        )
        if "catalog://stats" in state.subscriptions:
            await ctx.session.send_resource_updated(AnyUrl("catalog://stats"))
        await ctx.session.send_notification(types.ServerNotification(types.ToolListChangedNotification()))
        return [types.TextContent(type="text", text=f"bumped {state.bumps}")]

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [
            types.Resource(uri=AnyUrl("catalog://stats"), name="stats", mimeType="application/json"),
            types.Resource(uri=AnyUrl("file:///srv/catalog/blob.bin"), name="blob", size=4),
        ]

    @server.list_resource_templates()
    async def list_templates() -> list[types.ResourceTemplate]:
        return [types.ResourceTemplate(uriTemplate="catalog://tools/{name}", name="tool-doc")]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        if uri.scheme == "catalog" and uri.host == "stats":
            stats = {"bumps": state.bumps, "level": state.log_level}
            return [ReadResourceContents(content=json.dumps(stats), mime_type="application/json")]
        if uri.scheme == "catalog" and uri.host == "tools" and uri.path:
            return [ReadResourceContents(content=f"docs for {uri.path.strip('/')}", mime_type="text/plain")]
        if uri.scheme == "file":
            return [ReadResourceContents(content=b"\x00\x01\x02\x03", mime_type="application/octet-stream")]
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"unknown resource {uri}", data={"uri": str(uri)}))

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        state.subscriptions.add(str(uri))

    @server.unsubscribe_resource()
    async def unsubscribe(uri: AnyUrl) -> None:
        state.subscriptions.discard(str(uri))

    @server.list_prompts()
    async def list_prompts() -> list[types.Prompt]:
        args = [types.PromptArgument(name="ticket", required=True), types.PromptArgument(name="team")]
        return [types.Prompt(name="triage", description="Triage a ticket", arguments=args)]

    @server.get_prompt()
    async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        args = arguments or {}
        text = f"Triage ticket {args.get('ticket', '?')} for team {args.get('team', 'unassigned')}."
        return types.GetPromptResult(
            description="Ticket triage",
            messages=[types.PromptMessage(role="user", content=types.TextContent(type="text", text=text))],
        )

    @server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        state.log_level = level

    return server
