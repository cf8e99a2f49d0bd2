"""pluginhost: a small plugin host built on the MCP FastMCP server."""

__version__ = "0.6.2"

__all__ = ["__version__"]
