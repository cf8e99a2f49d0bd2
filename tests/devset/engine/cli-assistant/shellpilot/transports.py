"""Opening client transports (stdio, SSE, streamable HTTP) from config entries."""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator, Callable, Generator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TextIO

import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp import StdioServerParameters, stdio_client
from mcp.client.session_group import ServerParameters, SseServerParameters, StreamableHttpParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import get_default_environment
from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.message import SessionMessage

from .config import ServerEntry

logger = logging.getLogger(__name__)

# The HTTP client libraries are chatty at INFO; keep the terminal readable.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]


class TransportError(RuntimeError):
    pass


@dataclass
class TransportHandle:
    kind: str
    read: ReadStream
    write: WriteStream
    get_session_id: GetSessionIdCallback | None = None
    sse_session_id: str | None = None

    @property
    def session_id(self) -> str | None:
        if self.get_session_id is not None:
            return self.get_session_id()
        return self.sse_session_id


class BearerAuth(httpx.Auth):
    """Attach a bearer token, re-reading it once if the server answers 401."""

    def __init__(self, token_source: Callable[[], str], refresh: Callable[[], str] | None = None) -> None:
        self._token_source = token_source
        self._refresh = refresh

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token_source()}"
        response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED and self._refresh is not None:
            request.headers["Authorization"] = f"Bearer {self._refresh()}"
            yield request


def auth_for(entry: ServerEntry) -> httpx.Auth | None:
    token = entry.bearer_token
    if not token:
        return None
    return BearerAuth(lambda: token)


def stdio_parameters(entry: ServerEntry) -> StdioServerParameters:
    if entry.command is None:
        raise TransportError(f"{entry.name}: no command configured")
    env = get_default_environment()
    env.update(entry.env)
    return StdioServerParameters(command=entry.command, args=list(entry.args), env=env, cwd=entry.cwd)


def group_parameters(entry: ServerEntry) -> ServerParameters:
    """Translate a config entry into the parameter objects ClientSessionGroup understands."""
    if entry.transport == "stdio":
        return stdio_parameters(entry)
    assert entry.url is not None
    headers = dict(entry.headers)
    if entry.bearer_token:
        headers["Authorization"] = f"Bearer {entry.bearer_token}"
    if entry.transport == "sse":
        return SseServerParameters(
            url=entry.url, headers=headers, timeout=entry.timeout, sse_read_timeout=entry.sse_read_timeout
        )
    return StreamableHttpParameters(
        url=entry.url,
        headers=headers,
        timeout=timedelta(seconds=entry.timeout),
        sse_read_timeout=timedelta(seconds=entry.sse_read_timeout),
    )


def build_http_client(
    entry: ServerEntry,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    on_response: Callable[[httpx.Response], None] | None = None,
) -> httpx.AsyncClient:
    """A pre-configured client for servers that need custom HTTP plumbing."""

    hooks: dict[str, list[Callable[..., Any]]] = {"request": [], "response": []}
    if on_response is not None:
        callback = on_response

        async def _hook(response: httpx.Response) -> None:
            callback(response)

        hooks["response"].append(_hook)

    return httpx.AsyncClient(
        headers=entry.headers,
        timeout=httpx.Timeout(entry.timeout, read=entry.sse_read_timeout),
        auth=auth_for(entry),
        follow_redirects=True,
        transport=transport,
        event_hooks=hooks,
    )


def http_client_factory_for(extra_headers: dict[str, str]) -> McpHttpClientFactory:
    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        merged = {**(headers or {}), **extra_headers}
        return create_mcp_http_client(headers=merged, timeout=timeout, auth=auth)

    return factory


@asynccontextmanager
async def open_transport(
    entry: ServerEntry,
    *,
    http_client: httpx.AsyncClient | None = None,
    errlog: TextIO = sys.stderr,
) -> AsyncIterator[TransportHandle]:
    """Open the transport described by ``entry`` and yield its streams."""
    get_session_id: GetSessionIdCallback | None = None
    sse_sessions: list[str] = []
    async with AsyncExitStack() as stack:
        if entry.transport == "stdio":
            read, write = await stack.enter_async_context(stdio_client(stdio_parameters(entry), errlog=errlog))
        elif entry.url is None:
            raise TransportError(f"{entry.name}: no url configured")
        elif entry.transport == "sse":
            read, write = await stack.enter_async_context(
                sse_client(
                    entry.url,
                    headers=entry.headers or None,
                    timeout=entry.timeout,
                    sse_read_timeout=entry.sse_read_timeout,
                    httpx_client_factory=http_client_factory_for({"X-Client": "shellpilot"}),
                    auth=auth_for(entry),
                    on_session_created=sse_sessions.append,
                )
            )
        elif http_client is not None:
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
                    auth=auth_for(entry),
                )
            )
        yield TransportHandle(entry.transport, read, write, get_session_id, next(iter(sse_sessions), None))
