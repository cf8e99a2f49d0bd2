"""Token models stored by the in-memory provider, and PKCE helpers."""

from __future__ import annotations

import base64
import hashlib
import secrets
import time

from pydantic import AnyUrl, BaseModel, Field

from mcp.server.auth.provider import AccessToken, AuthorizationCode, AuthorizationParams, RefreshToken


def new_token(prefix: str, nbytes: int = 32) -> str:
    """Opaque token with a human readable prefix (`ak_at_...`, `ak_rt_...`)."""
    return f"ak_{prefix}_{secrets.token_urlsafe(nbytes)}"


def pkce_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def new_pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    return verifier, pkce_challenge(verifier)


class KitAuthorizationCode(AuthorizationCode):
    issued_at: float = Field(default_factory=time.time)
    state: str | None = None


class KitRefreshToken(RefreshToken):
    access_token: str | None = None
    resource: str | None = None


class KitAccessToken(AccessToken):
    refresh_token: str | None = None
    issued_at: int = Field(default_factory=lambda: int(time.time()))


class PendingConsent(BaseModel):
    """An /authorize request parked until the resource owner approves it."""

    txn: str
    client_id: str
    client_name: str | None
    params: AuthorizationParams
    created_at: float

    @property
    def redirect_uri(self) -> AnyUrl:
        return self.params.redirect_uri

    @property
    def scopes(self) -> list[str]:
        return self.params.scopes or []
