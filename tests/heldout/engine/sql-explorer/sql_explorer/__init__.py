"""Read-mostly SQL explorer exposed over MCP (low-level server API)."""

from .app import SqlExplorerServer

__all__ = ["SqlExplorerServer"]
