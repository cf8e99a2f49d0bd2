"""Redirect and callback handlers for the authorization-code flow.

``OAuthClientProvider`` calls ``redirect_handler(authorization_url)`` and then
awaits ``callback_handler()`` for the ``(code, state)`` pair that came back on
the redirect URI.  Three strategies are provided:

* :class:`LoopbackReceiver` - the redirect lands on a local listener which
  feeds :meth:`LoopbackReceiver.deliver`; ``wait_for_callback`` is the handler.
* :func:`browser_redirect_handler` / :func:`queue_callback_handler` - closures
  for apps that own their own callback plumbing.
* :class:`HeadlessAuthorizer` - CI mode: the authorization URL is fetched with
  a pre-authenticated HTTP client and the redirect is captured directly.
"""

from __future__ import annotations

import logging
import webbrowser
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qs, urlsplit

import anyio
import anyio.lowlevel
import httpx
from anyio.streams.memory import MemoryObjectReceiveStream
from pydantic import AnyUrl

from mcp.client.auth import OAuthFlowError
from mcp.shared.auth import OAuthClientMetadata

logger = logging.getLogger(__name__)

RedirectHandler = Callable[[str], Awaitable[None]]
CallbackHandler = Callable[[], Awaitable[tuple[str, str | None]]]


def parse_callback_url(callback_url: str) -> tuple[str, str | None]:
    """Extract ``(code, state)`` from the URL the authorization server redirected to."""
    query = parse_qs(urlsplit(callback_url).query)
    if "error" in query:
        description = query.get("error_description", [""])[0]
        raise OAuthFlowError(f"authorization failed: {query['error'][0]} {description}".strip())
    codes = query.get("code")
    if not codes:
        raise OAuthFlowError("callback did not carry an authorization code")
    return codes[0], query.get("state", [None])[0]


def check_redirect_target(metadata: OAuthClientMetadata, callback_url: str) -> AnyUrl:
    """Make sure a callback arrived on one of the redirect URIs we registered."""
    parts = urlsplit(callback_url)
    target = AnyUrl(f"{parts.scheme}://{parts.netloc}{parts.path}")
    return metadata.validate_redirect_uri(target)


class LoopbackReceiver:
    """Collects redirects delivered by the local callback listener."""

    def __init__(self, metadata: OAuthClientMetadata, *, timeout: float = 300.0):
        self.metadata = metadata
        self.timeout = timeout
        self._send, self._receive = anyio.create_memory_object_stream[str](1)
        self.last_authorization_url: str | None = None
        self.authorization_requested = anyio.Event()

    async def open_authorization_url(self, authorization_url: str) -> None:
        self.last_authorization_url = authorization_url
        self.authorization_requested.set()
        logger.info("open this URL to authorize: %s", authorization_url)

    async def next_authorization_url(self) -> str:
        await self.authorization_requested.wait()
        self.authorization_requested = anyio.Event()
        assert self.last_authorization_url is not None
        return self.last_authorization_url

    async def deliver(self, callback_url: str) -> None:
        check_redirect_target(self.metadata, callback_url)
        await self._send.send(callback_url)

    async def wait_for_callback(self) -> tuple[str, str | None]:
        with anyio.fail_after(self.timeout):
            callback_url = await self._receive.receive()
        return parse_callback_url(callback_url)


def browser_redirect_handler(opener: Callable[[str], bool] = webbrowser.open) -> RedirectHandler:
    async def redirect(authorization_url: str) -> None:
        if not opener(authorization_url):
            logger.warning("could not launch a browser; open %s manually", authorization_url)

    return redirect


def queue_callback_handler(stream: MemoryObjectReceiveStream[str], *, timeout: float = 300.0) -> CallbackHandler:
    async def callback() -> tuple[str, str | None]:
        with anyio.fail_after(timeout):
            callback_url = await stream.receive()
        return parse_callback_url(callback_url)

    return callback


class HeadlessAuthorizer:
    """Completes the authorization step without a browser.

    Used against staging authorization servers that auto-approve requests made
    with a session cookie / client certificate carried by ``http``.
    """

    def __init__(self, http: httpx.AsyncClient):
        self.http = http
        self._result: tuple[str, str | None] | None = None
        self.visits = 0

    async def authorize(self, authorization_url: str) -> None:
        self.visits += 1
        response = await self.http.get(authorization_url, follow_redirects=False)
        if response.status_code not in (301, 302, 303, 307):
            raise OAuthFlowError(f"authorization endpoint answered {response.status_code}, expected a redirect")
        location = response.headers.get("location")
        if not location:
            raise OAuthFlowError("authorization redirect had no Location header")
        self._result = parse_callback_url(location)

    async def take_result(self) -> tuple[str, str | None]:
        await anyio.lowlevel.checkpoint()
        if self._result is None:
            raise OAuthFlowError("authorize() was not called before the callback was awaited")
        result, self._result = self._result, None
        return result

    def handlers(self) -> tuple[RedirectHandler, CallbackHandler]:
        return self.authorize, lambda: self.take_result()
