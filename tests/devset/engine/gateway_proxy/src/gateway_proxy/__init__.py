"""gateway_proxy: fan several MCP servers into one."""

from gateway_proxy.config import GatewayConfig, UpstreamSpec, load_config
from gateway_proxy.naming import join_name, split_name
from gateway_proxy.server import GatewayState, build_gateway
from gateway_proxy.upstream import Upstream, UpstreamPool

__all__ = [
    "GatewayConfig",
    "GatewayState",
    "Upstream",
    "UpstreamPool",
    "UpstreamSpec",
    "build_gateway",
    "join_name",
    "load_config",
    "split_name",
]

__version__ = "0.3.0"
