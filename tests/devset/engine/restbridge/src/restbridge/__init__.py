"""REST/OpenAPI gateway for MCP servers."""

from restbridge.app import create_app
from restbridge.config import BridgeConfig, UpstreamConfig
from restbridge.upstreams import UpstreamPool

__all__ = ["BridgeConfig", "UpstreamConfig", "UpstreamPool", "create_app"]
