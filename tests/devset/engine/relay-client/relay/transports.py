"""Opening the three MCP client transports behind one interface."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.client.session_group import ServerParameters, SseServerParameters, StreamableHttpParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import StdioServerParameters, get_default_environment, stdio_client
from mcp.client.streamable_http import (
    MCP_SESSION_ID,
    GetSessionIdCallback,
    streamable_http_client,
    streamablehttp_client,
)
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.message import SessionMessage

from relay.config import ServerEntry

USER_AGENT = "mcp-relay/0.6"

ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]


def quiet_http_logging(level: int = logging.WARNING) -> None:
    """httpx logs every request at INFO, which drowns the relay's own output."""
    for name in ("httpx", "httpcore", "httpx_sse"):
        logging.getLogger(name).setLevel(level)


@dataclass
class OpenTransport:
    read: ReadStream
    write: WriteStream
    session_id: GetSessionIdCallback


@dataclass
class RelayHttpClientFactory:
    """httpx client factory for HTTP upstreams: relay-wide headers, a request log,
    the ``mcp-session-id`` values handed out, and an optional transport override."""

    extra_headers: dict[str, str] = field(default_factory=dict)
    transport: httpx.AsyncBaseTransport | None = None
    seen_session_ids: list[str] = field(default_factory=list)
    request_log: list[tuple[str, str]] = field(default_factory=list)

    def __call__(
        self, headers: dict[str, str] | None = None, timeout: httpx.Timeout | None = None, auth: httpx.Auth | None = None
    ) -> httpx.AsyncClient:
        merged = {"User-Agent": USER_AGENT, **self.extra_headers, **(headers or {})}
        if self.transport is None:
            client = create_mcp_http_client(headers=merged, timeout=timeout, auth=auth)
        else:
            timeout = timeout or httpx.Timeout(30.0, read=300.0)
            client = httpx.AsyncClient(
                headers=merged, timeout=timeout, auth=auth, transport=self.transport, follow_redirects=True
            )
        client.event_hooks["request"].append(self._on_request)
        client.event_hooks["response"].append(self._on_response)
        return client

    async def _on_request(self, request: httpx.Request) -> None:
        self.request_log.append((request.method, request.url.path))

    async def _on_response(self, response: httpx.Response) -> None:
        sid = response.headers.get(MCP_SESSION_ID)
        if sid and sid not in self.seen_session_ids:
            self.seen_session_ids.append(sid)


def stdio_parameters(entry: ServerEntry) -> StdioServerParameters:
    if entry.command is None:
        raise ValueError(f"{entry.name}: no command configured")
    env = get_default_environment()
    if entry.env:
        env.update(entry.env)
    return StdioServerParameters(command=entry.command, args=list(entry.args), env=env)


@asynccontextmanager
async def open_transport(
    entry: ServerEntry, *, auth: httpx.Auth | None = None, client_factory: McpHttpClientFactory | None = None,
    http_client: httpx.AsyncClient | None = None,
) -> AsyncIterator[OpenTransport]:
    """Open ``entry``'s transport; ``http_client`` lets streamable HTTP upstreams share a pool."""
    factory: McpHttpClientFactory = client_factory or create_mcp_http_client

    if entry.transport == "stdio":
        async with stdio_client(stdio_parameters(entry)) as (read, write):
            yield OpenTransport(read, write, lambda: None)
        return

    assert entry.url is not None
    if entry.transport == "sse":
        created: dict[str, str] = {}

        def remember(session_id: str) -> None:
            created["id"] = session_id

        async with sse_client(
            entry.url, headers=entry.headers or None, timeout=entry.timeout, sse_read_timeout=entry.sse_read_timeout,
            httpx_client_factory=factory, auth=auth, on_session_created=remember,
        ) as (read, write):
            yield OpenTransport(read, write, lambda: created.get("id"))
        return

    if http_client is not None:
        if entry.headers:
            http_client.headers.update(entry.headers)
        async with streamable_http_client(
            entry.url, http_client=http_client, terminate_on_close=entry.terminate_on_close
        ) as (read, write, get_session_id):
            yield OpenTransport(read, write, get_session_id)
        return

    async with streamablehttp_client(
        entry.url, headers=entry.headers or None, timeout=timedelta(seconds=entry.timeout),
        sse_read_timeout=timedelta(seconds=entry.sse_read_timeout), terminate_on_close=entry.terminate_on_close,
        httpx_client_factory=factory, auth=auth,
    ) as (read, write, get_session_id):
        yield OpenTransport(read, write, get_session_id)


def server_parameters(entry: ServerEntry) -> ServerParameters:
    """The same upstream in the SDK's own ``ClientSessionGroup`` parameter format."""
    if entry.transport == "stdio":
        return stdio_parameters(entry)
    assert entry.url is not None
    headers = dict(entry.headers) or None
    if entry.transport == "sse":
        return SseServerParameters(
            url=entry.url, headers=headers, timeout=entry.timeout, sse_read_timeout=entry.sse_read_timeout
        )
    return StreamableHttpParameters(
        url=entry.url, headers=headers, timeout=timedelta(seconds=entry.timeout),
        sse_read_timeout=timedelta(seconds=entry.sse_read_timeout), terminate_on_close=entry.terminate_on_close,
    )
