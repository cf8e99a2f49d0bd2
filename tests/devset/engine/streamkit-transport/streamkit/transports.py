"""Uniform wrappers around the SDK's client transports.

Every opener is an async context manager yielding an ``OpenedTransport``: the
stream pair plus whatever the transport knows about the remote session.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal

import httpx
from mcp.client.sse import sse_client
from mcp.client.stdio import StdioServerParameters, get_default_environment, stdio_client
from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client, streamablehttp_client

from streamkit._types import ReadStream, StreamPair, WriteStream

DEFAULT_TIMEOUT = timedelta(seconds=30)
DEFAULT_READ_TIMEOUT = timedelta(minutes=5)

logger = logging.getLogger(__name__)

TransportKind = Literal["stdio", "sse", "streamable-http"]


def quiet_http_logs(level: int = logging.WARNING) -> None:
    """httpx logs every request at INFO; keep that out of application logs."""
    logging.getLogger("httpx").setLevel(level)
    logging.getLogger("httpcore").setLevel(level)


@dataclass
class OpenedTransport:
    read: ReadStream
    write: WriteStream
    kind: TransportKind
    get_session_id: GetSessionIdCallback | None = None

    @property
    def streams(self) -> StreamPair:
        return self.read, self.write

    def session_id(self) -> str | None:
        return self.get_session_id() if self.get_session_id else None


@dataclass
class TransportSpec:
    kind: TransportKind
    target: str
    args: list[str] = field(default_factory=lambda: [])
    env: dict[str, str] | None = None
    headers: dict[str, str] | None = None
    token: str | None = None
    timeout: timedelta = DEFAULT_TIMEOUT
    read_timeout: timedelta = DEFAULT_READ_TIMEOUT


class StaticTokenAuth(httpx.Auth):
    """Bearer token auth for servers that hand out long-lived API tokens."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


def build_http_client(spec: TransportSpec) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        headers=spec.headers,
        auth=StaticTokenAuth(spec.token) if spec.token else None,
        timeout=httpx.Timeout(spec.timeout.total_seconds(), read=spec.read_timeout.total_seconds()),
        follow_redirects=True,
    )


def stdio_parameters(spec: TransportSpec) -> StdioServerParameters:
    env = {**get_default_environment(), **spec.env} if spec.env else None
    return StdioServerParameters(command=spec.target, args=list(spec.args), env=env)


@asynccontextmanager
async def open_stdio(spec: TransportSpec) -> AsyncIterator[OpenedTransport]:
    async with stdio_client(stdio_parameters(spec)) as (read, write):
        yield OpenedTransport(read, write, "stdio")


@asynccontextmanager
async def open_sse(spec: TransportSpec) -> AsyncIterator[OpenedTransport]:
    seen_ids: list[str] = []
    async with sse_client(
        spec.target,
        headers=spec.headers,
        timeout=spec.timeout.total_seconds(),
        sse_read_timeout=spec.read_timeout.total_seconds(),
        auth=StaticTokenAuth(spec.token) if spec.token else None,
        on_session_created=seen_ids.append,
    ) as (read, write):
        yield OpenedTransport(read, write, "sse", lambda: seen_ids[-1] if seen_ids else None)


@asynccontextmanager
async def open_streamable_http(spec: TransportSpec) -> AsyncIterator[OpenedTransport]:
    async with streamablehttp_client(
        spec.target,
        headers=spec.headers,
        timeout=spec.timeout,
        sse_read_timeout=spec.read_timeout,
        auth=StaticTokenAuth(spec.token) if spec.token else None,
    ) as (read, write, get_session_id):
        yield OpenedTransport(read, write, "streamable-http", get_session_id)


@asynccontextmanager
async def open_streamable_http_with(url: str, http_client: httpx.AsyncClient) -> AsyncIterator[OpenedTransport]:
    """Same as open_streamable_http, but over a caller-owned httpx client."""
    async with streamable_http_client(url, http_client=http_client, terminate_on_close=True) as (
        read,
        write,
        get_session_id,
    ):
        yield OpenedTransport(read, write, "streamable-http", get_session_id)


@asynccontextmanager
async def open_transport(spec: TransportSpec) -> AsyncIterator[OpenedTransport]:
    if spec.kind == "stdio":
        opener = open_stdio
    elif spec.kind == "sse":
        opener = open_sse
    else:
        opener = open_streamable_http
    try:
        async with opener(spec) as transport:
            yield transport
    except* httpx.HTTPStatusError as group:
        for exc in group.exceptions:
            if isinstance(exc, httpx.HTTPStatusError):
                logger.warning("%s answered HTTP %s", spec.target, exc.response.status_code)
        raise
