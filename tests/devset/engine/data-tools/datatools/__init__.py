"""MCP server for exploring tabular datasets."""

from datatools.config import ServerConfig
from datatools.server import create_server

__all__ = ["ServerConfig", "create_server"]
__version__ = "0.3.0"
