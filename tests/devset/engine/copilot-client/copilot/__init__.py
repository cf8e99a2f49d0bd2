"""Copilot IDE assistant: the MCP client side."""

from mcp.types import Implementation

CLIENT_INFO = Implementation(name="copilot-ide", version="0.12.0", title="Copilot IDE Assistant")

__all__ = ["CLIENT_INFO"]
