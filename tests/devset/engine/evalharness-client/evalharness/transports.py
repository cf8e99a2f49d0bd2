"""Connections to servers running outside the harness process."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import TypeVar

import httpx

from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.server.fastmcp import FastMCP
from mcp.shared._httpx_utils import McpHttpClientFactory
from mcp.shared.exceptions import McpError

from evalharness.config import HarnessSettings
from evalharness.tracing import TracingClientSession
from evalharness.wire import ReadStream, WriteStream

T = TypeVar("T")
logger = logging.getLogger(__name__)


class RemoteTargetError(RuntimeError):
    pass


class BearerTokenAuth(httpx.Auth):
    """Bearer auth that asks ``refresh`` for a new token once after a 401."""

    def __init__(self, token: str, refresh: Callable[[], str] | None = None) -> None:
        self.token, self.refresh, self.refreshes = token, refresh, 0

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED and self.refresh is not None:
            self.token = self.refresh()
            self.refreshes += 1
            request.headers["Authorization"] = f"Bearer {self.token}"
            yield request


def make_client_factory(session_ids: list[str]) -> McpHttpClientFactory:
    """httpx client factory that tags requests and remembers the ``mcp-session-id`` the server assigns."""

    async def remember_session(response: httpx.Response) -> None:
        if (sid := response.headers.get("mcp-session-id")) and sid not in session_ids:
            session_ids.append(sid)

    def factory(
        headers: dict[str, str] | None = None, timeout: httpx.Timeout | None = None, auth: httpx.Auth | None = None
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            headers={"User-Agent": "evalharness/0.9", **(headers or {})},
            timeout=timeout or httpx.Timeout(30.0, read=300.0),
            auth=auth,
            follow_redirects=True,
            event_hooks={"response": [remember_session]},
        )

    return factory


@asynccontextmanager
async def open_remote(
    settings: HarnessSettings, *, auth: httpx.Auth | None = None, session_ids: list[str] | None = None
) -> AsyncIterator[tuple[ReadStream, WriteStream]]:
    factory = make_client_factory(session_ids if session_ids is not None else [])
    if settings.transport == "streamable-http":
        async with streamablehttp_client(
            settings.url,
            headers=settings.headers,
            timeout=timedelta(seconds=30),
            sse_read_timeout=timedelta(seconds=settings.sse_read_timeout),
            httpx_client_factory=factory,
            auth=auth,
        ) as (read_stream, write_stream, get_session_id):
            _log_session(get_session_id)
            yield read_stream, write_stream
    else:
        raise ValueError(f"{settings.transport} is not a remote transport")


def serve_over_http(target: FastMCP, settings: HarnessSettings) -> None:
    """Expose an in-process target over streamable HTTP so remote harness workers can reach it."""
    target.settings.host = settings.host
    target.settings.port = settings.port
    target.settings.streamable_http_path = settings.mount_path
    target.settings.json_response = settings.json_response
    target.run(transport="streamable-http")


def _log_session(get_session_id: GetSessionIdCallback) -> None:
    logger.info("connected, session id %s", get_session_id() or "<none>")


async def with_remote_session(
    settings: HarnessSettings, body: Callable[[TracingClientSession], Awaitable[T]], *, auth: httpx.Auth | None = None
) -> T:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    try:
        async with open_remote(settings, auth=auth) as (read_stream, write_stream):
            timeout = timedelta(seconds=settings.read_timeout_seconds)
            async with TracingClientSession(read_stream, write_stream, read_timeout_seconds=timeout) as session:
                await session.initialize()
                return await body(session)
    except* httpx.HTTPStatusError as group:
        raise RemoteTargetError(f"{settings.url} answered with an HTTP error") from group
    except* McpError as group:
        expired = [e for e in group.exceptions if isinstance(e, McpError) and e.error.code == 32600]
        if expired:
            raise RemoteTargetError(f"{settings.url}: session terminated") from group
        raise
