"""mcp-relay: talk to many MCP servers through one client."""

__version__ = "0.6.2"

__all__ = ["__version__"]
