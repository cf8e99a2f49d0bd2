"""Factories for the httpx auth providers used to reach gatehouse servers."""

from __future__ import annotations

import time
from typing import Any

from mcp.client.auth import OAuthClientProvider, TokenStorage
from mcp.client.auth.extensions.client_credentials import (
    ClientCredentialsOAuthProvider,
    JWTParameters,
    PrivateKeyJWTOAuthProvider,
    RFC7523OAuthClientProvider,
    SignedJWTParameters,
    static_assertion_provider,
)
from mcp.shared.auth import OAuthClientMetadata

from gatehouse.client.callbacks import AuthorizationCallback
from gatehouse.client.registration import build_client_metadata, loopback_redirect_uri

DEFAULT_FLOW_TIMEOUT = 180.0


def interactive_provider(
    server_url: str,
    storage: TokenStorage,
    callback: AuthorizationCallback,
    *,
    client_name: str = "gatehouse-cli",
    callback_port: int = 33418,
    scopes: list[str] | None = None,
    flow_timeout: float = DEFAULT_FLOW_TIMEOUT,
) -> OAuthClientProvider:
    """Authorization-code + PKCE provider with dynamic client registration."""
    metadata = build_client_metadata(client_name, [loopback_redirect_uri(callback_port)], scopes=scopes)
    return OAuthClientProvider(
        server_url, metadata, storage, callback.redirect_handler, callback.callback_handler, timeout=flow_timeout
    )


def client_credentials_provider(
    server_url: str,
    storage: TokenStorage,
    client_id: str,
    client_secret: str,
    *,
    scopes: list[str] | None = None,
    post_secret: bool = False,
) -> ClientCredentialsOAuthProvider:
    """Machine-to-machine provider authenticating with a shared secret."""
    return ClientCredentialsOAuthProvider(
        server_url=server_url,
        storage=storage,
        client_id=client_id,
        client_secret=client_secret,
        token_endpoint_auth_method="client_secret_post" if post_secret else "client_secret_basic",
        scopes=" ".join(scopes) if scopes else None,
    )


def private_key_jwt_provider(
    server_url: str,
    storage: TokenStorage,
    client_id: str,
    *,
    private_key_pem: str | None = None,
    prebuilt_assertion: str | None = None,
    scopes: list[str] | None = None,
) -> PrivateKeyJWTOAuthProvider:
    """Machine-to-machine provider using ``private_key_jwt`` client authentication."""
    if prebuilt_assertion is not None:
        assertion_provider = static_assertion_provider(prebuilt_assertion)
    elif private_key_pem is not None:
        params = SignedJWTParameters(
            issuer=client_id, subject=client_id, signing_key=private_key_pem, lifetime_seconds=120
        )
        assertion_provider = params.create_assertion_provider()
    else:
        raise ValueError("either private_key_pem or prebuilt_assertion is required")
    return PrivateKeyJWTOAuthProvider(
        server_url=server_url,
        storage=storage,
        client_id=client_id,
        assertion_provider=assertion_provider,
        scopes=" ".join(scopes) if scopes else None,
    )


def jwt_bearer_provider(
    server_url: str,
    storage: TokenStorage,
    client_metadata: OAuthClientMetadata,
    *,
    issuer: str,
    signing_key: str,
    audience: str | None = None,
) -> RFC7523OAuthClientProvider:
    """Legacy RFC 7523 jwt-bearer grant, kept for older gatehouse deployments."""
    params = JWTParameters(
        issuer=issuer, subject=issuer, audience=audience, jwt_signing_key=signing_key, jwt_lifetime_seconds=60
    )
    return RFC7523OAuthClientProvider(
        server_url, client_metadata, storage, timeout=DEFAULT_FLOW_TIMEOUT, jwt_parameters=params
    )


def token_status(provider: OAuthClientProvider) -> dict[str, Any]:
    """Snapshot of the provider's token state, for ``gatehouse auth status``."""
    context = provider.context
    tokens = context.current_tokens
    remaining = None
    if context.token_expiry_time is not None:
        remaining = max(0, int(context.token_expiry_time - time.time()))
    return {
        "server": context.server_url,
        "has_token": tokens is not None,
        "valid": context.is_token_valid(),
        "refreshable": context.can_refresh_token(),
        "scope": tokens.scope if tokens else None,
        "expires_in": remaining,
        "client_id": context.client_info.client_id if context.client_info else None,
        "flow_timeout": context.timeout,
    }
