"""mcp-server-fsdocs: Markdown documentation served over MCP (lowlevel server)."""

__version__ = "0.4.2"
