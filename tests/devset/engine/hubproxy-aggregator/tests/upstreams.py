"""In-process upstream servers the hub aggregates during tests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import anyio
from pydantic import AnyUrl, BaseModel

import mcp.types as types
from mcp.server.elicitation import AcceptedElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDRhub"


class BookingConfirmation(BaseModel):
    attendees: int
    confirm: bool


@dataclass
class AlphaFixture:
    server: FastMCP
    levels: list[str] = field(default_factory=list)


@dataclass
class BetaFixture:
    server: Server[Any, Any]
    memos: dict[str, str] = field(default_factory=lambda: {"todo": "buy milk", "ideas": "a hub for hubs"})
    subscribed: set[str] = field(default_factory=set)


def build_alpha() -> AlphaFixture:
    alpha = FastMCP("alpha-notes", "Notes and summaries used by the hub tests.", log_level="WARNING")
    fixture = AlphaFixture(server=alpha)

    @alpha.tool(annotations=types.ToolAnnotations(readOnlyHint=True))
    def echo(text: str) -> str:
        """Echo the text back."""
        return text

    @alpha.tool()
    def add(a: int, b: int) -> dict[str, int]:
        return {"sum": a + b}

    @alpha.tool()
    def fail(reason: str) -> str:
        raise ValueError(reason)

    @alpha.tool()
    async def slow(seconds: float) -> str:
        await anyio.sleep(seconds)
        return "finally"

    @alpha.tool()
    async def crunch(steps: int, ctx: Context[ServerSession, None]) -> str:
        for step in range(1, steps + 1):
            await ctx.report_progress(step, steps, message=f"step {step}")
            await ctx.info(f"crunched {step}")
        return f"crunched {steps}"

    @alpha.tool()
    async def summarize(text: str, ctx: Context[ServerSession, None]) -> str:
        result = await ctx.session.create_message(
            messages=[types.SamplingMessage(role="user", content=types.TextContent(type="text", text=text))],
            max_tokens=64,
            system_prompt="Summarize in one line.",
        )
        body = result.content.text if isinstance(result.content, types.TextContent) else ""
        return f"{body} ({result.model}, {result.stopReason})"

    @alpha.tool()
    async def book_slot(day: str, ctx: Context[ServerSession, None]) -> str:
        answer = await ctx.elicit(message=f"Book the meeting room on {day}?", schema=BookingConfirmation)
        if isinstance(answer, AcceptedElicitation) and answer.data.confirm:
            return f"booked {day} for {answer.data.attendees}"
        return "declined" if isinstance(answer, DeclinedElicitation) else "cancelled"

    @alpha.tool()
    async def client_roots(ctx: Context[ServerSession, None]) -> list[str]:
        roots = await ctx.session.list_roots()
        return [str(root.uri) for root in roots.roots]

    @alpha.tool()
    async def enable_extras(ctx: Context[ServerSession, None]) -> str:
        alpha.add_tool(lambda word: word.upper(), name="extra", description="Shows up later")
        await ctx.session.send_tool_list_changed()
        return "extras enabled"

    @alpha.resource("notes://alpha/readme", mime_type="text/markdown")
    def readme() -> str:
        return "# alpha\nNotes live here."

    @alpha.resource("notes://alpha/{slug}")
    def note(slug: str) -> str:
        return f"note {slug}"

    @alpha.prompt()
    def greet(name: str) -> str:
        return f"Say hello to {name}"

    @alpha.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        names = [n for n in ("Ada", "Alan", "Grace") if n.startswith(argument.value)]
        return types.Completion(values=names, hasMore=False)

    @alpha._mcp_server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        fixture.levels.append(level)

    return fixture


def _memo_tool(name: str, *fields: str, read_only: bool | None = None) -> types.Tool:
    return types.Tool(
        name=name,
        inputSchema={"type": "object", "properties": {f: {"type": "string"} for f in fields}, "required": list(fields)},
        annotations=types.ToolAnnotations(readOnlyHint=read_only) if read_only is not None else None,
    )


BETA_TOOLS = [
    _memo_tool("lookup", "key", read_only=True),
    _memo_tool("store", "key", "text", read_only=False),
    _memo_tool("touch", "key"),
    _memo_tool("explode"),
]


def build_beta() -> BetaFixture:
    server = Server("beta-memos", "0.3.0")
    fixture = BetaFixture(server=server)

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        start = int(request.params.cursor or 0) if request is not None and request.params else 0
        next_cursor = str(start + 2) if start + 2 < len(BETA_TOOLS) else None
        return types.ListToolsResult(tools=BETA_TOOLS[start : start + 2], nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any] | list[types.ContentBlock]:
        session = server.request_context.session
        if name == "lookup":
            if arguments["key"] not in fixture.memos:
                raise KeyError(f"no memo named {arguments['key']!r}")
            return {"key": arguments["key"], "text": fixture.memos[arguments["key"]]}
        if name == "store":
            fixture.memos[arguments["key"]] = arguments["text"]
            await session.send_resource_list_changed()
        elif name == "touch":
            await session.send_resource_updated(AnyUrl(f"memo://beta/{arguments['key']}"))
        else:
            raise McpError(types.ErrorData(code=types.INTERNAL_ERROR, message="beta exploded"))
        return [types.TextContent(type="text", text=f"{name} ok")]

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        memos = [types.Resource(uri=AnyUrl(f"memo://beta/{k}"), name=k, mimeType="text/plain") for k in sorted(fixture.memos)]
        return memos + [types.Resource(uri=AnyUrl("memo://beta/logo.png"), name="logo", mimeType="image/png")]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        key = (uri.path or "").lstrip("/")
        if key == "logo.png":
            return [ReadResourceContents(content=PNG_BYTES, mime_type="image/png")]
        return [ReadResourceContents(content=fixture.memos[key], mime_type="text/plain")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        fixture.subscribed.add(str(uri))

    @server.unsubscribe_resource()
    async def unsubscribe(uri: AnyUrl) -> None:
        fixture.subscribed.discard(str(uri))

    return fixture
