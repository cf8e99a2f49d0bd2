"""Interactive client: browser-based OAuth, then streamable HTTP."""

from __future__ import annotations

import logging
import webbrowser
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qs, urlparse

import anyio
import httpx
from mcp import ClientSession
from mcp.client.auth import OAuthClientProvider, OAuthFlowError
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.auth import OAuthClientMetadata
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from .token_store import FileTokenStorage

log = logging.getLogger(__name__)
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

CALLBACK_PORT = 3030


async def open_browser(authorization_url: str) -> None:
    log.info("opening browser for sign-in: %s", authorization_url)
    if not webbrowser.open(authorization_url):
        print(f"Open this URL to sign in:\n  {authorization_url}")


async def wait_for_callback() -> tuple[str, str | None]:
    """Headless flow: the user pastes the URL the browser was redirected to."""
    redirected = await anyio.to_thread.run_sync(input, "Paste the URL you were redirected to: ")
    params = parse_qs(urlparse(redirected.strip()).query)
    if "error" in params:
        raise OAuthFlowError(f"authorization failed: {params['error'][0]}")
    return params["code"][0], params.get("state", [None])[0]


def build_provider(server_url: str, scope: str = "reports:read") -> OAuthClientProvider:
    metadata = OAuthClientMetadata(
        client_name="Reports CLI",
        redirect_uris=[AnyUrl(f"http://localhost:{CALLBACK_PORT}/callback")],
        grant_types=["authorization_code", "refresh_token"],
        response_types=["code"],
        token_endpoint_auth_method="none",
        scope=scope,
    )
    return OAuthClientProvider(
        server_url=server_url,
        client_metadata=metadata,
        storage=FileTokenStorage(server_url),
        redirect_handler=open_browser,
        callback_handler=wait_for_callback,
        timeout=180.0,
    )


@asynccontextmanager
async def connect(server_url: str, scope: str = "reports:read") -> AsyncIterator[ClientSession]:
    provider = build_provider(server_url, scope)
    async with httpx.AsyncClient(
        auth=provider,
        follow_redirects=True,
        timeout=httpx.Timeout(30.0, read=300.0),
        headers={"User-Agent": "reports-cli/3.1"},
    ) as http:
        async with streamable_http_client(server_url, http_client=http) as (read, write, get_session_id):
            async with ClientSession(read, write) as session:
                await session.initialize()
                log.debug("MCP session id %s", get_session_id())
                yield session


async def run_report(server_url: str, report: str, attempts: int = 3) -> str:
    """Run a report, rebuilding the connection when the gateway drops the session."""
    for attempt in range(1, attempts + 1):
        try:
            async with connect(server_url) as session:
                try:
                    result = await session.call_tool("run_report", {"name": report})
                except McpError as exc:
                    if exc.error.code == 32600:  # session terminated by the gateway
                        log.info("session expired, reconnecting (attempt %d)", attempt)
                        continue
                    raise
                return "\n".join(b.text for b in result.content if b.type == "text")
        except* httpx.HTTPStatusError as group:
            for exc in group.exceptions:
                assert isinstance(exc, httpx.HTTPStatusError)
                log.warning("gateway answered %s, retrying", exc.response.status_code)
        except* httpx.ConnectError:
            log.error("gateway unreachable")
            raise
        await anyio.sleep(2**attempt)
    raise RuntimeError(f"giving up on {report} after {attempts} attempts")
