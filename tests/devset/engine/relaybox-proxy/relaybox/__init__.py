"""relaybox: an MCP proxy/gateway that re-exposes upstream servers."""

from relaybox.config import GatewayConfig, UpstreamSpec
from relaybox.gateway import build_sse_app, create_gateway_server, run_gateway
from relaybox.proxy import create_proxy_server
from relaybox.upstream import open_upstream

__version__ = "0.3.0"

__all__ = ["GatewayConfig", "UpstreamSpec", "build_sse_app", "create_gateway_server", "create_proxy_server",
           "open_upstream", "run_gateway"]
