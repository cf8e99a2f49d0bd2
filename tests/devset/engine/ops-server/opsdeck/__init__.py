"""opsdeck: an MCP server for cluster, CI and alerting operations."""

from opsdeck.config import DeckSettings
from opsdeck.server import build_server

__all__ = ["DeckSettings", "build_server"]
__version__ = "0.7.2"
