"""Auth wiring: IdP token introspection in prod, an in-memory AS for local dev."""

from __future__ import annotations

import logging
import os
import secrets
import time

import httpx
from pydantic import AnyHttpUrl

from mcp.server.auth.provider import (
    AccessToken,
    AuthorizationCode,
    AuthorizationParams,
    OAuthAuthorizationServerProvider,
    RefreshToken,
    TokenVerifier,
    construct_redirect_uri,
)
from mcp.server.auth.settings import AuthSettings, ClientRegistrationOptions, RevocationOptions
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken

logger = logging.getLogger(__name__)

ISSUER_URL = os.environ.get("ORDERS_ISSUER_URL", "https://login.example.com")
RESOURCE_URL = os.environ.get("ORDERS_RESOURCE_URL", "http://localhost:8080/mcp")
INTROSPECTION_URL = f"{ISSUER_URL}/oauth2/introspect"


class IntrospectionTokenVerifier(TokenVerifier):
    """Validates opaque tokens with the IdP introspection endpoint."""

    def __init__(self, endpoint: str, client_id: str, client_secret: str) -> None:
        self.endpoint = endpoint
        self._auth = httpx.BasicAuth(client_id, client_secret)

    async def verify_token(self, token: str) -> AccessToken | None:
        try:
            async with httpx.AsyncClient(timeout=httpx.Timeout(5.0)) as client:
                resp = await client.post(self.endpoint, data={"token": token}, auth=self._auth)
                resp.raise_for_status()
        except httpx.HTTPError as exc:
            logger.warning("token introspection failed: %s", exc)
            return None
        data = resp.json()
        if not data.get("active"):
            return None
        return AccessToken(
            token=token,
            client_id=data.get("client_id", "unknown"),
            scopes=str(data.get("scope", "")).split(),
            expires_at=data.get("exp"),
            subject=data.get("sub"),
        )


class DevOAuthProvider(OAuthAuthorizationServerProvider[AuthorizationCode, RefreshToken, AccessToken]):
    """In-memory authorization server that auto-approves everything. DEV ONLY."""

    def __init__(self) -> None:
        self.clients: dict[str, OAuthClientInformationFull] = {}
        self.codes: dict[str, AuthorizationCode] = {}
        self.tokens: dict[str, AccessToken] = {}
        self.refresh_tokens: dict[str, RefreshToken] = {}

    async def get_client(self, client_id: str) -> OAuthClientInformationFull | None:
        return self.clients.get(client_id)

    async def register_client(self, client_info: OAuthClientInformationFull) -> None:
        self.clients[client_info.client_id or secrets.token_hex(8)] = client_info

    async def authorize(self, client: OAuthClientInformationFull, params: AuthorizationParams) -> str:
        code = secrets.token_urlsafe(16)
        self.codes[code] = AuthorizationCode(
            code=code,
            scopes=params.scopes or ["orders:read"],
            expires_at=time.time() + 300,
            client_id=client.client_id or "",
            code_challenge=params.code_challenge,
            redirect_uri=params.redirect_uri,
            redirect_uri_provided_explicitly=params.redirect_uri_provided_explicitly,
            resource=params.resource,
            subject="dev-user",
        )
        return construct_redirect_uri(str(params.redirect_uri), code=code, state=params.state)

    async def load_authorization_code(self, client: OAuthClientInformationFull, authorization_code: str):
        return self.codes.get(authorization_code)

    async def exchange_authorization_code(self, client: OAuthClientInformationFull, authorization_code: AuthorizationCode):
        self.codes.pop(authorization_code.code, None)
        return self._issue(client.client_id or "", authorization_code.scopes, authorization_code.subject)

    async def load_refresh_token(self, client: OAuthClientInformationFull, refresh_token: str):
        return self.refresh_tokens.get(refresh_token)

    async def exchange_refresh_token(self, client: OAuthClientInformationFull, refresh_token: RefreshToken, scopes: list[str]):
        return self._issue(refresh_token.client_id, scopes or refresh_token.scopes, refresh_token.subject)

    async def load_access_token(self, token: str) -> AccessToken | None:
        return self.tokens.get(token)

    async def revoke_token(self, token: AccessToken | RefreshToken) -> None:
        self.tokens.pop(token.token, None)
        self.refresh_tokens.pop(token.token, None)

    def _issue(self, client_id: str, scopes: list[str], subject: str | None) -> OAuthToken:
        access, refresh = secrets.token_hex(24), secrets.token_hex(24)
        expires = int(time.time()) + 3600
        self.tokens[access] = AccessToken(token=access, client_id=client_id, scopes=scopes, expires_at=expires, subject=subject)
        self.refresh_tokens[refresh] = RefreshToken(token=refresh, client_id=client_id, scopes=scopes, subject=subject)
        return OAuthToken(access_token=access, expires_in=3600, scope=" ".join(scopes), refresh_token=refresh)


def auth_settings(dev: bool) -> AuthSettings:
    if dev:
        return AuthSettings(
            issuer_url=AnyHttpUrl("http://localhost:8080"),
            resource_server_url=None,
            client_registration_options=ClientRegistrationOptions(enabled=True, valid_scopes=["orders:read", "orders:write"]),
            revocation_options=RevocationOptions(enabled=True),
            required_scopes=["orders:read"],
        )
    return AuthSettings(
        issuer_url=AnyHttpUrl(ISSUER_URL),
        resource_server_url=AnyHttpUrl(RESOURCE_URL),
        required_scopes=["orders:read"],
    )


def token_verifier() -> IntrospectionTokenVerifier:
    return IntrospectionTokenVerifier(
        INTROSPECTION_URL,
        os.environ.get("ORDERS_INTROSPECTION_CLIENT_ID", "orders-mcp"),
        os.environ.get("ORDERS_INTROSPECTION_SECRET", ""),
    )
