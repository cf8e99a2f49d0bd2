"""Variant for FastMCP Cloud, written against the separate `fastmcp` package (jlowin/fastmcp).

This module is NOT the MCP SDK's FastMCP: mcp-migrate must leave it alone.
"""

from fastmcp import Context, FastMCP
from fastmcp.exceptions import ToolError

cloud = FastMCP("weather-cloud", instructions="Weather tools on FastMCP Cloud", port=9000)


@cloud.tool()
async def ping(ctx: Context) -> str:
    await ctx.info("ping", extra={"source": "cloud"})
    await ctx.log(level="info", message="pong")
    return "pong"


@cloud.tool()
def fail() -> str:
    raise ToolError("always fails")


if __name__ == "__main__":
    cloud.run(transport="streamable-http")
