"""Weather MCP server (MCP Python SDK v1, FastMCP)."""

from datetime import datetime

import httpx
from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.server.fastmcp.exceptions import ToolError
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS, ErrorData, TextContent

mcp = FastMCP(
    "weather",
    "Answer questions about the weather.",
    host="0.0.0.0",
    port=8080,
    json_response=True,
    stateless_http=True,
)


@mcp.tool()
async def forecast(city: str, days: int, ctx: Context) -> str:
    """Forecast for a city."""
    if days < 1 or days > 7:
        raise McpError(ErrorData(code=INVALID_PARAMS, message="days must be 1..7"))
    await ctx.info(message=f"forecast for {city}")
    await ctx.report_progress(0, days)
    async with httpx.AsyncClient() as client:
        response = await client.get("https://api.example.com/forecast", params={"q": city})
    return response.text


@mcp.tool()
def now() -> str:
    """Current server time."""
    ctx = mcp.get_context()
    client = ctx.client_id
    return f"{datetime.now().isoformat()} for {client}"


@mcp.resource("weather://{city}/icon")
def icon(city: str) -> Image:
    return Image(path=f"icons/{city}.png")


@mcp.prompt()
def ask(city: str) -> list[TextContent]:
    return [TextContent(type="text", text=f"What is the weather in {city}?")]


async def describe() -> None:
    tools = await mcp.list_tools()
    for tool in tools:
        print(tool.name, tool.inputSchema, tool.outputSchema)


if __name__ == "__main__":
    mcp.settings.port = 9000
    mcp.run(transport="streamable-http")
