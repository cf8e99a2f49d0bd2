"""Opening client transports for registry entries (stdio, SSE, streamable HTTP)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Generator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import timedelta
from typing import TextIO

import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp import StdioServerParameters, stdio_client
from mcp.client.sse import sse_client
from mcp.client.stdio import get_default_environment
from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.message import SessionMessage
from switchboard.config import ServerEntry

# The transports log every request at INFO; keep the CLI output readable.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]


@dataclass
class Connection:
    read: ReadStream
    write: WriteStream
    get_session_id: GetSessionIdCallback
    transport: str


class BearerAuth(httpx.Auth):
    """Adds a bearer token and retries once with a fresh token on 401."""

    def __init__(self, token_source: Callable[[], str], refresh: Callable[[], str] | None = None) -> None:
        self._token_source = token_source
        self._refresh = refresh
        self.refreshes = 0

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token_source()}"
        response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED and self._refresh is not None:
            self.refreshes += 1
            request.headers["Authorization"] = f"Bearer {self._refresh()}"
            yield request


def client_factory(
    transport: httpx.AsyncBaseTransport | None = None,
    extra_headers: dict[str, str] | None = None,
) -> McpHttpClientFactory:
    """Build an httpx client factory; a custom transport lets callers embed servers in-process."""

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        merged = {**(extra_headers or {}), **(headers or {})}
        if transport is None:
            return create_mcp_http_client(headers=merged or None, timeout=timeout, auth=auth)
        return httpx.AsyncClient(
            transport=transport,
            headers=merged,
            timeout=timeout or httpx.Timeout(30.0, read=300.0),
            auth=auth,
            follow_redirects=True,
        )

    return factory


def _no_session() -> str | None:
    return None


async def open_connection(
    entry: ServerEntry,
    stack: AsyncExitStack,
    *,
    auth: httpx.Auth | None = None,
    http_factory: McpHttpClientFactory | None = None,
    http_client: httpx.AsyncClient | None = None,
    errlog: TextIO = sys.stderr,
) -> Connection:
    """Open the transport described by `entry`; its lifetime is bound to `stack`."""
    factory = http_factory or client_factory()

    if entry.transport == "stdio":
        assert entry.command is not None
        params = StdioServerParameters(
            command=entry.command,
            args=entry.args,
            env={**get_default_environment(), **entry.env},
            cwd=entry.cwd,
        )
        read, write = await stack.enter_async_context(stdio_client(params, errlog=errlog))
        return Connection(read, write, _no_session, "stdio")

    assert entry.url is not None
    if entry.transport == "sse":
        seen: list[str] = []
        read, write = await stack.enter_async_context(
            sse_client(
                entry.url,
                headers=entry.headers or None,
                timeout=entry.timeout,
                sse_read_timeout=entry.sse_read_timeout,
                httpx_client_factory=factory,
                auth=auth,
                on_session_created=seen.append,
            )
        )
        return Connection(read, write, lambda: seen[-1] if seen else None, "sse")

    if http_client is not None:
        read, write, get_session_id = await stack.enter_async_context(
            streamable_http_client(entry.url, http_client=http_client)
        )
    else:
        read, write, get_session_id = await stack.enter_async_context(
            streamablehttp_client(
                entry.url,
                headers=entry.headers or None,
                timeout=timedelta(seconds=entry.timeout),
                sse_read_timeout=timedelta(seconds=entry.sse_read_timeout),
                httpx_client_factory=factory,
                auth=auth,
            )
        )
    return Connection(read, write, get_session_id, "streamable-http")
