"""Headless OAuth client for smoke-testing an authkit deployment end to end.

`HeadlessBrowser` plays the user agent: it follows the /authorize redirect,
approves (or denies) the consent screen and hands the resulting code back to
the SDK's `OAuthClientProvider`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urljoin, urlparse

import httpx
from pydantic import AnyUrl

import mcp.types as types
from mcp import ClientSession
from mcp.client.auth import OAuthClientProvider, OAuthFlowError, TokenStorage
from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.auth import OAuthClientInformationFull, OAuthClientMetadata, OAuthToken
from mcp.shared.session import RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

logger = logging.getLogger(__name__)

DEFAULT_REDIRECT = "http://localhost:3030/callback"


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


class HeadlessBrowser:
    """Follows the authorization redirect chain without a real browser."""

    def __init__(self, http: httpx.AsyncClient, *, subject: str = "alice", approve: bool = True) -> None:
        self.http = http
        self.subject = subject
        self.approve = approve
        self.visited: list[str] = []
        self._landing: str | None = None

    async def open(self, authorization_url: str) -> None:
        self.visited.append(authorization_url)
        response = await self.http.get(authorization_url, follow_redirects=False)
        location = self._location(response, authorization_url)
        if urlparse(location).path.endswith("/consent"):
            txn = parse_qs(urlparse(location).query)["txn"][0]
            self.visited.append(location)
            page = await self.http.get(location)
            page.raise_for_status()
            response = await self.http.post(
                urljoin(location, "/consent"),
                data={"txn": txn, "decision": "approve" if self.approve else "deny", "subject": self.subject},
                follow_redirects=False,
            )
            location = self._location(response, location)
        self._landing = location

    async def callback(self) -> tuple[str, str | None]:
        if self._landing is None:
            raise OAuthFlowError("authorization redirect was never followed")
        params = parse_qs(urlparse(self._landing).query)
        if "error" in params:
            raise OAuthFlowError(f"authorization failed: {params['error'][0]}")
        state = params.get("state", [None])[0]
        return params["code"][0], state

    @staticmethod
    def _location(response: httpx.Response, base: str) -> str:
        if response.status_code not in (302, 303, 307):
            raise OAuthFlowError(f"expected a redirect from {base}, got {response.status_code}: {response.text}")
        return urljoin(base, response.headers["location"])


def build_oauth(
    server_url: str,
    browser: HeadlessBrowser,
    storage: TokenStorage | None = None,
    *,
    client_name: str = "authkit-smoke",
    scope: str | None = None,
    redirect_uri: str = DEFAULT_REDIRECT,
    timeout: float = 60.0,
) -> OAuthClientProvider:
    metadata = OAuthClientMetadata(
        client_name=client_name,
        redirect_uris=[AnyUrl(redirect_uri)],
        grant_types=["authorization_code", "refresh_token"],
        response_types=["code"],
        token_endpoint_auth_method="client_secret_post",
        scope=scope,
    )
    return OAuthClientProvider(
        server_url=server_url,
        client_metadata=metadata,
        storage=storage or MemoryTokenStorage(),
        redirect_handler=browser.open,
        callback_handler=browser.callback,
        timeout=timeout,
    )


class MessageRecorder:
    """`message_handler` that keeps server notifications for later assertions."""

    def __init__(self) -> None:
        self.methods: list[str] = []
        self.logs: list[tuple[str, Any]] = []
        self.progress: list[float] = []
        self.errors: list[Exception] = []

    async def __call__(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
            return
        if not isinstance(message, types.ServerNotification):
            return
        notification = message.root
        self.methods.append(notification.method)
        if isinstance(notification, types.LoggingMessageNotification):
            self.logs.append((notification.params.level, notification.params.data))
        elif isinstance(notification, types.ProgressNotification):
            self.progress.append(notification.params.progress)


@dataclass
class Connection:
    session: ClientSession
    init: types.InitializeResult
    get_session_id: GetSessionIdCallback


@asynccontextmanager
async def open_session(
    url: str,
    *,
    auth: httpx.Auth | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    recorder: MessageRecorder | None = None,
) -> AsyncIterator[Connection]:
    """Connect over streamable HTTP, letting `auth` (e.g. an OAuthClientProvider) sign requests."""
    http_client = httpx.AsyncClient(
        auth=auth,
        transport=transport,
        follow_redirects=True,
        timeout=httpx.Timeout(30, read=300),
    )
    async with http_client:
        async with streamable_http_client(url, http_client=http_client) as (read, write, get_session_id):
            async with ClientSession(
                read,
                write,
                read_timeout_seconds=timedelta(seconds=30),
                message_handler=recorder,
            ) as session:
                init = await session.initialize()
                yield Connection(session=session, init=init, get_session_id=get_session_id)


@asynccontextmanager
async def connect_with_token(
    url: str,
    token: str,
    *,
    httpx_client_factory: McpHttpClientFactory = create_mcp_http_client,
    timeout: timedelta = timedelta(seconds=10),
) -> AsyncIterator[ClientSession]:
    """Connect with a pre-issued bearer token (no OAuth dance)."""
    async with streamablehttp_client(
        url,
        headers={"Authorization": f"Bearer {token}"},
        timeout=timeout,
        sse_read_timeout=timedelta(minutes=5),
        httpx_client_factory=httpx_client_factory,
    ) as (read, write, _):
        async with ClientSession(read, write, read_timeout_seconds=timeout) as session:
            await session.initialize()
            yield session


async def probe(session: ClientSession, init: types.InitializeResult | None = None) -> dict[str, Any]:
    """Summarise what an authenticated client can see and do."""
    report: dict[str, Any] = {}
    if init is not None:
        report["server"] = init.serverInfo.name
        report["protocol"] = init.protocolVersion
        report["protocol_supported"] = init.protocolVersion in SUPPORTED_PROTOCOL_VERSIONS
    capabilities = session.get_server_capabilities()
    report["capabilities"] = capabilities.model_dump(exclude_none=True) if capabilities else {}
    report["tools_list_changed"] = bool(capabilities and capabilities.tools and capabilities.tools.listChanged)

    tools: list[dict[str, Any]] = []
    cursor: types.Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        for tool in page.tools:
            hints = tool.annotations
            tools.append(
                {
                    "name": tool.name,
                    "required": tool.inputSchema.get("required", []),
                    "structured": tool.outputSchema is not None,
                    "read_only": bool(hints and hints.readOnlyHint),
                    "destructive": bool(hints and hints.destructiveHint),
                }
            )
        cursor = page.nextCursor
        if cursor is None:
            break
    report["tools"] = tools

    who = await session.call_tool("whoami", {}, read_timeout_seconds=timedelta(seconds=15))
    report["whoami_error"] = who.isError
    report["whoami"] = who.structuredContent
    return report
