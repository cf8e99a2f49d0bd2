"""Token verifiers for resource servers.

`IntrospectionTokenVerifier` asks a (possibly remote) authorization server
about every bearer token via RFC 7662, caching positive answers briefly.
`StaticTokenVerifier` serves fixed tokens for local development.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.auth_utils import check_resource_allowed, resource_url_from_server_url

from authkit.scopes import parse_scopes

logger = logging.getLogger(__name__)

_PASSTHROUGH_CLAIMS = ("iss", "iat", "username", "token_type")


class IntrospectionTokenVerifier(TokenVerifier):
    def __init__(
        self,
        introspection_endpoint: str,
        *,
        client_id: str,
        client_secret: str,
        resource_url: str | None = None,
        http_client_factory: McpHttpClientFactory = create_mcp_http_client,
        timeout: float = 10.0,
        cache_ttl: float = 30.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.introspection_endpoint = introspection_endpoint
        self.client_id = client_id
        self._client_secret = client_secret
        self.resource_url = resource_url_from_server_url(resource_url) if resource_url else None
        self._factory = http_client_factory
        self._timeout = timeout
        self._cache_ttl = cache_ttl
        self._clock = clock
        self._cache: dict[str, tuple[float, AccessToken]] = {}
        self.calls = 0

    async def verify_token(self, token: str) -> AccessToken | None:
        cached = self._cache.get(token)
        if cached is not None:
            stored_at, access = cached
            if stored_at + self._cache_ttl > self._clock():
                return access
            del self._cache[token]

        data = await self._introspect(token)
        if data is None or not data.get("active"):
            return None
        if not self._audience_ok(data.get("aud")):
            logger.warning("token for %s presented to %s; rejecting", data.get("aud"), self.resource_url)
            return None

        access = AccessToken(
            token=token,
            client_id=str(data.get("client_id", "")),
            scopes=parse_scopes(data.get("scope")),
            expires_at=int(data["exp"]) if data.get("exp") is not None else None,
            resource=data.get("aud"),
            subject=data.get("sub"),
            claims={key: data[key] for key in _PASSTHROUGH_CLAIMS if key in data},
        )
        self._cache[token] = (self._clock(), access)
        return access

    async def _introspect(self, token: str) -> dict[str, Any] | None:
        self.calls += 1
        auth = httpx.BasicAuth(self.client_id, self._client_secret)
        async with self._factory(timeout=httpx.Timeout(self._timeout), auth=auth) as client:
            try:
                response = await client.post(
                    self.introspection_endpoint,
                    data={"token": token, "token_type_hint": "access_token", "client_id": self.client_id},
                )
            except httpx.HTTPError as exc:
                logger.warning("introspection request failed: %s", exc)
                return None
        if response.status_code != 200:
            logger.warning("introspection endpoint answered %s", response.status_code)
            return None
        payload = response.json()
        return payload if isinstance(payload, dict) else None

    def _audience_ok(self, audience: object) -> bool:
        if self.resource_url is None:
            return True
        if not isinstance(audience, str):
            return False
        return check_resource_allowed(requested_resource=self.resource_url, configured_resource=audience)

    def forget(self, token: str | None = None) -> None:
        if token is None:
            self._cache.clear()
        else:
            self._cache.pop(token, None)


class StaticTokenVerifier(TokenVerifier):
    """Accepts a fixed set of tokens; handy for `authkit serve --dev-token`."""

    def __init__(self, tokens: Mapping[str, AccessToken] | None = None) -> None:
        self._tokens: dict[str, AccessToken] = dict(tokens or {})

    def add(self, token: str, client_id: str, scopes: list[str], *, ttl: int | None = None) -> AccessToken:
        expires_at = int(time.time()) + ttl if ttl else None
        access = AccessToken(token=token, client_id=client_id, scopes=scopes, expires_at=expires_at)
        self._tokens[token] = access
        return access

    async def verify_token(self, token: str) -> AccessToken | None:
        return self._tokens.get(token)
