"""Metrics warehouse MCP server."""

__version__ = "0.6.1"
