"""OAuth helpers for remote MCP servers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from urllib.parse import parse_qs, urlparse

from mcp.client.auth import OAuthClientProvider, OAuthFlowError, TokenStorage
from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider
from mcp.shared.auth import OAuthClientInformationFull, OAuthClientMetadata, OAuthToken
from pydantic import AnyUrl


class InMemoryTokenStorage(TokenStorage):
    def __init__(self, tokens: OAuthToken | None = None, client_info: OAuthClientInformationFull | None = None):
        self.tokens = tokens
        self.client_info = client_info

    async def get_tokens(self) -> OAuthToken | None:
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.tokens = tokens

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        return self.client_info

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self.client_info = client_info


def parse_callback_url(url: str) -> tuple[str, str | None]:
    """Extract ``(code, state)`` from the redirect the browser landed on."""
    query = parse_qs(urlparse(url).query)
    if "error" in query:
        detail = query.get("error_description", query["error"])[0]
        raise OAuthFlowError(f"authorization failed: {detail}")
    if "code" not in query:
        raise OAuthFlowError("redirect did not carry an authorization code")
    return query["code"][0], query.get("state", [None])[0]


def browser_oauth(
    server_url: str,
    *,
    client_name: str,
    redirect_uri: str,
    open_url: Callable[[str], Awaitable[None]],
    wait_for_redirect: Callable[[], Awaitable[str]],
    storage: TokenStorage | None = None,
    scope: str | None = None,
    timeout: float = 300.0,
) -> OAuthClientProvider:
    metadata = OAuthClientMetadata(
        client_name=client_name,
        redirect_uris=[AnyUrl(redirect_uri)],
        grant_types=["authorization_code", "refresh_token"],
        response_types=["code"],
        scope=scope,
    )

    async def callback_handler() -> tuple[str, str | None]:
        return parse_callback_url(await wait_for_redirect())

    return OAuthClientProvider(
        server_url=server_url,
        client_metadata=metadata,
        storage=storage or InMemoryTokenStorage(),
        redirect_handler=open_url,
        callback_handler=callback_handler,
        timeout=timeout,
    )


def machine_oauth(
    server_url: str,
    client_id: str,
    client_secret: str,
    *,
    scopes: Sequence[str] = (),
    storage: TokenStorage | None = None,
) -> ClientCredentialsOAuthProvider:
    return ClientCredentialsOAuthProvider(
        server_url=server_url,
        storage=storage or InMemoryTokenStorage(),
        client_id=client_id,
        client_secret=client_secret,
        scopes=" ".join(scopes) or None,
    )
