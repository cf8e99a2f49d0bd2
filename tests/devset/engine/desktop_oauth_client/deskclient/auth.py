"""OAuth login for desktop use: browser redirect + loopback callback listener."""

from __future__ import annotations

import logging
import webbrowser
from urllib.parse import parse_qs, urlparse

import anyio
import anyio.abc
from mcp.client.auth import OAuthClientProvider
from mcp.shared.auth import OAuthClientMetadata
from pydantic import AnyUrl

from deskclient.storage import FileTokenStorage

log = logging.getLogger(__name__)

_PAGE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n"
    b"<html><body><h3>deskclient is signed in.</h3>You can close this tab.</body></html>"
)
_BAD = b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nmissing code"


class LoopbackCallback:
    """Listens on 127.0.0.1 for the authorization server's redirect.

    ``wait()`` matches the ``callback_handler`` signature OAuthClientProvider wants:
    it returns ``(code, state)``.
    """

    def __init__(self, port: int = 33418, path: str = "/callback", timeout: float = 300):
        self.port = port
        self.path = path
        self.timeout = timeout

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.path}"

    async def wait(self) -> tuple[str, str | None]:
        found: list[tuple[str, str | None]] = []
        listener = await anyio.create_tcp_listener(local_host="127.0.0.1", local_port=self.port)
        with anyio.fail_after(self.timeout):
            async with listener, anyio.create_task_group() as tg:

                async def handle(stream: anyio.abc.SocketStream) -> None:
                    async with stream:
                        got = await self._handle(stream)
                    if got is not None:
                        found.append(got)
                        tg.cancel_scope.cancel()

                tg.start_soon(listener.serve, handle)
        return found[0]

    async def _handle(self, stream: anyio.abc.SocketStream) -> tuple[str, str | None] | None:
        raw = b""
        while b"\r\n\r\n" not in raw and len(raw) < 16384:
            raw += await stream.receive()
        request_line = raw.split(b"\r\n", 1)[0].decode("latin-1")
        try:
            _method, target, _version = request_line.split(" ", 2)
        except ValueError:
            await stream.send(_BAD)
            return None
        parsed = urlparse(target)
        query = parse_qs(parsed.query)
        if parsed.path != self.path or "code" not in query:
            await stream.send(_BAD)
            return None
        await stream.send(_PAGE)
        return query["code"][0], query.get("state", [None])[0]


async def open_in_browser(authorization_url: str) -> None:
    log.info("opening browser for sign-in")
    if not webbrowser.open(authorization_url):
        print(f"Open this URL to sign in:\n  {authorization_url}")


def build_oauth(
    server_url: str,
    storage: FileTokenStorage,
    callback: LoopbackCallback | None = None,
    *,
    scope: str | None = "mcp:tools mcp:resources",
    login_timeout: float = 300.0,
) -> OAuthClientProvider:
    callback = callback or LoopbackCallback(timeout=login_timeout)
    metadata = OAuthClientMetadata(
        client_name="deskclient",
        redirect_uris=[AnyUrl(callback.redirect_uri)],
        grant_types=["authorization_code", "refresh_token"],
        response_types=["code"],
        token_endpoint_auth_method="none",
        scope=scope,
        software_id="dev.deskclient",
    )
    return OAuthClientProvider(
        server_url=server_url,
        client_metadata=metadata,
        storage=storage,
        redirect_handler=open_in_browser,
        callback_handler=callback.wait,
        timeout=login_timeout,
    )
