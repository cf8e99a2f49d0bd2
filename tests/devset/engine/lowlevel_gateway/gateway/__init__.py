"""mcp-gateway: aggregate several MCP servers behind one endpoint."""

__version__ = "0.5.0"
