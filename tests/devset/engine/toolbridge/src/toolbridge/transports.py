"""Connection helpers for remote MCP servers."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
from mcp import ClientSession, StdioServerParameters
from mcp.client.session_group import (
    ClientSessionParameters,
    ServerParameters,
    SseServerParameters,
    StreamableHttpParameters,
)
from mcp.client.streamable_http import streamablehttp_client

DEFAULT_TIMEOUT = timedelta(seconds=30)
DEFAULT_SSE_READ_TIMEOUT = timedelta(minutes=5)


@dataclass
class ServerSpec:
    """Declarative description of one MCP server to bridge."""

    name: str
    url: str | None = None
    command: str | None = None
    args: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    legacy_sse: bool = False
    timeout: timedelta = DEFAULT_TIMEOUT

    def to_parameters(self) -> ServerParameters:
        if self.command:
            return StdioServerParameters(command=self.command, args=self.args)
        if not self.url:
            raise ValueError(f"server {self.name!r} needs either url or command")
        if self.legacy_sse:
            return SseServerParameters(url=self.url, headers=self.headers, timeout=self.timeout.total_seconds())
        return StreamableHttpParameters(
            url=self.url,
            headers=self.headers,
            timeout=self.timeout,
            sse_read_timeout=DEFAULT_SSE_READ_TIMEOUT,
        )

    def session_parameters(self) -> ClientSessionParameters:
        return ClientSessionParameters(read_timeout_seconds=self.timeout)


@contextlib.asynccontextmanager
async def open_http_session(
    url: str, token: str | None = None, timeout: timedelta = DEFAULT_TIMEOUT
) -> AsyncIterator[tuple[ClientSession, str | None]]:
    """Open an initialized session over streamable HTTP.

    Yields the session and the server-assigned session id (if any), which we
    log so operators can correlate bridge traffic with server logs.
    """
    headers = {"Authorization": f"Bearer {token}"} if token else None
    try:
        async with streamablehttp_client(
            url,
            headers=headers,
            timeout=timeout,
            sse_read_timeout=DEFAULT_SSE_READ_TIMEOUT,
        ) as (read_stream, write_stream, get_session_id):
            async with ClientSession(read_stream, write_stream, read_timeout_seconds=timeout) as session:
                await session.initialize()
                yield session, get_session_id()
    except* httpx.HTTPStatusError as group:
        statuses = [e.response.status_code for e in group.exceptions if isinstance(e, httpx.HTTPStatusError)]
        raise ConnectionError(f"MCP server at {url} answered HTTP {statuses[0] if statuses else 'error'}") from group
