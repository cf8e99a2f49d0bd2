"""OAuth for upstream servers: token storage, the loopback redirect dance, providers."""

from __future__ import annotations

import json
import logging
import webbrowser
from collections.abc import Awaitable, Callable, Generator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import anyio
import httpx
from mcp.client.auth import OAuthClientProvider, OAuthFlowError, TokenStorage
from mcp.client.auth.extensions.client_credentials import ClientCredentialsOAuthProvider
from mcp.shared.auth import OAuthClientInformationFull, OAuthClientMetadata, OAuthToken
from pydantic import AnyUrl

from relay.config import ServerEntry

logger = logging.getLogger(__name__)

DEFAULT_REDIRECT = "http://127.0.0.1:33418/callback"


class FileTokenStorage(TokenStorage):
    """Persists tokens and the dynamic client registration per upstream in one JSON file."""

    def __init__(self, path: Path, upstream: str) -> None:
        self.path = path
        self.upstream = upstream

    def _load(self) -> dict[str, Any]:
        if not self.path.exists():
            return {}
        return json.loads(self.path.read_text(encoding="utf-8"))

    def _store(self, key: str, value: dict[str, Any]) -> None:
        doc = self._load()
        doc.setdefault(self.upstream, {})[key] = value
        self.path.write_text(json.dumps(doc, indent=2, sort_keys=True), encoding="utf-8")

    async def get_tokens(self) -> OAuthToken | None:
        raw = self._load().get(self.upstream, {}).get("tokens")
        return OAuthToken.model_validate(raw) if raw else None

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self._store("tokens", tokens.model_dump(mode="json", exclude_none=True))

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        raw = self._load().get(self.upstream, {}).get("client_info")
        return OAuthClientInformationFull.model_validate(raw) if raw else None

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self._store("client_info", client_info.model_dump(mode="json", exclude_none=True))


class LoopbackCallback:
    """Bridges the provider's redirect/callback hooks to whatever receives the browser
    redirect: the final redirect URL is handed to :meth:`deliver`."""

    def __init__(self, redirect_uri: str = DEFAULT_REDIRECT, *, open_browser: bool = False) -> None:
        self.redirect_uri = redirect_uri
        self.open_browser = open_browser
        self.authorization_urls: list[str] = []
        self.on_redirect: Callable[[str], Awaitable[None]] | None = None
        self._result: tuple[str, str | None] | None = None
        self._ready = anyio.Event()

    async def redirect_handler(self, authorization_url: str) -> None:
        self.authorization_urls.append(authorization_url)
        self._result = None
        self._ready = anyio.Event()
        if self.open_browser:
            webbrowser.open(authorization_url)
        if self.on_redirect is not None:
            await self.on_redirect(authorization_url)

    def deliver(self, redirected_to: str) -> None:
        query = parse_qs(urlparse(redirected_to).query)
        if "error" in query:
            raise OAuthFlowError(f"authorization failed: {query['error'][0]}")
        self._result = (query.get("code", [""])[0], query.get("state", [None])[0])
        self._ready.set()

    async def callback_handler(self) -> tuple[str, str | None]:
        await self._ready.wait()
        assert self._result is not None
        return self._result


def build_oauth_provider(
    entry: ServerEntry, storage: TokenStorage, callback: LoopbackCallback, *, flow_timeout: float = 180.0
) -> OAuthClientProvider:
    if entry.url is None:
        raise ValueError(f"{entry.name}: OAuth needs an HTTP upstream")
    metadata = OAuthClientMetadata(
        client_name="mcp-relay",
        redirect_uris=[AnyUrl(callback.redirect_uri)],
        grant_types=["authorization_code", "refresh_token"],
        token_endpoint_auth_method="client_secret_post",
    )
    return OAuthClientProvider(
        server_url=entry.url,
        client_metadata=metadata,
        storage=storage,
        redirect_handler=callback.redirect_handler,
        callback_handler=callback.callback_handler,
        timeout=flow_timeout,
    )


def build_service_provider(
    entry: ServerEntry, storage: TokenStorage, client_id: str, client_secret: str, scopes: str | None = None
) -> ClientCredentialsOAuthProvider:
    assert entry.url is not None
    return ClientCredentialsOAuthProvider(
        server_url=entry.url,
        storage=storage,
        client_id=client_id,
        client_secret=client_secret,
        scopes=scopes,
    )


class StaticBearerAuth(httpx.Auth):
    """For upstreams that hand out long-lived API tokens instead of doing OAuth."""

    def __init__(self, token: str, header: str = "Authorization") -> None:
        self.token = token
        self.header = header

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[self.header] = f"Bearer {self.token}" if self.header == "Authorization" else self.token
        response = yield request
        if response.status_code == 401:
            logger.warning("static token rejected by %s", request.url.host)
