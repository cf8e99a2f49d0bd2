"""Token verification for running the vault as a pure resource server."""

from __future__ import annotations

import logging
from typing import Any

import httpx
from mcp.server.auth.provider import AccessToken, TokenVerifier

log = logging.getLogger(__name__)


class IntrospectionTokenVerifier(TokenVerifier):
    """Validate bearer tokens against an RFC 7662 introspection endpoint."""

    def __init__(self, endpoint: str, client: httpx.AsyncClient | None = None, audience: str | None = None) -> None:
        self.endpoint = endpoint
        self.audience = audience
        self._client = client

    async def _introspect(self, token: str) -> dict[str, Any]:
        if self._client is not None:
            response = await self._client.post(self.endpoint, data={"token": token})
        else:
            async with httpx.AsyncClient(timeout=5.0) as client:
                response = await client.post(self.endpoint, data={"token": token})
        response.raise_for_status()
        return response.json()

    async def verify_token(self, token: str) -> AccessToken | None:
        try:
            payload = await self._introspect(token)
        except httpx.HTTPError as exc:
            log.warning("introspection failed: %s", exc)
            return None
        if not payload.get("active"):
            return None
        if self.audience and payload.get("aud") != self.audience:
            return None
        return AccessToken(
            token=token,
            client_id=payload.get("client_id", "unknown"),
            scopes=payload.get("scope", "").split(),
            expires_at=payload.get("exp"),
            subject=payload.get("sub"),
            claims={k: v for k, v in payload.items() if k in ("iss", "aud")},
        )


class StaticTokenVerifier(TokenVerifier):
    """Fixed token table, for local development and tests."""

    def __init__(self, tokens: dict[str, list[str]]) -> None:
        self.tokens = tokens

    async def verify_token(self, token: str) -> AccessToken | None:
        scopes = self.tokens.get(token)
        if scopes is None:
            return None
        return AccessToken(token=token, client_id="static", scopes=scopes)
