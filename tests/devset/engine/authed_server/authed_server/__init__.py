"""notes-vault: an OAuth-protected MCP server."""

from .app import app, create_app, mcp, provider
from .config import READ_SCOPE, WRITE_SCOPE, VaultConfig
from .provider import InMemoryOAuthProvider
from .server import build_resource_server, build_server, store
from .verifier import IntrospectionTokenVerifier, StaticTokenVerifier

__all__ = [
    "READ_SCOPE",
    "WRITE_SCOPE",
    "InMemoryOAuthProvider",
    "IntrospectionTokenVerifier",
    "StaticTokenVerifier",
    "VaultConfig",
    "app",
    "build_resource_server",
    "build_server",
    "create_app",
    "mcp",
    "provider",
    "store",
]
