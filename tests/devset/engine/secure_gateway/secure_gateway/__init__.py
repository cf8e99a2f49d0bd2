"""OAuth-protected MCP gateway for the reporting warehouse, plus client helpers."""
