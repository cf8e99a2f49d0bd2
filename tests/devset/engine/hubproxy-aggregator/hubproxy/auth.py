"""Bearer-token auth for the hub, and credentials for talking to upstreams."""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Callable, Generator, Mapping

import httpx
from pydantic import AnyHttpUrl

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.transport_security import TransportSecuritySettings

from hubproxy.config import HubConfig, TokenGrant

logger = logging.getLogger(__name__)

SCOPE_READ, SCOPE_CALL, SCOPE_ADMIN = "hub.read", "hub.call", "hub.admin"


class HubAccessToken(AccessToken):
    tenant: str | None = None


class StaticTokenVerifier(TokenVerifier):
    """Verifies the static API tokens configured through ``HUB_API_TOKENS``."""

    def __init__(self, grants: Mapping[str, TokenGrant], *, clock: Callable[[], float] = time.time) -> None:
        self._grants = dict(grants)
        self._clock = clock
        self.rejected = 0

    async def verify_token(self, token: str) -> AccessToken | None:
        for candidate, grant in self._grants.items():
            if not hmac.compare_digest(candidate.encode(), token.encode()):
                continue
            if grant.expires_at is not None and grant.expires_at < self._clock():
                break
            scopes = list(grant.scopes)
            return HubAccessToken(token=token, client_id=grant.client_id, scopes=scopes, expires_at=grant.expires_at, tenant=grant.tenant)
        self.rejected += 1
        return None


def build_auth_settings(config: HubConfig) -> AuthSettings | None:
    if not config.auth_enabled or config.issuer_url is None:
        return None
    return AuthSettings(
        issuer_url=AnyHttpUrl(config.issuer_url),
        resource_server_url=AnyHttpUrl(config.resource_server_url or f"http://{config.host}:{config.port}/mcp"),
        required_scopes=config.required_scopes or None,
    )


def build_transport_security(config: HubConfig) -> TransportSecuritySettings | None:
    if not config.allowed_hosts:
        return None
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=list(config.allowed_hosts),
        allowed_origins=[f"{scheme}://{host}" for host in config.allowed_hosts for scheme in ("http", "https")],
    )


def current_principal() -> str:
    token = get_access_token()
    return token.client_id if token is not None else "anonymous"


def current_tenant() -> str | None:
    token = get_access_token()
    return token.tenant if isinstance(token, HubAccessToken) else None


def has_scope(scope: str) -> bool:
    """True when the caller holds ``scope``; unauthenticated transports pass."""
    token = get_access_token()
    return token is None or scope in token.scopes or SCOPE_ADMIN in token.scopes


class UpstreamBearerAuth(httpx.Auth):
    """Adds a static bearer token to every request made to an upstream."""

    def __init__(self, token: str, *, upstream: str) -> None:
        self._token = token
        self._upstream = upstream
        self.unauthorized = 0

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        response = yield request
        if response.status_code in (httpx.codes.UNAUTHORIZED, httpx.codes.FORBIDDEN):
            self.unauthorized += 1
            logger.warning("upstream %s refused our credentials (%s)", self._upstream, response.status_code)
