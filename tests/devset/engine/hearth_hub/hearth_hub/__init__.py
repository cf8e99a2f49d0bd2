"""Hearth home-automation MCP server."""

__all__ = ["__version__"]
__version__ = "0.9.0"
