"""proxy-bridge: aggregate several MCP servers behind one endpoint."""

__version__ = "0.6.2"

__all__ = ["__version__"]
