"""Resource-server side: validate bearer tokens against the IdP's introspection endpoint."""

from __future__ import annotations

import logging

import httpx
from mcp.server.auth.provider import AccessToken, TokenVerifier

log = logging.getLogger(__name__)


class IntrospectionTokenVerifier(TokenVerifier):
    def __init__(
        self,
        introspection_url: str,
        client_id: str,
        client_secret: str,
        resource_url: str,
    ) -> None:
        self.introspection_url = introspection_url
        self.auth = httpx.BasicAuth(client_id, client_secret)
        self.resource_url = resource_url

    async def verify_token(self, token: str) -> AccessToken | None:
        try:
            async with httpx.AsyncClient(timeout=5.0, auth=self.auth) as client:
                response = await client.post(self.introspection_url, data={"token": token})
                response.raise_for_status()
        except (httpx.HTTPStatusError, httpx.RequestError) as exc:
            log.warning("introspection failed: %s", exc)
            return None

        data = response.json()
        if not data.get("active"):
            return None
        audience = data.get("aud")
        if self.resource_url not in (audience if isinstance(audience, list) else [audience]):
            return None
        return AccessToken(
            token=token,
            client_id=data.get("client_id", "unknown"),
            scopes=str(data.get("scope", "")).split(),
            expires_at=data.get("exp"),
            resource=self.resource_url,
            subject=data.get("sub"),
            claims={k: data[k] for k in ("iss", "act", "azp") if k in data},
        )
