"""opsbot: a chat-ops bot that exposes MCP servers to a team channel via slash commands."""
