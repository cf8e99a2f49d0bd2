"""mcp-migrate: rewrite Python projects from MCP Python SDK v1 to v2 (stdlib only)."""

__version__ = "0.1.0"
