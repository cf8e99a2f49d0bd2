"""Orders service MCP integration."""

__version__ = "0.4.2"
