"""OAuth provider construction."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, Callable
from typing import Literal

import httpx
from anyio.streams.memory import MemoryObjectReceiveStream
from pydantic import AnyHttpUrl, AnyUrl

from mcp.client.auth import OAuthClientProvider, TokenStorage
from mcp.client.auth.oauth2 import OAuthContext
from mcp.client.streamable_http import MCP_PROTOCOL_VERSION
from mcp.shared.auth import OAuthClientMetadata, OAuthToken

from .handlers import (
    CallbackHandler,
    HeadlessAuthorizer,
    LoopbackReceiver,
    RedirectHandler,
    browser_redirect_handler,
    queue_callback_handler,
)

logger = logging.getLogger(__name__)

DEFAULT_FLOW_TIMEOUT = 300.0
CLIENT_TAG_HEADER = "X-Oauthgate-Client"

AuthMode = Literal["loopback", "browser", "headless"]


def build_client_metadata(
    client_name: str,
    redirect_uri: str,
    *,
    scopes: list[str] | None = None,
    client_uri: str | None = None,
    confidential: bool = True,
) -> OAuthClientMetadata:
    return OAuthClientMetadata(
        client_name=client_name,
        redirect_uris=[AnyUrl(redirect_uri)],
        grant_types=["authorization_code", "refresh_token"],
        response_types=["code"],
        token_endpoint_auth_method="client_secret_post" if confidential else "none",
        scope=" ".join(scopes) if scopes else None,
        client_uri=AnyHttpUrl(client_uri) if client_uri else None,
        software_id="oauthgate",
    )


class GateProvider(OAuthClientProvider):
    """``OAuthClientProvider`` that tags requests and keeps simple statistics."""

    def __init__(
        self,
        server_url: str,
        client_metadata: OAuthClientMetadata,
        storage: TokenStorage,
        *,
        redirect_handler: RedirectHandler | None = None,
        callback_handler: CallbackHandler | None = None,
        flow_timeout: float = DEFAULT_FLOW_TIMEOUT,
        client_tag: str = "oauthgate",
    ):
        super().__init__(
            server_url,
            client_metadata,
            storage,
            redirect_handler=redirect_handler,
            callback_handler=callback_handler,
            timeout=flow_timeout,
        )
        self.client_tag = client_tag
        self.requests_sent = 0
        self.unauthorized_seen = 0

    @property
    def oauth_context(self) -> OAuthContext:
        return self.context

    @property
    def flow_timeout(self) -> float:
        return self.context.timeout

    @property
    def current_tokens(self) -> OAuthToken | None:
        return self.context.current_tokens

    def has_valid_token(self) -> bool:
        return self.context.is_token_valid()

    async def preload(self) -> bool:
        """Pull stored credentials so the first request can go out authorized."""
        self.context.current_tokens = await self.context.storage.get_tokens()
        self.context.client_info = await self.context.storage.get_client_info()
        if self.context.current_tokens is not None:
            self.context.update_token_expiry(self.context.current_tokens)
        self._initialized = True
        return self.context.current_tokens is not None

    async def forget(self) -> None:
        self.context.clear_tokens()
        self._initialized = False

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        request.headers.setdefault(CLIENT_TAG_HEADER, self.client_tag)
        flow = super().async_auth_flow(request)
        try:
            outgoing = await flow.__anext__()
            while True:
                self.requests_sent += 1
                response = yield outgoing
                if response.status_code == 401:
                    self.unauthorized_seen += 1
                outgoing = await flow.asend(response)
        except StopAsyncIteration:
            return


def negotiated_version(request: httpx.Request) -> str | None:
    return request.headers.get(MCP_PROTOCOL_VERSION)


def build_provider(
    server_url: str,
    storage: TokenStorage,
    metadata: OAuthClientMetadata,
    *,
    mode: AuthMode = "loopback",
    receiver: LoopbackReceiver | None = None,
    authorizer: HeadlessAuthorizer | None = None,
    callback_stream: MemoryObjectReceiveStream[str] | None = None,
    opener: Callable[[str], bool] | None = None,
    flow_timeout: float = DEFAULT_FLOW_TIMEOUT,
) -> GateProvider:
    """Assemble a provider for one of the supported interaction modes."""
    if mode == "loopback":
        receiver = receiver or LoopbackReceiver(metadata, timeout=flow_timeout)
        return GateProvider(
            server_url,
            metadata,
            storage,
            redirect_handler=receiver.open_authorization_url,
            callback_handler=receiver.wait_for_callback,
            flow_timeout=flow_timeout,
        )
    if mode == "headless":
        if authorizer is None:
            raise ValueError("headless mode needs a HeadlessAuthorizer")
        return GateProvider(
            server_url,
            metadata,
            storage,
            redirect_handler=authorizer.authorize,
            callback_handler=lambda: authorizer.take_result(),
            flow_timeout=flow_timeout,
        )
    if callback_stream is None:
        raise ValueError("browser mode needs a callback stream fed by the redirect listener")
    return GateProvider(
        server_url,
        metadata,
        storage,
        redirect_handler=browser_redirect_handler(opener) if opener else browser_redirect_handler(),
        callback_handler=queue_callback_handler(callback_stream, timeout=flow_timeout),
        flow_timeout=flow_timeout,
    )
