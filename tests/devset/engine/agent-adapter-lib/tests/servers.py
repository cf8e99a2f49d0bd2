"""A small FastMCP server used by the end-to-end tests."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

import anyio
from mcp import types
from mcp.server.elicitation import AcceptedElicitation, DeclinedElicitation
from mcp.server.fastmcp import Audio, Context, FastMCP, Image
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl, BaseModel, Field

PNG_BYTES = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
WAV_BYTES = b"RIFF$\x00\x00\x00WAVEfmt " + b"\x00" * 16


class Forecast(BaseModel):
    city: str
    high_c: float
    conditions: str


class ArchiveConfirm(BaseModel):
    confirm: bool = Field(description="Really archive?")
    reason: str = Field(default="cleanup", description="Why")
    keep_days: int = Field(default=30, description="Retention in days")


@dataclass
class FieldState:
    attempts: dict[str, int] = field(default_factory=lambda: {})
    log_levels: list[types.LoggingLevel] = field(default_factory=lambda: [])


def build_server(state: FieldState | None = None) -> FastMCP:
    mcp = FastMCP("field-notes", "Tools for a field research assistant.", port=9123, json_response=True)
    state = state or FieldState()
    attempts = state.attempts
    log_levels = state.log_levels

    @mcp.tool(annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False, idempotentHint=True))
    def forecast(city: str) -> Forecast:
        """Tomorrow's forecast for a city."""
        return Forecast(city=city, high_c=21.5, conditions="overcast")

    @mcp.tool(structured_output=False)
    def snapshot() -> Image:
        """Latest camera frame."""
        return Image(data=PNG_BYTES, format="png")

    @mcp.tool(structured_output=False)
    def chime() -> Audio:
        return Audio(data=WAV_BYTES, format="wav")

    @mcp.tool(structured_output=False)
    def attach_notes(topic: str) -> list[types.ContentBlock]:
        return [
            types.TextContent(type="text", text=f"Notes on {topic}"),
            types.EmbeddedResource(
                type="resource",
                resource=types.TextResourceContents(
                    uri=AnyUrl(f"notes://{topic}"), mimeType="text/markdown", text=f"# {topic}\n- seen twice"
                ),
            ),
            types.EmbeddedResource(
                type="resource",
                resource=types.BlobResourceContents(
                    uri=AnyUrl(f"file:///data/{topic}.bin"),
                    mimeType="application/octet-stream",
                    blob=base64.b64encode(b"\x00\x01").decode(),
                ),
            ),
        ]

    @mcp.tool(structured_output=False)
    def find_docs(query: str) -> types.ResourceLink:
        return types.ResourceLink(
            type="resource_link",
            name="field-guide",
            title="Field guide",
            uri=AnyUrl(f"https://docs.example.com/guide?q={query}"),
            mimeType="text/html",
            size=2048,
        )

    @mcp.tool(annotations=types.ToolAnnotations(destructiveHint=True))
    def wipe(target: str) -> str:
        raise ToolError(f"refusing to wipe {target}")

    @mcp.tool()
    def locked() -> str:
        raise McpError(types.ErrorData(code=types.INVALID_REQUEST, message="vault is locked"))

    @mcp.tool()
    async def flaky(key: str) -> str:
        attempts[key] = attempts.get(key, 0) + 1
        if attempts[key] == 1:
            await anyio.sleep(1.0)
        return f"{key} ok after {attempts[key]}"

    @mcp.tool()
    async def summarize(text: str, ctx: Context[ServerSession, None]) -> str:
        result = await ctx.session.create_message(
            [types.SamplingMessage(role="user", content=types.TextContent(type="text", text=text))],
            max_tokens=50,
            system_prompt="Summarise tersely.",
            model_preferences=types.ModelPreferences(hints=[types.ModelHint(name="tiny")], speedPriority=0.9),
            stop_sequences=["\n\n"],
        )
        content = result.content
        summary = content.text if isinstance(content, types.TextContent) else "<non-text>"
        return f"{summary} [{result.model}/{result.stopReason}]"

    @mcp.tool()
    async def archive(path: str, ctx: Context[ServerSession, None]) -> str:
        answer = await ctx.elicit(message=f"Archive {path}?", schema=ArchiveConfirm)
        match answer:
            case AcceptedElicitation(data=data) if data.confirm:
                return f"archived {path} for {data.keep_days}d ({data.reason})"
            case AcceptedElicitation() | DeclinedElicitation():
                return f"kept {path}"
            case _:
                return "cancelled"

    @mcp.tool()
    async def workspace(ctx: Context[ServerSession, None]) -> list[str]:
        listing = await ctx.session.list_roots()
        return [f"{root.name}:{root.uri.path}" for root in listing.roots]

    @mcp.tool()
    async def crunch(steps: int, ctx: Context[ServerSession, None]) -> str:
        for step in range(1, steps + 1):
            await ctx.report_progress(step, steps, f"step {step}")
        await ctx.info(f"crunched {steps} steps")
        await ctx.log(level="warning", message="crunch is deprecated", logger_name="crunch")
        return "done"

    @mcp.tool()
    async def whoami(ctx: Context[ServerSession, None]) -> str:
        meta = ctx.request_context.meta
        run_id = getattr(meta, "run_id", None) if meta else None
        return f"{ctx.fastmcp.name}:{run_id or 'anonymous'}"

    @mcp.tool()
    async def unlock_extras(ctx: Context[ServerSession, None]) -> str:
        def extra_tool(n: int) -> int:
            return n * 2

        mcp.add_tool(extra_tool, name="double", description="Double a number")
        await ctx.session.send_tool_list_changed()
        return "unlocked"

    @mcp.resource("config://agent", mime_type="application/json")
    def agent_config() -> str:
        return '{"mode": "survey"}'

    @mcp.resource("notes://{topic}", mime_type="text/markdown")
    def note(topic: str) -> str:
        return f"# {topic}\nnothing yet"

    @mcp.prompt()
    def research_brief(topic: str) -> list[Message]:
        """Kick off research on a topic."""
        return [
            UserMessage(f"Research {topic}."),
            AssistantMessage("Which region?"),
            UserMessage("Northern coast."),
        ]

    @mcp.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        topics = ["birds", "bison", "beetles", "ferns"]
        matches = [t for t in topics if t.startswith(argument.value)]
        return types.Completion(values=matches, total=len(matches), hasMore=False)

    @mcp._mcp_server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        log_levels.append(level)

    return mcp
