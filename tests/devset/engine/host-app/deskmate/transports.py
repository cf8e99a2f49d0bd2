"""Turning ``mcpServers`` entries into live transport streams."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import AsyncIterator, Callable, Generator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import TextIO

import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp import StdioServerParameters, stdio_client
from mcp.client.session_group import SseServerParameters, StreamableHttpParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import get_default_environment
from mcp.client.streamable_http import MCP_PROTOCOL_VERSION, MCP_SESSION_ID, GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.message import SessionMessage

from deskmate.config import ServerEntry

log = logging.getLogger(__name__)

DIAGNOSTIC_HEADERS = (MCP_SESSION_ID, MCP_PROTOCOL_VERSION)


def quiet_http_loggers(level: int = logging.WARNING) -> None:
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(level)


class BearerAuth(httpx.Auth):
    """Adds a bearer token read lazily from the environment on every request."""

    def __init__(self, env_var: str, environ: dict[str, str] | None = None) -> None:
        self.env_var = env_var
        self.environ = environ

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = (os.environ if self.environ is None else self.environ).get(self.env_var)
        if token:
            request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401:
            log.warning("server rejected the token from %s", self.env_var)


@dataclass
class TransportHandle:
    read: MemoryObjectReceiveStream[SessionMessage | Exception]
    write: MemoryObjectSendStream[SessionMessage]
    get_session_id: GetSessionIdCallback | None = None
    kind: str = "stdio"


TransportOpener = Callable[[ServerEntry], AbstractAsyncContextManager[TransportHandle]]


def stdio_parameters(entry: ServerEntry) -> StdioServerParameters:
    assert entry.command is not None
    env = get_default_environment()
    env.update(entry.env)
    return StdioServerParameters(
        command=entry.command,
        args=list(entry.args),
        env=env,
        cwd=entry.cwd,
        encoding_error_handler="replace",
    )


def sse_parameters(entry: ServerEntry) -> SseServerParameters:
    assert entry.url is not None
    return SseServerParameters(
        url=entry.url,
        headers=dict(entry.headers) or None,
        timeout=entry.timeout,
        sse_read_timeout=entry.sse_read_timeout,
    )


def http_parameters(entry: ServerEntry) -> StreamableHttpParameters:
    assert entry.url is not None
    return StreamableHttpParameters(
        url=entry.url,
        headers=dict(entry.headers) or None,
        timeout=timedelta(seconds=entry.timeout),
        sse_read_timeout=timedelta(seconds=entry.sse_read_timeout),
    )


class TransportFactory:
    """Opens the right client transport for an entry; ``http_client_factory`` lets builds inject proxies/CAs."""

    def __init__(
        self,
        http_client_factory: McpHttpClientFactory = create_mcp_http_client,
        errlog: TextIO = sys.stderr,
    ) -> None:
        self.http_client_factory = http_client_factory
        self.errlog = errlog

    def auth_for(self, entry: ServerEntry) -> httpx.Auth | None:
        return BearerAuth(entry.bearer_token_env) if entry.bearer_token_env else None

    @asynccontextmanager
    async def open(self, entry: ServerEntry) -> AsyncIterator[TransportHandle]:
        if entry.transport == "stdio":
            async with stdio_client(stdio_parameters(entry), errlog=self.errlog) as (read, write):
                yield TransportHandle(read, write, kind="stdio")
        elif entry.transport == "sse":
            params = sse_parameters(entry)
            async with sse_client(
                params.url,
                headers=params.headers,
                timeout=params.timeout,
                sse_read_timeout=params.sse_read_timeout,
                httpx_client_factory=self.http_client_factory,
                auth=self.auth_for(entry),
            ) as (read, write):
                yield TransportHandle(read, write, kind="sse")
        else:
            params = http_parameters(entry)
            async with streamablehttp_client(
                params.url,
                headers=params.headers,
                timeout=params.timeout,
                sse_read_timeout=params.sse_read_timeout,
                terminate_on_close=params.terminate_on_close,
                httpx_client_factory=self.http_client_factory,
                auth=self.auth_for(entry),
            ) as (read, write, get_session_id):
                yield TransportHandle(read, write, get_session_id=get_session_id, kind="streamable-http")

    def __call__(self, entry: ServerEntry) -> AbstractAsyncContextManager[TransportHandle]:
        return self.open(entry)
