"""promptdeck: a shared prompt library over MCP."""

__version__ = "1.3.0"
