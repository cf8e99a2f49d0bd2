"""On-call operations MCP server."""

from opsserver.server import OpsServer

__all__ = ["OpsServer"]
__version__ = "0.9.4"
