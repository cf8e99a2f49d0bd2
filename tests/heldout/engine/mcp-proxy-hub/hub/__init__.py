"""mcp-proxy-hub: one MCP endpoint in front of many."""
