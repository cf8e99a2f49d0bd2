"""Tiny upstream used by examples/gateway.toml."""

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("echo")


@mcp.tool()
def echo(text: str) -> str:
    """Echo the text back."""
    return text


@mcp.resource("echo://motd", mime_type="text/plain")
def motd() -> str:
    return "hello from echo"


@mcp.prompt()
def shout(text: str) -> str:
    return f"Please repeat loudly: {text.upper()}"


if __name__ == "__main__":
    mcp.run()
