"""confgate: expose a configuration directory to MCP clients."""

from .server import GatewayServer, create_gateway
from .settings import GatewaySettings, load_settings

__all__ = ["GatewayServer", "GatewaySettings", "create_gateway", "load_settings"]
