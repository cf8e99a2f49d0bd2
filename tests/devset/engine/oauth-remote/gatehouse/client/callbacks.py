"""Redirect and callback handlers for the authorization-code flow."""

from __future__ import annotations

import logging
import webbrowser
from urllib.parse import parse_qs, urlparse

import anyio
import httpx
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from mcp.client.auth import OAuthFlowError

logger = logging.getLogger(__name__)

CLOSE_PAGE = "<html><body><h1>Signed in</h1><p>You can close this window.</p></body></html>"


def parse_callback_url(url: str) -> tuple[str, str | None]:
    """Extract ``(code, state)`` from the URL the browser was redirected to."""
    query = parse_qs(urlparse(url).query)
    if "error" in query:
        description = query.get("error_description", [""])[0]
        raise OAuthFlowError(f"authorization denied: {query['error'][0]} {description}".strip())
    if "code" not in query:
        raise OAuthFlowError(f"no authorization code in callback: {url}")
    return query["code"][0], query.get("state", [None])[0]


class AuthorizationCallback:
    """Bridges the browser redirect back into ``OAuthClientProvider``: whoever sees
    the redirect (the loopback route, a pasted URL) calls :meth:`deliver`."""

    def __init__(self, *, open_browser: bool = False, timeout: float = 300.0):
        self.open_browser = open_browser
        self.timeout = timeout
        self.authorization_urls: list[str] = []
        self._send, self._receive = anyio.create_memory_object_stream[tuple[str, str | None]](1)

    async def redirect_handler(self, authorization_url: str) -> None:
        self.authorization_urls.append(authorization_url)
        if self.open_browser:
            webbrowser.open(authorization_url)
        else:
            logger.warning("Open this URL to authorize: %s", authorization_url)

    def deliver(self, callback_url: str) -> None:
        self._send.send_nowait(parse_callback_url(callback_url))

    async def callback_handler(self) -> tuple[str, str | None]:
        with anyio.fail_after(self.timeout):
            return await self._receive.receive()

    def route(self, path: str = "/callback") -> Route:
        async def endpoint(request: Request) -> Response:
            try:
                self.deliver(str(request.url))
            except OAuthFlowError as exc:
                return HTMLResponse(f"<p>{exc}</p>", status_code=400)
            return HTMLResponse(CLOSE_PAGE)

        return Route(path, endpoint, methods=["GET"])


class HeadlessApprover(AuthorizationCallback):
    """Follows the authorization URL itself (CI against the auto-approving dev server)."""

    def __init__(self, http_client: httpx.AsyncClient, *, timeout: float = 30.0):
        super().__init__(open_browser=False, timeout=timeout)
        self.http_client = http_client

    async def redirect_handler(self, authorization_url: str) -> None:
        self.authorization_urls.append(authorization_url)
        response = await self.http_client.get(authorization_url, follow_redirects=False)
        if response.status_code not in (302, 303) or "location" not in response.headers:
            raise OAuthFlowError(f"authorization server answered {response.status_code}: {response.text}")
        self.deliver(response.headers["location"])
