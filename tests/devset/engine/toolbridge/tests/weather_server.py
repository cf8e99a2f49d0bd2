"""A small FastMCP server used as the bridging target in tests."""

from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.types import ToolAnnotations

PIXEL = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"

server = FastMCP("weather")


@server.tool(annotations=ToolAnnotations(readOnlyHint=True))
def forecast(city: str, days: int = 1) -> dict[str, object]:
    """Forecast for a city."""
    return {"city": city, "days": days, "summary": "sunny"}


@server.tool(annotations=ToolAnnotations(readOnlyHint=True))
def radar(city: str) -> Image:
    """Radar image for a city."""
    return Image(data=PIXEL, format="png")


@server.tool()
async def slow_report(city: str, ctx: Context) -> str:
    """Long-running report that reports progress."""
    for step in range(3):
        await ctx.report_progress(step + 1, 3, message=f"{city}: step {step + 1}")
    return f"report for {city}"


@server.tool(annotations=ToolAnnotations(destructiveHint=True))
def forget_city(city: str) -> str:
    """Remove a city from the watch list."""
    raise ValueError(f"{city} is not watched")


@server.resource("weather://stations", mime_type="application/json")
def stations() -> str:
    return '["OSL", "BGO"]'


@server.prompt()
def briefing(city: str) -> str:
    """Morning weather briefing."""
    return f"Write a weather briefing for {city}."
