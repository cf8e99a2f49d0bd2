"""Token verification (resource-server side) and token storage (client side)."""

from __future__ import annotations

import time

from mcp.client.auth import TokenStorage
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken


class StaticTokenVerifier(TokenVerifier):
    """Verifies opaque tokens against a table loaded from the ops config."""

    def __init__(self, table: dict[str, tuple[str, list[str], int | None]]) -> None:
        self._table = table

    async def verify_token(self, token: str) -> AccessToken | None:
        entry = self._table.get(token)
        if entry is None:
            return None
        client_id, scopes, expires_at = entry
        if expires_at is not None and expires_at < int(time.time()):
            return None
        return AccessToken(token=token, client_id=client_id, scopes=scopes, expires_at=expires_at)


class MemoryTokenStorage(TokenStorage):
    def __init__(self) -> None:
        self.tokens: OAuthToken | None = None
        self.client_info: OAuthClientInformationFull | None = None

    async def get_tokens(self) -> OAuthToken | None:
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.tokens = tokens

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        return self.client_info

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self.client_info = client_info
