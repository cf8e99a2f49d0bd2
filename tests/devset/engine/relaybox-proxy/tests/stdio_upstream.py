"""A tiny upstream spawned over stdio by the end-to-end test."""

from __future__ import annotations

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("stdio-echo", host="127.0.0.1", port=9876, log_level="WARNING")


@mcp.tool()
def shout(text: str) -> str:
    """Upper-case the text."""
    return text.upper()


@mcp.resource("memo://today")
def today() -> str:
    return "nothing scheduled"


if __name__ == "__main__":
    mcp.run()
