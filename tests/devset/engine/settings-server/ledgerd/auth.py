"""Bearer-token verification for the HTTP transports."""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Mapping

from pydantic import AnyHttpUrl

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings

from ledgerd.config import ServerConfig, TokenGrant

log = logging.getLogger(__name__)


class LedgerAccessToken(AccessToken):
    """Access token carrying the ledger tenant alongside the OAuth fields."""

    tenant: str = "default"


class StaticTokenVerifier(TokenVerifier):
    """Verifies opaque tokens against a fixed table loaded from configuration.

    Good enough for service-to-service calls inside the cluster; the public
    deployment sits behind the OAuth gateway instead.
    """

    def __init__(self, grants: Mapping[str, TokenGrant], *, ttl_seconds: int = 3600, tenant: str = "default") -> None:
        self._grants = dict(grants)
        self._ttl = ttl_seconds
        self._tenant = tenant
        self.rejected = 0

    async def verify_token(self, token: str) -> AccessToken | None:
        for known, grant in self._grants.items():
            if hmac.compare_digest(known.encode(), token.encode()):
                return LedgerAccessToken(
                    token=token,
                    client_id=grant.client_id,
                    scopes=list(grant.scopes),
                    expires_at=int(time.time()) + self._ttl,
                    tenant=self._tenant,
                )
        self.rejected += 1
        log.info("rejected bearer token (%d so far)", self.rejected)
        return None


def build_auth(config: ServerConfig) -> tuple[AuthSettings | None, StaticTokenVerifier | None]:
    """Return the ``auth``/``token_verifier`` pair for the FastMCP constructor."""
    if not config.auth_enabled:
        return None, None
    resource_url = config.resource_server_url or config.public_url + config.layout().mcp
    settings = AuthSettings(
        issuer_url=AnyHttpUrl(config.issuer_url),
        resource_server_url=AnyHttpUrl(resource_url),
        required_scopes=list(config.required_scopes) or None,
    )
    return settings, StaticTokenVerifier(config.tokens, tenant=config.name)


def current_principal() -> dict[str, object] | None:
    """Describe the caller of the current HTTP request, if it authenticated."""
    token = get_access_token()
    if token is None:
        return None
    tenant = token.tenant if isinstance(token, LedgerAccessToken) else None
    return {"clientId": token.client_id, "scopes": sorted(token.scopes), "tenant": tenant}
