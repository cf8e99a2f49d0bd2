"""Connection helpers for the three transports ragbridge supports."""

from __future__ import annotations

import contextlib
import shlex
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal

import httpx
from mcp import StdioServerParameters, stdio_client
from mcp.client.sse import sse_client
from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client, streamablehttp_client
from mcp.types import InitializeResult

from ragbridge.session import TracingClientSession


@dataclass
class ServerSpec:
    kind: Literal["stdio", "http", "sse"]
    target: str
    headers: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] | None = None
    timeout: timedelta = timedelta(seconds=30)
    sse_read_timeout: timedelta = timedelta(minutes=5)
    bearer_token: str | None = None


@dataclass
class Connection:
    session: TracingClientSession
    init: InitializeResult
    get_session_id: GetSessionIdCallback | None = None

    @property
    def server_name(self) -> str:
        return self.init.serverInfo.name

    @property
    def protocol(self) -> str:
        return str(self.init.protocolVersion)


class _BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request):
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


@contextlib.asynccontextmanager
async def connect(spec: ServerSpec) -> AsyncIterator[Connection]:
    """Open a traced session to ``spec`` and run the initialize handshake."""
    async with contextlib.AsyncExitStack() as stack:
        get_id: GetSessionIdCallback | None = None
        if spec.kind == "stdio":
            argv = shlex.split(spec.target)
            params = StdioServerParameters(command=argv[0], args=argv[1:], env=spec.env)
            read, write = await stack.enter_async_context(stdio_client(params))
        elif spec.kind == "sse":
            read, write = await stack.enter_async_context(
                sse_client(
                    spec.target,
                    headers=spec.headers,
                    timeout=spec.timeout.total_seconds(),
                    sse_read_timeout=spec.sse_read_timeout.total_seconds(),
                )
            )
        elif spec.bearer_token:
            read, write, get_id = await stack.enter_async_context(
                streamablehttp_client(
                    spec.target,
                    headers=spec.headers,
                    timeout=spec.timeout,
                    sse_read_timeout=spec.sse_read_timeout,
                    auth=_BearerAuth(spec.bearer_token),
                )
            )
        else:
            http = await stack.enter_async_context(
                httpx.AsyncClient(
                    headers=spec.headers,
                    timeout=httpx.Timeout(spec.timeout.total_seconds(), read=spec.sse_read_timeout.total_seconds()),
                    follow_redirects=True,
                )
            )
            read, write, get_id = await stack.enter_async_context(streamable_http_client(spec.target, http_client=http))
        session = await stack.enter_async_context(TracingClientSession(read, write, default_timeout=spec.timeout))
        init = await session.initialize()
        yield Connection(session=session, init=init, get_session_id=get_id)


async def probe(spec: ServerSpec) -> str:
    """Connect, report ``name@protocol (session id)``; used by the CLI health check."""
    status = "unknown"
    try:
        async with connect(spec) as conn:
            sid = conn.get_session_id() if conn.get_session_id else None
            status = f"{conn.server_name}@{conn.protocol} ({sid or 'no-session'})"
    except* httpx.HTTPStatusError as eg:
        status = f"http error: {eg.exceptions[0]}"
    except* httpx.ConnectError:
        status = "unreachable"
    return status
