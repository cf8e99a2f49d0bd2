"""gatehouse: deploy OAuth-protected MCP servers and connect to them."""

from gatehouse.settings import DeploymentSettings, ScopeSet
from gatehouse.tokens import TokenClaims, TokenCodec, TokenRejected

__all__ = ["DeploymentSettings", "ScopeSet", "TokenClaims", "TokenCodec", "TokenRejected"]
