"""oauthgate - OAuth-aware connections to remote MCP servers."""

__version__ = "0.6.2"

from .discovery import AuthServerProfile, DiscoveryError, discover  # noqa: E402
from .gateway import build_pool, provider_for  # noqa: E402
from .group import Federation, qualified_name  # noqa: E402
from .handlers import HeadlessAuthorizer, LoopbackReceiver, parse_callback_url  # noqa: E402
from .httpfactory import PooledClientFactory  # noqa: E402
from .inventory import ServerProfile, ToolOutcome, list_all_tools  # noqa: E402
from .pool import SessionPool, should_reconnect  # noqa: E402
from .provider import GateProvider, build_client_metadata  # noqa: E402
from .settings import GatewaySettings, ServerEntry  # noqa: E402
from .storage import FileTokenStorage, MemoryTokenStorage  # noqa: E402

__all__ = [
    "AuthServerProfile",
    "DiscoveryError",
    "Federation",
    "FileTokenStorage",
    "GateProvider",
    "GatewaySettings",
    "HeadlessAuthorizer",
    "LoopbackReceiver",
    "MemoryTokenStorage",
    "PooledClientFactory",
    "ServerEntry",
    "ServerProfile",
    "SessionPool",
    "ToolOutcome",
    "build_client_metadata",
    "build_pool",
    "discover",
    "list_all_tools",
    "parse_callback_url",
    "provider_for",
    "qualified_name",
    "should_reconnect",
]
