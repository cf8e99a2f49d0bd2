"""Health checks for MCP servers."""

__version__ = "0.9.1"
