"""Mirror an MCP server's resource catalog into a local directory."""
