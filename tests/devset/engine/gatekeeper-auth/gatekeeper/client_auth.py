"""Client-side OAuth wiring for tools that call the vault."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import parse_qs, urlparse

import httpx
from mcp.client.auth import OAuthClientProvider
from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider
from mcp.shared.auth import OAuthClientInformationFull, OAuthClientMetadata

from gatekeeper.tokens import MemoryTokenStorage

REDIRECT_URI = "http://localhost:8765/callback"

# Pre-provisioned record for the legacy deploy bot (no secret on file).
LEGACY_DEPLOY_BOT = OAuthClientInformationFull(
    client_id="legacy-deploy-bot",
    client_secret=None,
    token_endpoint_auth_method="client_secret_post",
    redirect_uris=[REDIRECT_URI],  # type: ignore[list-item]
    scope="vault:read",
)


def parse_callback(url: str) -> tuple[str, str | None]:
    params = parse_qs(urlparse(url).query)
    return params["code"][0], params.get("state", [None])[0]


def interactive_provider(
    server_url: str,
    storage: MemoryTokenStorage,
    open_browser: Callable[[str], Awaitable[None]],
    wait_for_redirect: Callable[[], Awaitable[str]],
) -> OAuthClientProvider:
    async def callback_handler() -> tuple[str, str | None]:
        return parse_callback(await wait_for_redirect())

    metadata = OAuthClientMetadata(
        client_name="gatekeeper-cli",
        redirect_uris=[REDIRECT_URI],  # type: ignore[list-item]
        grant_types=["authorization_code", "refresh_token"],
        response_types=["code"],
        scope="vault:read vault:write",
    )
    return OAuthClientProvider(
        server_url,
        metadata,
        storage,
        redirect_handler=open_browser,
        callback_handler=callback_handler,
        timeout=120.0,
    )


def machine_provider(server_url: str, client_id: str, client_secret: str) -> ClientCredentialsOAuthProvider:
    return ClientCredentialsOAuthProvider(
        server_url=server_url,
        storage=MemoryTokenStorage(),
        client_id=client_id,
        client_secret=client_secret,
        token_endpoint_auth_method="client_secret_post",
        scopes="vault:read",
    )


def vault_http_client(provider: httpx.Auth) -> httpx.AsyncClient:
    return httpx.AsyncClient(auth=provider, follow_redirects=True, timeout=httpx.Timeout(30, read=300))


def registration_is_usable(info: OAuthClientInformationFull) -> bool:
    if isinstance(info, OAuthClientMetadata) and info.token_endpoint_auth_method in (
        "client_secret_post",
        "client_secret_basic",
    ):
        return info.client_secret is not None
    return True
