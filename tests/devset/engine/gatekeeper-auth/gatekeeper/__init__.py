"""gatekeeper: a scoped secrets vault exposed over MCP."""
