"""deskclient - a desktop MCP client."""

__version__ = "2.1.0"
