"""Expose a remote MCP server (streamable HTTP or SSE) as a local stdio server."""

from stdiobridge.audit import AuditLog
from stdiobridge.bridge import BridgeServer, StdioBridge
from stdiobridge.settings import BridgeSettings, load_settings

__all__ = ["AuditLog", "BridgeServer", "BridgeSettings", "StdioBridge", "load_settings"]
__version__ = "0.4.2"
