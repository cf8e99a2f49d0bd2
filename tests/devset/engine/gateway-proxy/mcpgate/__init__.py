"""mcpgate: one MCP endpoint in front of many MCP servers."""

from mcpgate.catalog import Catalog
from mcpgate.config import GatewaySettings, UpstreamSpec, load_settings
from mcpgate.gateway import Gateway, GatewayState
from mcpgate.version import __version__

__all__ = ["Catalog", "Gateway", "GatewaySettings", "GatewayState", "UpstreamSpec", "__version__", "load_settings"]
