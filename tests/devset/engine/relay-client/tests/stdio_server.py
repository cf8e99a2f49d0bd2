"""Tiny upstream launched as a real subprocess by the stdio transport test."""

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("stdio-notes")


@mcp.tool()
def shout(text: str) -> str:
    return text.upper()


@mcp.resource("notes://motd")
def motd() -> str:
    return "hello from stdio"


if __name__ == "__main__":
    mcp.run()
