"""In-process MCP servers used by the test-suite."""

from __future__ import annotations

import json
from typing import Any, Literal

import anyio
from pydantic import AnyUrl, BaseModel, Field

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.lowlevel import Server
from mcp.server.session import ServerSession

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


class Forecast(BaseModel):
    city: str
    days: int
    high_c: list[float]
    summary: str


class TripDetails(BaseModel):
    travellers: int = Field(description="How many people travel")
    budget: str = Field(default="mid", description="low, mid or high")


def build_weather_server() -> FastMCP:
    mcp = FastMCP("weather", "Forecasts and station data for a handful of cities.")

    @mcp.tool(annotations=types.ToolAnnotations(title="Forecast", readOnlyHint=True, openWorldHint=True))
    def get_forecast(city: str, days: int = 1) -> Forecast:
        """Multi-day forecast for a city."""
        highs = [round(12.5 + i * 1.5, 1) for i in range(days)]
        return Forecast(city=city, days=days, high_c=highs, summary=f"{days}-day outlook for {city}")

    @mcp.tool()
    def current_temp(city: Literal["oslo", "lima"], unit: Literal["c", "f"] = "c") -> str:
        """Current temperature."""
        celsius = {"oslo": 4.0, "lima": 19.0}[city]
        value = celsius if unit == "c" else celsius * 9 / 5 + 32
        return f"{city}: {value:.1f}{unit.upper()}"

    @mcp.tool()
    def radar_image() -> Image:
        """Latest radar frame."""
        return Image(data=PNG_1PX, format="png")

    @mcp.tool()
    def station_report(station: str) -> list[types.ContentBlock]:
        """Raw station report with attachments."""
        readings = {"station": station, "pressure_hpa": 1013, "wind_kts": 12}
        return [
            types.TextContent(type="text", text=f"Report for {station}"),
            types.EmbeddedResource(
                type="resource",
                resource=types.TextResourceContents(
                    uri=AnyUrl(f"weather://stations/{station}"),
                    mimeType="application/json",
                    text=json.dumps(readings),
                ),
            ),
            types.ResourceLink(
                type="resource_link",
                uri=AnyUrl(f"https://files.example.com/reports/{station}.pdf"),
                name=f"{station}-report",
                mimeType="application/pdf",
            ),
        ]

    @mcp.tool()
    def fail(reason: str) -> str:
        """Always fails."""
        raise ToolError(f"station offline: {reason}")

    @mcp.tool()
    async def slow(seconds: float) -> str:
        """Sleeps before answering."""
        await anyio.sleep(seconds)
        return "done"

    @mcp.tool()
    async def long_job(steps: int, ctx: Context[ServerSession, None]) -> str:
        """Reports progress while working."""
        for step in range(1, steps + 1):
            await ctx.report_progress(step, steps, message=f"step {step}")
        await ctx.info(f"long_job finished {steps} steps")
        return f"completed {steps} steps"

    @mcp.tool()
    async def summarize(text: str, ctx: Context[ServerSession, None]) -> str:
        """Asks the client's model for a summary."""
        result = await ctx.session.create_message(
            messages=[types.SamplingMessage(role="user", content=types.TextContent(type="text", text=text))],
            max_tokens=40,
            system_prompt="Summarize in one line.",
        )
        if isinstance(result.content, types.TextContent):
            return f"{result.model}: {result.content.text} ({result.stopReason})"
        return "no text"

    @mcp.tool()
    async def book_trip(city: str, ctx: Context[ServerSession, None]) -> str:
        """Books a trip after asking for details."""
        answer = await ctx.elicit(f"Trip to {city}: how many travellers?", schema=TripDetails)
        if answer.action == "accept":
            return f"booked {city} for {answer.data.travellers} ({answer.data.budget})"
        return f"booking {answer.action}"

    @mcp.tool()
    async def enable_alerts(ctx: Context[ServerSession, None]) -> str:
        """Registers an extra tool and tells the client."""

        def weather_alerts(region: str) -> str:
            return f"no alerts for {region}"

        mcp.add_tool(weather_alerts, description="Active weather alerts.")
        await ctx.session.send_tool_list_changed()
        return "alerts enabled"

    @mcp.resource("weather://readme", mime_type="text/markdown")
    def readme() -> str:
        return "# Weather server\nForecasts for oslo and lima."

    @mcp.resource("weather://stations.json", mime_type="application/json")
    def stations() -> str:
        return json.dumps({"stations": ["OSL", "LIM"]})

    @mcp.resource("weather://logo.png", mime_type="image/png")
    def logo() -> bytes:
        return PNG_1PX

    @mcp.resource("weather://cities/{city}/summary")
    def city_summary(city: str) -> str:
        return f"{city.title()} is usually mild."

    @mcp.prompt()
    def forecast_brief(city: str, tone: str = "neutral") -> list[Message]:
        """Brief the assistant on a city."""
        return [
            UserMessage(f"Give a {tone} forecast briefing for {city}."),
            AssistantMessage("Sure, checking the latest data."),
        ]

    @mcp.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        if argument.name == "city":
            options = [c for c in ("oslo", "lima", "lisbon", "london") if c.startswith(argument.value)]
            return types.Completion(values=options[:2], total=len(options), hasMore=len(options) > 2)
        return None

    return mcp


def build_notes_server() -> FastMCP:
    mcp = FastMCP("notes")
    notes: dict[str, str] = {"todo": "buy milk", "ideas": "solar kettle"}

    @mcp.tool()
    def add_note(key: str, text: str) -> dict[str, Any]:
        """Store a note."""
        notes[key] = text
        return {"stored": key, "count": len(notes)}

    @mcp.resource("notes://index")
    def index() -> str:
        return "\n".join(sorted(notes))

    @mcp.prompt()
    def recall(key: str) -> str:
        """Recall one note."""
        return f"Remind me about: {notes.get(key, '?')}"

    return mcp


def build_paged_server(total: int = 7, page_size: int = 3) -> Server[Any, Any]:
    """Lowlevel server that paginates its tool list."""
    server = Server("paged", "2.1.0")
    all_tools = [
        types.Tool(
            name=f"op_{i}",
            description=f"Operation {i}",
            inputSchema={"type": "object", "properties": {"x": {"type": "integer"}}, "required": ["x"]},
        )
        for i in range(total)
    ]

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        # the server also calls this with no request when it refreshes its tool cache
        cursor = request.params.cursor if request is not None and request.params else None
        start = int(cursor) if cursor else 0
        end = start + page_size
        next_cursor = str(end) if end < total else None
        return types.ListToolsResult(tools=all_tools[start:end], nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        if name == "op_0" and arguments["x"] < 0:
            raise ValueError("x must be positive")
        return {"tool": name, "result": arguments["x"] * 2}

    return server
