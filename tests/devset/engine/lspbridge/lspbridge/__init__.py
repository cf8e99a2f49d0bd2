"""MCP bridge for the Workspace Context VS Code extension."""

__version__ = "0.9.1"
