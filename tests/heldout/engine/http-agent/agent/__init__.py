from .connection import McpConnection, ServerConfig

__all__ = ["McpConnection", "ServerConfig"]
