"""hubproxy: one MCP endpoint in front of many MCP servers."""

__version__ = "0.6.2"

__all__ = ["__version__"]
