"""Upstream servers the tests put behind the gateway: alpha (FastMCP) and beta (lowlevel)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError

LOGO = b"\x89PNG\r\n\x1a\nfake-logo"


def build_alpha() -> FastMCP:
    """A FastMCP notes server."""
    alpha = FastMCP("alpha", "Notes and arithmetic used by the gateway tests.")

    @alpha.tool(annotations=types.ToolAnnotations(readOnlyHint=True))
    def echo(text: str) -> str:
        return text

    @alpha.tool()
    async def slow_sum(values: list[int], ctx: Context[ServerSession, None]) -> int:
        """Add numbers one at a time, reporting progress."""
        total = 0
        for index, value in enumerate(values, start=1):
            total += value
            await ctx.report_progress(index, len(values), message=f"added {value}")
        await ctx.info(f"sum of {len(values)} values is {total}")
        return total

    @alpha.tool()
    def reject(reason: str) -> str:
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"rejected: {reason}", data={"reason": reason}))

    @alpha.tool()
    def explode() -> str:
        raise RuntimeError("kaboom")

    @alpha.resource("memo://notes/welcome", name="welcome", mime_type="text/markdown")
    def welcome() -> str:
        return "# Welcome\nThis note lives on alpha."

    @alpha.resource("memo://notes/logo", name="logo", mime_type="image/png")
    def logo() -> bytes:
        return LOGO

    @alpha.prompt()
    def summarize(topic: str, tone: str = "neutral") -> list[Message]:
        return [UserMessage(f"Summarize {topic} in a {tone} tone."), AssistantMessage("Here is a summary:")]

    return alpha


@dataclass
class BetaState:
    page_size: int = 2
    extra_enabled: bool = False
    log_level: types.LoggingLevel | None = None
    subscribers: dict[str, set[ServerSession]] = field(default_factory=dict)
    list_tool_calls: int = 0
    accounts: dict[int, dict[str, Any]] = field(
        default_factory=lambda: {1: {"owner": "ada"}, 2: {"owner": "grace"}, 3: {"owner": "linus"}}
    )


def _tool(name: str, description: str, properties: dict[str, Any] | None = None, **extra: Any) -> types.Tool:
    schema = {"type": "object", "properties": properties or {}}
    return types.Tool(name=name, description=description, inputSchema=schema, **extra)


def _beta_tools(state: BetaState) -> list[types.Tool]:
    number = {"type": "number"}
    tools = [
        _tool(
            "add",
            "Add two numbers",
            {"a": number, "b": number},
            outputSchema={"type": "object", "properties": {"sum": number}, "required": ["sum"]},
        ),
        _tool("sleepy", "Sleep for a while", {"seconds": number}),
        _tool("touch", "Mark a ledger entry as changed", {"uri": {"type": "string"}}),
        _tool("enable_extra", "Unlock the extra tool"),
    ]
    if state.extra_enabled:
        tools.append(_tool("extra", "Only after enable_extra"))
    return tools


def build_beta(state: BetaState | None = None) -> tuple[Server[Any, Any], BetaState]:
    """A lowlevel ledger server that paginates everything."""
    state = state or BetaState()
    server: Server[Any, Any] = Server("beta", "2.1.0", instructions="Ledger of accounts.")

    def _page(items: list[Any], cursor: types.Cursor | None) -> tuple[list[Any], types.Cursor | None]:
        start = int(cursor or 0)
        end = start + state.page_size
        return items[start:end], (str(end) if end < len(items) else None)

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        state.list_tool_calls += 1
        # the server calls this with no request when it refreshes its tool cache
        cursor = request.params.cursor if request is not None and request.params else None
        tools, next_cursor = _page(_beta_tools(state), cursor)
        return types.ListToolsResult(tools=tools, nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.ContentBlock] | dict[str, Any]:
        ctx = server.request_context
        match name:
            case "add":
                return {"sum": arguments["a"] + arguments["b"]}
            case "sleepy":
                await anyio.sleep(float(arguments.get("seconds", 5)))
                return [types.TextContent(type="text", text="rested")]
            case "touch":
                uri = AnyUrl(arguments["uri"])
                for session in list(state.subscribers.get(str(uri), ())):
                    await session.send_resource_updated(uri)
                return [types.TextContent(type="text", text=f"touched {uri}")]
            case "enable_extra":
                state.extra_enabled = True
                await ctx.session.send_notification(types.ServerNotification(types.ToolListChangedNotification()))
                return [types.TextContent(type="text", text="extra enabled")]
            case "extra" if state.extra_enabled:
                return [types.TextContent(type="text", text="extra!")]
            case _:
                raise ValueError(f"unknown tool {name}")

    @server.list_resources()
    async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
        cursor = request.params.cursor if request.params else None
        resources = [
            types.Resource(uri=AnyUrl(f"ledger://accounts/{n}"), name=f"account-{n}", mimeType="application/json")
            for n in sorted(state.accounts)
        ]
        page, next_cursor = _page(resources, cursor)
        return types.ListResourcesResult(resources=page, nextCursor=next_cursor)

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        account = None
        if uri.scheme == "ledger" and uri.host == "accounts" and uri.path:
            account = state.accounts.get(int(uri.path.strip("/") or 0))
        if account is None:
            raise McpError(types.ErrorData(code=-32002, message=f"no such ledger entry: {uri}", data={"uri": str(uri)}))
        return [ReadResourceContents(content=json.dumps(account), mime_type="application/json")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        state.subscribers.setdefault(str(uri), set()).add(server.request_context.session)

    @server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        state.log_level = level

    return server, state
