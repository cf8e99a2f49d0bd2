"""A protected FastMCP server acting as an OAuth resource server."""

from __future__ import annotations

import logging
import time

import httpx
from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.transport_security import TransportSecuritySettings
from pydantic import AnyHttpUrl

from ..config import GatewaySettings

logger = logging.getLogger(__name__)


class IntrospectionTokenVerifier(TokenVerifier):
    """Validates bearer tokens with the authorization server (RFC 7662)."""

    def __init__(self, endpoint: str, resource: str) -> None:
        self.endpoint = endpoint
        self.resource = resource
        self._cache: dict[str, AccessToken] = {}

    async def verify_token(self, token: str) -> AccessToken | None:
        cached = self._cache.get(token)
        if cached and (cached.expires_at is None or cached.expires_at > time.time()):
            return cached
        async with httpx.AsyncClient(timeout=httpx.Timeout(10.0)) as client:
            try:
                resp = await client.post(self.endpoint, data={"token": token})
            except httpx.HTTPError as exc:
                logger.warning("introspection failed: %s", exc)
                return None
        if resp.status_code != 200:
            return None
        data = resp.json()
        if not data.get("active") or data.get("aud") not in (None, self.resource):
            return None
        access = AccessToken(
            token=token,
            client_id=data.get("client_id", "unknown"),
            scopes=data.get("scope", "").split(),
            expires_at=data.get("exp"),
            resource=data.get("aud"),
        )
        self._cache[token] = access
        return access


def build_secure_server(settings: GatewaySettings) -> FastMCP:
    server = FastMCP(
        "secure",
        instructions="Account tools. Requires an access token with the mcp:tools scope.",
        token_verifier=IntrospectionTokenVerifier(settings.introspection_endpoint, settings.secure_resource_url),
        auth=AuthSettings(
            issuer_url=AnyHttpUrl(settings.auth_issuer),
            resource_server_url=AnyHttpUrl(settings.secure_resource_url),
            required_scopes=[settings.required_scope],
        ),
        host=settings.host,
        port=settings.port,
        transport_security=TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=settings.allowed_hosts,
            allowed_origins=[settings.public_url],
        ),
        debug=settings.debug,
    )

    @server.tool()
    async def whoami(ctx: Context) -> dict[str, object]:
        """Describe the caller's token."""
        token = get_access_token()
        await ctx.info(f"whoami from {ctx.client_id or 'unknown client'}")
        if token is None:
            return {"authenticated": False}
        return {
            "authenticated": True,
            "client_id": token.client_id,
            "scopes": token.scopes,
            "expires_at": token.expires_at,
            "server": ctx.fastmcp.name,
        }

    @server.tool()
    async def list_invoices(ctx: Context, limit: int = 10) -> list[dict[str, object]]:
        """Latest invoices for the authenticated account."""
        token = get_access_token()
        if token is None or "invoices:read" not in token.scopes:
            await ctx.warning("missing invoices:read scope")
            return []
        return [{"id": f"inv-{i:04d}", "owner": token.client_id} for i in range(limit)]

    return server
