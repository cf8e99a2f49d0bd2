"""shellpilot: a terminal assistant that talks to several MCP servers at once."""

__version__ = "0.6.2"

__all__ = ["__version__"]
