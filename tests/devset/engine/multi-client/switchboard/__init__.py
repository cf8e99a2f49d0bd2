"""switchboard: talk to many MCP servers through one client."""

__version__ = "0.6.0"

__all__ = ["__version__"]
