"""Mirror documentation from MCP servers."""

__version__ = "0.3.0"
