"""mcpgen: scaffold MCP servers from a declarative spec, preview them, or emit source."""

__version__ = "0.9.1"
