"""authkit: an in-memory OAuth authorization server toolkit for FastMCP servers."""

from authkit.audit import AuditLog
from authkit.config import KitSettings
from authkit.provider import InMemoryOAuthProvider
from authkit.scopes import ScopeList, ScopePolicy, parse_scopes
from authkit.server import KitServer, build_auth_settings, build_server, require_scopes
from authkit.verifier import IntrospectionTokenVerifier, StaticTokenVerifier

__version__ = "0.6.2"

__all__ = [
    "AuditLog",
    "InMemoryOAuthProvider",
    "IntrospectionTokenVerifier",
    "KitServer",
    "KitSettings",
    "ScopeList",
    "ScopePolicy",
    "StaticTokenVerifier",
    "build_auth_settings",
    "build_server",
    "parse_scopes",
    "require_scopes",
]
