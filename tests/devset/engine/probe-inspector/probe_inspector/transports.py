"""Opening a client transport for a configured server."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import AsyncIterator, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import TextIO

import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp import StdioServerParameters, stdio_client
from mcp.client.sse import sse_client
from mcp.client.stdio import get_default_environment
from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client, streamablehttp_client
from mcp.shared._httpx_utils import create_mcp_http_client
from mcp.shared.message import SessionMessage

from probe_inspector.settings import ConfigError, ServerEntry

ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]

SSE_READ_TIMEOUT = timedelta(minutes=5)

# httpx logs every request at INFO, which drowns the inspector output.
for _noisy in ("httpx", "httpcore"):
    logging.getLogger(_noisy).setLevel(logging.WARNING)


class BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token
        self.rejected = False

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        self.rejected = response.status_code in (httpx.codes.UNAUTHORIZED, httpx.codes.FORBIDDEN)


@dataclass
class TransportHandle:
    read: ReadStream
    write: WriteStream
    kind: str
    get_session_id: GetSessionIdCallback | None = None

    def session_id(self) -> str | None:
        return self.get_session_id() if self.get_session_id is not None else None


def stdio_parameters(entry: ServerEntry) -> StdioServerParameters:
    if not entry.command:
        raise ConfigError(f"server {entry.name!r} has no command")
    env = get_default_environment()
    if "PYTHONPATH" in os.environ:
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    env.update(entry.env)
    return StdioServerParameters(command=entry.command, args=list(entry.args), env=env, cwd=entry.cwd)


@asynccontextmanager
async def open_transport(
    entry: ServerEntry, *, timeout: timedelta = timedelta(seconds=30), errlog: TextIO = sys.stderr
) -> AsyncIterator[TransportHandle]:
    """Connect to ``entry`` and yield the raw read/write streams."""
    auth = BearerAuth(entry.bearer_token) if entry.bearer_token else None

    if entry.transport == "stdio":
        async with stdio_client(stdio_parameters(entry), errlog=errlog) as (read, write):
            yield TransportHandle(read, write, "stdio")

    elif entry.transport == "sse":
        async with sse_client(
            entry.endpoint(),
            headers=dict(entry.headers),
            timeout=timeout.total_seconds(),
            sse_read_timeout=SSE_READ_TIMEOUT.total_seconds(),
            auth=auth,
        ) as (read, write):
            yield TransportHandle(read, write, "sse")

    elif entry.transport == "streamable-http":
        async with streamablehttp_client(
            entry.endpoint(),
            headers=dict(entry.headers),
            timeout=timeout,
            sse_read_timeout=SSE_READ_TIMEOUT,
            terminate_on_close=entry.terminate_on_close,
            auth=auth,
        ) as (read, write, get_session_id):
            yield TransportHandle(read, write, "streamable-http", get_session_id)

    elif entry.transport == "streamable-http-client":
        # caller-owned httpx client, so the REPL keeps one connection pool across commands
        client = create_mcp_http_client(
            headers=dict(entry.headers),
            timeout=httpx.Timeout(timeout.total_seconds(), read=SSE_READ_TIMEOUT.total_seconds()),
            auth=auth,
        )
        async with client, streamable_http_client(entry.endpoint(), http_client=client) as (read, write, get_id):
            yield TransportHandle(read, write, "streamable-http", get_id)

    elif entry.transport == "websocket":
        from mcp.client.websocket import websocket_client

        async with websocket_client(entry.endpoint()) as (read, write):
            yield TransportHandle(read, write, "websocket")

    else:
        raise ConfigError(f"unsupported transport {entry.transport!r}")


def describe_transport_failure(exc: BaseException) -> str:
    if isinstance(exc, httpx.HTTPStatusError):
        return f"HTTP {exc.response.status_code} from {exc.request.url}"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect: {exc}"
    return f"{type(exc).__name__}: {exc}"
