"""Transport openers: every opener yields a ``(read_stream, write_stream)`` pair."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp.client.sse import sse_client
from mcp.client.stdio import StdioServerParameters, get_default_environment, stdio_client
from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.message import SessionMessage

from .settings import ServerEntry

logger = logging.getLogger(__name__)

ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]
Streams = tuple[ReadStream, WriteStream]
TransportOpener = Callable[[], AbstractAsyncContextManager[Streams]]


@dataclass
class SessionIdTracker:
    """Remembers the ``Mcp-Session-Id`` callbacks of every streamable connection."""

    callbacks: dict[str, GetSessionIdCallback] = field(default_factory=lambda: dict[str, GetSessionIdCallback]())

    def bind(self, name: str, callback: GetSessionIdCallback) -> None:
        self.callbacks[name] = callback

    def session_id(self, name: str) -> str | None:
        callback = self.callbacks.get(name)
        return callback() if callback else None


@asynccontextmanager
async def open_streamable(
    entry: ServerEntry,
    *,
    auth: httpx.Auth | None = None,
    factory: McpHttpClientFactory = create_mcp_http_client,
    tracker: SessionIdTracker | None = None,
) -> AsyncIterator[Streams]:
    assert entry.url is not None
    async with streamablehttp_client(
        entry.url,
        headers=entry.headers or None,
        timeout=timedelta(seconds=entry.timeout),
        sse_read_timeout=timedelta(seconds=entry.sse_read_timeout),
        auth=auth,
        httpx_client_factory=factory,
    ) as (read_stream, write_stream, get_session_id):
        if tracker is not None:
            tracker.bind(entry.name, get_session_id)
        try:
            yield read_stream, write_stream
        finally:
            logger.debug("closing %s (session %s)", entry.name, get_session_id())


@asynccontextmanager
async def open_streamable_with_client(
    url: str,
    http_client: httpx.AsyncClient,
    *,
    terminate_on_close: bool = True,
    tracker: SessionIdTracker | None = None,
    name: str = "default",
) -> AsyncIterator[Streams]:
    """Variant for callers that manage the ``httpx.AsyncClient`` lifetime themselves."""
    async with streamable_http_client(url, http_client=http_client, terminate_on_close=terminate_on_close) as (
        read_stream,
        write_stream,
        get_session_id,
    ):
        if tracker is not None:
            tracker.bind(name, get_session_id)
        yield read_stream, write_stream


@asynccontextmanager
async def open_sse(
    entry: ServerEntry,
    *,
    auth: httpx.Auth | None = None,
    factory: McpHttpClientFactory = create_mcp_http_client,
) -> AsyncIterator[Streams]:
    assert entry.url is not None
    async with sse_client(
        entry.url,
        headers=entry.headers or None,
        timeout=entry.timeout,
        sse_read_timeout=entry.sse_read_timeout,
        httpx_client_factory=factory,
        auth=auth,
    ) as (read_stream, write_stream):
        yield read_stream, write_stream


def stdio_parameters(entry: ServerEntry) -> StdioServerParameters:
    if not entry.command:
        raise ValueError(f"{entry.name}: stdio servers need a command")
    env = get_default_environment()
    env.update(entry.env)
    return StdioServerParameters(command=entry.command, args=list(entry.args), env=env)


@asynccontextmanager
async def open_stdio(entry: ServerEntry) -> AsyncIterator[Streams]:
    async with stdio_client(stdio_parameters(entry)) as (read_stream, write_stream):
        yield read_stream, write_stream


def opener_for(
    entry: ServerEntry,
    *,
    auth: httpx.Auth | None = None,
    factory: McpHttpClientFactory = create_mcp_http_client,
    tracker: SessionIdTracker | None = None,
) -> TransportOpener:
    if entry.transport == "stdio":
        return lambda: open_stdio(entry)
    if entry.transport == "sse":
        return lambda: open_sse(entry, auth=auth, factory=factory)
    return lambda: open_streamable(entry, auth=auth, factory=factory, tracker=tracker)
