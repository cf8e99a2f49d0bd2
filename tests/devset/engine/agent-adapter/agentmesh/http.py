"""httpx plumbing shared by the SSE and streamable HTTP transports."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Generator, Sequence

import httpx
from mcp.shared._httpx_utils import MCP_DEFAULT_SSE_READ_TIMEOUT, MCP_DEFAULT_TIMEOUT, McpHttpClientFactory

from agentmesh.config import AuthConfig

ResponseHook = Callable[[httpx.Response], Awaitable[None]]


class BearerTokenAuth(httpx.Auth):
    """Bearer auth whose token can be refreshed once on a 401."""

    def __init__(self, token: str, refresh: Callable[[], str] | None = None) -> None:
        self.token = token
        self._refresh = refresh
        self.refreshes = 0

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED and self._refresh is not None:
            self.token = self._refresh()
            self.refreshes += 1
            request.headers["Authorization"] = f"Bearer {self.token}"
            yield request


def build_auth(auth: AuthConfig | None) -> httpx.Auth | None:
    if auth is None:
        return None
    if auth.type == "basic":
        return httpx.BasicAuth(auth.username or "", auth.password or "")
    return BearerTokenAuth(auth.token or "")


def make_client_factory(
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    response_hooks: Sequence[ResponseHook] = (),
    extra_headers: dict[str, str] | None = None,
) -> McpHttpClientFactory:
    """Build an ``httpx_client_factory``; ``transport`` lets tests route requests to an ASGI app."""

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            headers={"User-Agent": "agentmesh-mcp/0.9", **(extra_headers or {}), **(headers or {})},
            timeout=timeout or httpx.Timeout(MCP_DEFAULT_TIMEOUT, read=MCP_DEFAULT_SSE_READ_TIMEOUT),
            auth=auth,
            follow_redirects=True,
            transport=transport,
            event_hooks={"response": list(response_hooks)},
        )

    return factory


def quiet_http_logging(level: int = logging.WARNING) -> None:
    """The transports log every request at INFO; agents rarely want that in their output."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(level)
