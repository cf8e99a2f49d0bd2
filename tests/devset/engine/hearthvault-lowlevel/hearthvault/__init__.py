"""HearthVault: a home-automation hub speaking MCP."""
