"""In-memory OAuth 2.1 authorization server provider.

Implements the SDK's `OAuthAuthorizationServerProvider` protocol: dynamic
client registration, a consent step (or auto-approval), PKCE authorization
codes, rotating refresh tokens, revocation and RFC 7662 introspection.
Nothing is persisted; restart the process and every client is gone.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Iterable
from typing import Any, Literal

from pydantic import AnyHttpUrl, AnyUrl

from mcp.server.auth.provider import (
    AuthorizationParams,
    AuthorizeError,
    OAuthAuthorizationServerProvider,
    RegistrationError,
    TokenError,
    construct_redirect_uri,
)
from mcp.shared.auth import (
    InvalidRedirectUriError,
    InvalidScopeError,
    OAuthClientInformationFull,
    OAuthClientMetadata,
    OAuthToken,
)
from mcp.shared.auth_utils import check_resource_allowed

from authkit.audit import AuditLog
from authkit.config import KitSettings
from authkit.scopes import ScopePolicy, parse_scopes
from authkit.tokens import KitAccessToken, KitAuthorizationCode, KitRefreshToken, PendingConsent, new_token

logger = logging.getLogger(__name__)

AuthMethod = Literal["none", "client_secret_post", "client_secret_basic", "private_key_jwt"]
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


def redirect_uri_allowed(uri: AnyUrl) -> bool:
    """https anywhere, plain http only on loopback, or a private-use scheme (`com.example.app:/cb`)."""
    if uri.scheme == "https":
        return True
    if uri.scheme == "http":
        return uri.host in LOOPBACK_HOSTS
    return "." in uri.scheme


def client_auth_method(client: OAuthClientInformationFull) -> AuthMethod:
    method: AuthMethod = client.token_endpoint_auth_method or "client_secret_post"
    return method


def require_client_id(client: OAuthClientInformationFull) -> str:
    if client.client_id is None:
        raise RegistrationError("invalid_client_metadata", "client_id is required")
    return client.client_id


class InMemoryOAuthProvider(OAuthAuthorizationServerProvider[KitAuthorizationCode, KitRefreshToken, KitAccessToken]):
    def __init__(
        self,
        settings: KitSettings,
        *,
        clock: Callable[[], float] = time.time,
        audit: AuditLog | None = None,
    ) -> None:
        self.settings = settings
        self.policy = ScopePolicy(allowed=settings.valid_scopes, default=settings.required_scopes)
        self.audit = audit or AuditLog(clock=clock)
        self._clock = clock
        self.clients: dict[str, OAuthClientInformationFull] = {}
        self.codes: dict[str, KitAuthorizationCode] = {}
        self.access_tokens: dict[str, KitAccessToken] = {}
        self.refresh_tokens: dict[str, KitRefreshToken] = {}
        self.pending: dict[str, PendingConsent] = {}

    def now(self) -> float:
        return self._clock()

    # -- clients -------------------------------------------------------------

    async def get_client(self, client_id: str) -> OAuthClientInformationFull | None:
        return self.clients.get(client_id)

    def check_metadata(self, metadata: OAuthClientMetadata, redirect_uri: AnyUrl | None = None) -> list[str]:
        """Validate requested scopes / redirect URI the same way /authorize will."""
        for uri in metadata.redirect_uris or []:
            if not redirect_uri_allowed(uri):
                raise RegistrationError("invalid_redirect_uri", f"redirect_uri {uri} must be https or loopback")
        rejected = self.policy.rejects(parse_scopes(metadata.scope))
        if rejected:
            raise RegistrationError("invalid_client_metadata", f"unknown scope(s): {' '.join(rejected)}")
        try:
            if redirect_uri is not None:
                metadata.validate_redirect_uri(redirect_uri)
            return metadata.validate_scope(metadata.scope) or []
        except (InvalidScopeError, InvalidRedirectUriError) as exc:
            raise RegistrationError("invalid_client_metadata", exc.message) from exc

    async def register_client(self, client_info: OAuthClientInformationFull) -> None:
        client_id = require_client_id(client_info)
        scopes = self.check_metadata(client_info)
        if client_info.scope is None:
            client_info.scope = " ".join(self.policy.default)
        self.clients[client_id] = client_info
        self.audit.record("client.registered", client_id=client_id, scopes=scopes or list(self.policy.default))
        logger.info("registered client %s (%s)", client_id, client_info.client_name or "unnamed")

    def preregister(
        self,
        client_id: str,
        redirect_uris: Iterable[str],
        *,
        client_secret: str | None = None,
        scopes: Iterable[str] | None = None,
        auth_method: AuthMethod = "client_secret_post",
        client_name: str | None = None,
    ) -> OAuthClientInformationFull:
        """Seed a confidential (or public) client without going through /register."""
        info = OAuthClientInformationFull(
            client_id=client_id,
            client_secret=client_secret,
            client_id_issued_at=int(self.now()),
            redirect_uris=[AnyUrl(uri) for uri in redirect_uris],
            token_endpoint_auth_method=auth_method,
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
            scope=" ".join(scopes) if scopes is not None else " ".join(self.policy.default),
            client_name=client_name,
        )
        self.check_metadata(info)
        self.clients[client_id] = info
        return info

    # -- authorization -------------------------------------------------------

    async def authorize(self, client: OAuthClientInformationFull, params: AuthorizationParams) -> str:
        client_id = require_client_id(client)
        registered = parse_scopes(client.scope) or None
        granted = self.policy.narrow(params.scopes, registered)
        refused = [scope for scope in params.scopes or [] if scope not in granted]
        if refused:
            self.audit.record("authorize.denied", client_id=client_id, scopes=refused, is_error=True)
            raise AuthorizeError("invalid_scope", f"scope(s) not allowed for this client: {' '.join(refused)}")
        if params.resource and not check_resource_allowed(params.resource, self.settings.resource_server_url):
            raise AuthorizeError("invalid_request", f"unknown resource {params.resource}")

        params = params.model_copy(update={"scopes": granted})
        if self.settings.auto_approve:
            return self._code_redirect(client_id, params, subject=f"client:{client_id}")

        txn = secrets.token_urlsafe(16)
        self.pending[txn] = PendingConsent(
            txn=txn,
            client_id=client_id,
            client_name=client.client_name,
            params=params,
            created_at=self.now(),
        )
        return construct_redirect_uri(self.settings.consent_url, txn=txn)

    def get_pending(self, txn: str) -> PendingConsent | None:
        pending = self.pending.get(txn)
        if pending is not None and pending.created_at + self.settings.code_ttl < self.now():
            del self.pending[txn]
            return None
        return pending

    def approve(self, txn: str, subject: str) -> str:
        pending = self.get_pending(txn)
        if pending is None:
            raise AuthorizeError("access_denied", "consent request expired or unknown")
        del self.pending[txn]
        self.audit.record("consent.approved", client_id=pending.client_id, subject=subject, scopes=pending.scopes)
        return self._code_redirect(pending.client_id, pending.params, subject=subject)

    def deny(self, txn: str) -> str:
        pending = self.pending.pop(txn, None)
        if pending is None:
            raise AuthorizeError("access_denied", "consent request expired or unknown")
        self.audit.record("consent.denied", client_id=pending.client_id, is_error=True)
        return construct_redirect_uri(
            str(pending.redirect_uri),
            error="access_denied",
            error_description="the resource owner denied the request",
            state=pending.params.state,
        )

    def _code_redirect(self, client_id: str, params: AuthorizationParams, subject: str) -> str:
        code = KitAuthorizationCode(
            code=new_token("code", 24),
            scopes=params.scopes or [],
            expires_at=self.now() + self.settings.code_ttl,
            client_id=client_id,
            code_challenge=params.code_challenge,
            redirect_uri=params.redirect_uri,
            redirect_uri_provided_explicitly=params.redirect_uri_provided_explicitly,
            resource=params.resource,
            subject=subject,
            state=params.state,
        )
        self.codes[code.code] = code
        return construct_redirect_uri(str(params.redirect_uri), code=code.code, state=params.state)

    async def load_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: str
    ) -> KitAuthorizationCode | None:
        code = self.codes.get(authorization_code)
        if code is None or code.client_id != client.client_id:
            return None
        return code

    async def exchange_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: KitAuthorizationCode
    ) -> OAuthToken:
        if self.codes.pop(authorization_code.code, None) is None:
            raise TokenError("invalid_grant", "authorization code was already used")
        if authorization_code.expires_at < self.now():
            raise TokenError("invalid_grant", "authorization code has expired")
        return self._issue(
            require_client_id(client),
            authorization_code.scopes,
            subject=authorization_code.subject,
            resource=authorization_code.resource,
        )

    # -- tokens --------------------------------------------------------------

    def _issue(
        self, client_id: str, scopes: list[str], *, subject: str | None, resource: str | None
    ) -> OAuthToken:
        now = self.now()
        ttl = self.settings.access_token_ttl
        access = KitAccessToken(
            token=new_token("at"),
            client_id=client_id,
            scopes=list(scopes),
            expires_at=int(now + ttl),
            resource=resource or self.settings.resource_server_url,
            subject=subject,
            claims={"iss": self.settings.issuer_url},
            issued_at=int(now),
        )
        refresh_ttl = self.settings.refresh_token_ttl
        refresh = KitRefreshToken(
            token=new_token("rt"),
            client_id=client_id,
            scopes=list(scopes),
            expires_at=int(now + refresh_ttl) if refresh_ttl else None,
            subject=subject,
            access_token=access.token,
            resource=resource,
        )
        access.refresh_token = refresh.token
        self.access_tokens[access.token] = access
        self.refresh_tokens[refresh.token] = refresh
        self.audit.record("token.issued", client_id=client_id, subject=subject, scopes=scopes, expires_at=access.expires_at)
        return OAuthToken(
            access_token=access.token,
            token_type="Bearer",
            expires_in=ttl,
            scope=" ".join(scopes),
            refresh_token=refresh.token,
        )

    def mint_access_token(
        self,
        client_id: str,
        scopes: Iterable[str],
        *,
        subject: str | None = None,
        resource: str | None = None,
    ) -> KitAccessToken:
        """Issue a token pair out of band (CLI `authkit token`, fixtures)."""
        issued = self._issue(client_id, list(scopes), subject=subject, resource=resource)
        return self.access_tokens[issued.access_token]

    async def load_refresh_token(self, client: OAuthClientInformationFull, refresh_token: str) -> KitRefreshToken | None:
        token = self.refresh_tokens.get(refresh_token)
        if token is None or token.client_id != client.client_id:
            return None
        if token.expires_at is not None and token.expires_at < self.now():
            self.refresh_tokens.pop(refresh_token, None)
            return None
        return token

    async def exchange_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: KitRefreshToken, scopes: list[str]
    ) -> OAuthToken:
        widened = [scope for scope in scopes if scope not in refresh_token.scopes]
        if widened:
            raise TokenError("invalid_scope", f"cannot widen scope on refresh: {' '.join(widened)}")
        if refresh_token.token not in self.refresh_tokens:
            raise TokenError("invalid_grant", "refresh token was revoked")
        await self.revoke_token(refresh_token)
        return self._issue(
            require_client_id(client),
            scopes or refresh_token.scopes,
            subject=refresh_token.subject,
            resource=refresh_token.resource,
        )

    async def load_access_token(self, token: str) -> KitAccessToken | None:
        access = self.access_tokens.get(token)
        if access is None:
            return None
        if access.expires_at is not None and access.expires_at < self.now():
            self.access_tokens.pop(token, None)
            return None
        return access

    async def revoke_token(self, token: KitAccessToken | KitRefreshToken) -> None:
        if isinstance(token, KitAccessToken):
            access_key, refresh_key = token.token, token.refresh_token
        else:
            access_key, refresh_key = token.access_token, token.token
        removed_access = self.access_tokens.pop(access_key, None) if access_key else None
        removed_refresh = self.refresh_tokens.pop(refresh_key, None) if refresh_key else None
        if removed_access or removed_refresh:
            self.audit.record("token.revoked", client_id=token.client_id, subject=token.subject, scopes=token.scopes)

    async def revoke_client(self, client_id: str) -> int:
        victims = [t for t in self.access_tokens.values() if t.client_id == client_id]
        orphans = [t for t in self.refresh_tokens.values() if t.client_id == client_id]
        for token in victims:
            await self.revoke_token(token)
        for refresh in orphans:
            self.refresh_tokens.pop(refresh.token, None)
        return len(victims)

    async def introspect(self, token: str) -> dict[str, Any]:
        """RFC 7662 response body for `token`."""
        access = await self.load_access_token(token)
        if access is None:
            return {"active": False}
        return {
            "active": True,
            "client_id": access.client_id,
            "scope": " ".join(access.scopes),
            "exp": access.expires_at,
            "iat": access.issued_at,
            "sub": access.subject,
            "aud": access.resource,
            "iss": self.settings.issuer_url,
            "token_type": "Bearer",
        }

    def describe(self) -> dict[str, Any]:
        return {
            "issuer": str(AnyHttpUrl(self.settings.issuer_url)),
            "clients": len(self.clients),
            "activeTokens": len(self.access_tokens),
            "pendingConsents": len(self.pending),
        }
