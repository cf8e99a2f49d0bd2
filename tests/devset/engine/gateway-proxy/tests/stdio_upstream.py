"""A tiny FastMCP server the stdio test launches as a subprocess."""

from mcp.server.fastmcp import FastMCP

server = FastMCP("stdio-notes")


@server.tool()
def reverse(text: str) -> str:
    """Reverse a string."""
    return text[::-1]


@server.resource("note://stdio/hello")
def hello() -> str:
    return "hello over stdio"


if __name__ == "__main__":
    server.run()
