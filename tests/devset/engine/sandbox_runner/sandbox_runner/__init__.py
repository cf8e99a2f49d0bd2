"""Execute Python snippets for MCP clients."""

__version__ = "0.4.2"
