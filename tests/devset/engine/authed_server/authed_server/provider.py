"""An in-memory OAuth 2.1 authorization server for the vault.

Good enough for a single-process deployment and for tests; swap for a real
IdP-backed provider in production.
"""

from __future__ import annotations

import secrets
import time

from mcp.server.auth.provider import (
    AccessToken,
    AuthorizationCode,
    AuthorizationParams,
    AuthorizeError,
    OAuthAuthorizationServerProvider,
    RefreshToken,
    TokenError,
    construct_redirect_uri,
)
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken
from pydantic import AnyUrl

from .config import READ_SCOPE, VaultConfig

CODE_TTL_SECONDS = 300


def seed_clients() -> list[OAuthClientInformationFull]:
    """Clients provisioned before dynamic registration existed."""
    return [
        OAuthClientInformationFull(
            client_id="vault-cli",
            client_secret=None,
            token_endpoint_auth_method="client_secret_post",
            redirect_uris=[AnyUrl("http://localhost:7777/callback")],
            grant_types=["authorization_code", "refresh_token"],
            scope="notes:read notes:write",
        ),
    ]


class InMemoryOAuthProvider(OAuthAuthorizationServerProvider[AuthorizationCode, RefreshToken, AccessToken]):
    def __init__(self, config: VaultConfig | None = None) -> None:
        self.config = config or VaultConfig()
        self.clients: dict[str, OAuthClientInformationFull] = {c.client_id or "": c for c in seed_clients()}
        self.codes: dict[str, AuthorizationCode] = {}
        self.access_tokens: dict[str, AccessToken] = {}
        self.refresh_tokens: dict[str, RefreshToken] = {}
        # access token -> refresh token, so revocation can drop both
        self._pairs: dict[str, str] = {}

    async def get_client(self, client_id: str) -> OAuthClientInformationFull | None:
        return self.clients.get(client_id)

    async def register_client(self, client_info: OAuthClientInformationFull) -> None:
        if not client_info.client_id:
            raise ValueError("client_id is required")
        self.clients[client_info.client_id] = client_info

    async def authorize(self, client: OAuthClientInformationFull, params: AuthorizationParams) -> str:
        if client.client_id is None:
            raise AuthorizeError(error="unauthorized_client", error_description="client has no id")
        code = AuthorizationCode(
            code=secrets.token_urlsafe(24),
            scopes=params.scopes or [READ_SCOPE],
            expires_at=time.time() + CODE_TTL_SECONDS,
            client_id=client.client_id,
            code_challenge=params.code_challenge,
            redirect_uri=params.redirect_uri,
            redirect_uri_provided_explicitly=params.redirect_uri_provided_explicitly,
            resource=params.resource,
            subject=f"user-of-{client.client_id}",
        )
        self.codes[code.code] = code
        # The vault has no login page: every authorization is auto-approved.
        return construct_redirect_uri(str(params.redirect_uri), code=code.code, state=params.state)

    async def load_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: str
    ) -> AuthorizationCode | None:
        code = self.codes.get(authorization_code)
        if code is None or code.client_id != client.client_id:
            return None
        return code

    def _issue(self, client_id: str, scopes: list[str], subject: str | None, resource: str | None) -> OAuthToken:
        access = AccessToken(
            token=f"vat_{secrets.token_hex(16)}",
            client_id=client_id,
            scopes=scopes,
            expires_at=int(time.time()) + self.config.token_ttl,
            resource=resource,
            subject=subject,
        )
        refresh = RefreshToken(token=f"vrt_{secrets.token_hex(16)}", client_id=client_id, scopes=scopes, subject=subject)
        self.access_tokens[access.token] = access
        self.refresh_tokens[refresh.token] = refresh
        self._pairs[access.token] = refresh.token
        return OAuthToken(
            access_token=access.token,
            token_type="Bearer",
            expires_in=self.config.token_ttl,
            scope=" ".join(scopes),
            refresh_token=refresh.token,
        )

    async def exchange_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: AuthorizationCode
    ) -> OAuthToken:
        if self.codes.pop(authorization_code.code, None) is None:
            raise TokenError(error="invalid_grant", error_description="authorization code already used")
        return self._issue(
            authorization_code.client_id,
            authorization_code.scopes,
            authorization_code.subject,
            authorization_code.resource,
        )

    async def load_refresh_token(self, client: OAuthClientInformationFull, refresh_token: str) -> RefreshToken | None:
        token = self.refresh_tokens.get(refresh_token)
        if token is None or token.client_id != client.client_id:
            return None
        return token

    async def exchange_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: RefreshToken, scopes: list[str]
    ) -> OAuthToken:
        if not set(scopes) <= set(refresh_token.scopes):
            raise TokenError(error="invalid_scope", error_description="cannot widen scopes on refresh")
        await self.revoke_token(refresh_token)
        return self._issue(refresh_token.client_id, scopes or refresh_token.scopes, refresh_token.subject, None)

    async def load_access_token(self, token: str) -> AccessToken | None:
        access = self.access_tokens.get(token)
        if access is None:
            return None
        if access.expires_at is not None and access.expires_at < time.time():
            del self.access_tokens[token]
            return None
        return access

    async def revoke_token(self, token: AccessToken | RefreshToken) -> None:
        if isinstance(token, AccessToken):
            self.access_tokens.pop(token.token, None)
            paired = self._pairs.pop(token.token, None)
            if paired:
                self.refresh_tokens.pop(paired, None)
            return
        self.refresh_tokens.pop(token.token, None)
        for access, refresh in list(self._pairs.items()):
            if refresh == token.token:
                self.access_tokens.pop(access, None)
                del self._pairs[access]
