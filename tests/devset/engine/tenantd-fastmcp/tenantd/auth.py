"""Bearer-token auth: static token table -> tenant-scoped access tokens."""

from __future__ import annotations

import time
from typing import Any

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.fastmcp import Context
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_REQUEST, ErrorData

from tenantd.config import TokenGrant

TOKEN_TTL_SECONDS = 3600


class TenantAccessToken(AccessToken):
    """AccessToken that remembers which tenant it was issued for."""

    tenant_id: str


class StaticTokenVerifier(TokenVerifier):
    def __init__(self, grants: dict[str, TokenGrant], *, ttl: int = TOKEN_TTL_SECONDS) -> None:
        self._grants = dict(grants)
        self._ttl = ttl
        self._revoked: set[str] = set()

    async def verify_token(self, token: str) -> AccessToken | None:
        grant = self._grants.get(token)
        if grant is None or token in self._revoked:
            return None
        return TenantAccessToken(
            token=token,
            client_id=f"tenantd:{grant.tenant_id}",
            scopes=list(grant.scopes),
            expires_at=int(time.time()) + self._ttl,
            tenant_id=grant.tenant_id,
        )

    def revoke(self, token: str) -> None:
        self._revoked.add(token)


def current_scopes() -> list[str]:
    token = get_access_token()
    return list(token.scopes) if token else []


def current_tenant_id(ctx: Context[Any, Any, Any], default: str | None = None) -> str:
    """Tenant of the current request.

    HTTP requests carry a bearer token; local stdio sessions (the CLI, tests) may
    pass ``client_id`` in the request ``_meta`` instead.
    """
    token = get_access_token()
    if isinstance(token, TenantAccessToken):
        return token.tenant_id
    if token is not None:
        return token.client_id.removeprefix("tenantd:")
    if ctx.client_id:
        return ctx.client_id
    if default:
        return default
    raise McpError(ErrorData(code=INVALID_REQUEST, message="no tenant is bound to this request"))


def require_scope(scope: str) -> None:
    if scope not in current_scopes():
        raise McpError(ErrorData(code=INVALID_REQUEST, message=f"{scope} scope required"))
