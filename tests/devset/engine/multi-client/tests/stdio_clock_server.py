"""A tiny stdio server used by the CLI and session-group tests."""

from datetime import datetime, timezone

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("clock")


@mcp.tool()
def now() -> str:
    """Current UTC time in ISO format."""
    return datetime.now(timezone.utc).isoformat()


@mcp.tool()
def add(a: int, b: int) -> int:
    return a + b


@mcp.resource("clock://zones")
def zones() -> str:
    return "UTC\nEurope/Paris"


if __name__ == "__main__":
    mcp.run()
