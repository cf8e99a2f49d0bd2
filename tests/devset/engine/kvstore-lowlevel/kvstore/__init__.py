"""kvstore - a namespaced key-value store served over MCP with the lowlevel Server API."""

from kvstore.store import KVStore

__all__ = ["KVStore"]
__version__ = "0.4.1"
