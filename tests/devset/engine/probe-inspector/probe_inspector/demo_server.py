"""Reference server exercising everything the inspector can show.

``python -m probe_inspector.demo_server --transport stdio`` (or ``sse`` / ``streamable-http`` with ``--port``).
"""

from __future__ import annotations

import argparse
import json

import anyio
from pydantic import AnyUrl, BaseModel, Field

from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.session import ServerSession
from mcp.types import (
    Completion, CompletionArgument, CompletionContext, EmbeddedResource, Icon, LoggingLevel, ModelHint, ModelPreferences,
    PromptReference, ResourceLink, ResourceTemplateReference, SamplingMessage, TextContent, TextResourceContents,
    ToolAnnotations,
)

ITEMS = {"apple": {"price": 1.25, "stock": 40}, "bread": {"price": 3.1, "stock": 8}, "cheese": {"price": 7.5, "stock": 0}}


class Sum(BaseModel):
    total: float
    operands: list[float]


class Booking(BaseModel):
    guests: int = Field(description="How many people", ge=1, le=12)
    seating: str = Field(default="indoor", description="indoor or outdoor")
    notes: str | None = None
    confirm: bool = Field(description="Confirm the booking")


def build_demo_server(*, host: str = "127.0.0.1", port: int = 8000, stateless_http: bool = False) -> FastMCP:
    mcp = FastMCP(
        "probe-demo",
        "Reference server for probe-inspector: progress, logging, sampling, elicitation and roots.",
        website_url="https://probe-tools.dev/demo",
        host=host,
        port=port,
        streamable_http_path="/mcp",
        json_response=False,
        stateless_http=stateless_http,
    )
    log_state: dict[str, LoggingLevel] = {"level": "info"}

    @mcp._mcp_server.set_logging_level()
    async def set_level(level: LoggingLevel) -> None:
        log_state["level"] = level

    @mcp.tool(
        annotations=ToolAnnotations(title="Echo", readOnlyHint=True, idempotentHint=True, openWorldHint=False),
        icons=[Icon(src="data:image/svg+xml;base64,PHN2Zy8+", mimeType="image/svg+xml", sizes=["16x16"])],
    )
    def echo(text: str, repeat: int = 1) -> str:
        return " ".join([text] * max(1, repeat))

    @mcp.tool(title="Add numbers")
    def add(operands: list[float]) -> Sum:
        return Sum(total=sum(operands), operands=operands)

    @mcp.tool()
    async def countdown(steps: int, ctx: Context[ServerSession, None]) -> str:
        """Count down, reporting progress and logging each step."""
        await ctx.info(f"starting countdown from {steps}")
        for done in range(1, steps + 1):
            await ctx.report_progress(done, steps, message=f"{steps - done} left")
            if log_state["level"] == "debug":
                await ctx.debug(f"tick {done}")
        await ctx.log(level="warning", message="countdown finished", logger_name="countdown")
        return "liftoff"

    @mcp.tool()
    async def summarize(text: str, ctx: Context[ServerSession, None]) -> str:
        """Ask the client's model for a one-line summary."""
        prefs = ModelPreferences(hints=[ModelHint(name="tiny-summarizer")], speedPriority=0.9)
        message = SamplingMessage(role="user", content=TextContent(type="text", text=text))
        result = await ctx.session.create_message(
            [message],
            max_tokens=32,
            system_prompt="Summarize in one line.",
            model_preferences=prefs,
            related_request_id=ctx.request_id,
        )
        reply = result.content.text if isinstance(result.content, TextContent) else "(non-text reply)"
        return f"{reply} [model={result.model} stop={result.stopReason}]"

    @mcp.tool()
    async def book_table(date: str, ctx: Context[ServerSession, None]) -> str:
        """Book a table, asking the user for details first."""
        answer = await ctx.elicit(f"Booking for {date}: how many guests?", schema=Booking)
        if isinstance(answer, AcceptedElicitation):
            booking = answer.data
            return f"Booked {booking.guests} ({booking.seating}) on {date}." if booking.confirm else "Not confirmed."
        if isinstance(answer, DeclinedElicitation):
            return "Declined by user."
        assert isinstance(answer, CancelledElicitation)
        return "Cancelled."

    @mcp.tool()
    async def list_workspace(ctx: Context[ServerSession, None]) -> list[str]:
        roots = await ctx.session.list_roots()
        return [f"{root.name}={root.uri.path}" for root in roots.roots]

    @mcp.tool()
    def fail(reason: str = "boom") -> str:
        raise ToolError(f"requested failure: {reason}")

    @mcp.tool()
    def whoami() -> dict[str, str | None]:
        ctx = mcp.get_context()
        return {"server": ctx.fastmcp.name, "client_id": ctx.client_id, "request_id": ctx.request_id}

    @mcp.tool()
    def snapshot() -> list[TextContent | EmbeddedResource | ResourceLink]:
        apple = TextResourceContents(
            uri=AnyUrl("demo://items/apple"), mimeType="application/json", text=json.dumps(ITEMS["apple"])
        )
        return [
            TextContent(type="text", text="inventory snapshot"),
            EmbeddedResource(type="resource", resource=apple),
            ResourceLink(type="resource_link", name="readme", uri=AnyUrl("demo://readme"), mimeType="text/markdown"),
        ]

    @mcp.tool()
    def swatch(hex_color: str = "ff0000") -> Image:
        return Image(data=bytes.fromhex(hex_color) * 4, format="png")

    @mcp.tool()
    async def slow(seconds: float = 5.0) -> str:
        await anyio.sleep(seconds)
        return "done"

    @mcp.resource("demo://readme", title="Read me", mime_type="text/markdown")
    def readme() -> str:
        return "# probe-demo\n\nTry `call countdown --arg steps=3`."

    @mcp.resource("demo://logo", mime_type="image/png")
    def logo() -> bytes:
        return b"\x89PNG\r\n\x1a\n"

    @mcp.resource("demo://items/{item_id}", mime_type="application/json")
    def item(item_id: str) -> str:
        if item_id not in ITEMS:
            raise ValueError(f"no such item: {item_id}")
        return json.dumps({"id": item_id, **ITEMS[item_id]})

    @mcp.prompt(title="Code review")
    def review(code: str, language: str = "python") -> list[Message]:
        return [
            UserMessage(f"Please review this {language} code:\n\n{code}"),
            AssistantMessage("Sure. Let me look at structure, naming and error handling first."),
        ]

    @mcp.completion()
    async def complete(
        ref: PromptReference | ResourceTemplateReference, argument: CompletionArgument, context: CompletionContext | None
    ) -> Completion | None:
        if isinstance(ref, ResourceTemplateReference) and argument.name == "item_id":
            matches = [name for name in ITEMS if name.startswith(argument.value)]
            return Completion(values=matches, total=len(matches), hasMore=False)
        if isinstance(ref, PromptReference) and argument.name == "language":
            return Completion(values=[x for x in ("python", "rust", "go") if x.startswith(argument.value)])
        return None

    return mcp


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="probe-demo-server")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="stdio")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--mount-path", default=None)
    args = parser.parse_args(argv)

    server = build_demo_server()
    server.settings.host = args.host
    server.settings.port = args.port
    server.run(transport=args.transport, mount_path=args.mount_path)


if __name__ == "__main__":
    main()
