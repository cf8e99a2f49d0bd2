"""Open MCP client transports from a :class:`ServerConfig`."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import TextIO

from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp import StdioServerParameters
from mcp.client.session_group import ServerParameters, SseServerParameters, StreamableHttpParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import get_default_environment, stdio_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.message import SessionMessage

from agentmesh.config import ServerConfig
from agentmesh.http import build_auth

ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]


def _no_session_id() -> str | None:
    return None


def stdio_parameters(cfg: ServerConfig) -> StdioServerParameters:
    assert cfg.command is not None
    return StdioServerParameters(command=cfg.command, args=cfg.args, env={**get_default_environment(), **cfg.env})


def to_server_parameters(cfg: ServerConfig) -> ServerParameters:
    """Translate our config into the SDK's own parameter models (used with ClientSessionGroup)."""
    if cfg.transport == "sse":
        return SseServerParameters(
            url=cfg.endpoint, headers=cfg.headers or None, timeout=cfg.timeout, sse_read_timeout=cfg.sse_read_timeout
        )
    if cfg.transport == "streamable_http":
        return StreamableHttpParameters(
            url=cfg.endpoint,
            headers=cfg.headers or None,
            timeout=timedelta(seconds=cfg.timeout),
            sse_read_timeout=timedelta(seconds=cfg.sse_read_timeout),
        )
    return stdio_parameters(cfg)


@asynccontextmanager
async def open_transport(
    cfg: ServerConfig,
    *,
    client_factory: McpHttpClientFactory | None = None,
    errlog: TextIO = sys.stderr,
) -> AsyncIterator[tuple[ReadStream, WriteStream, GetSessionIdCallback]]:
    """Yield ``(read, write, get_session_id)``; only streamable HTTP has real session ids."""
    factory = client_factory or create_mcp_http_client
    auth = build_auth(cfg.auth)

    if cfg.transport == "stdio":
        async with stdio_client(stdio_parameters(cfg), errlog=errlog) as (read, write):
            yield read, write, _no_session_id
    elif cfg.transport == "sse":
        async with sse_client(
            cfg.endpoint,
            headers=cfg.headers or None,
            timeout=cfg.timeout,
            sse_read_timeout=cfg.sse_read_timeout,
            httpx_client_factory=factory,
            auth=auth,
        ) as (read, write):
            yield read, write, _no_session_id
    elif cfg.transport == "streamable_http":
        async with streamablehttp_client(
            cfg.endpoint,
            headers=cfg.headers or None,
            timeout=timedelta(seconds=cfg.timeout),
            sse_read_timeout=timedelta(seconds=cfg.sse_read_timeout),
            httpx_client_factory=factory,
            auth=auth,
        ) as (read, write, get_session_id):
            yield read, write, get_session_id
    else:
        # optional extra: only import when someone actually configures a websocket server
        from mcp.client.websocket import websocket_client

        async with websocket_client(cfg.endpoint) as (read, write):
            yield read, write, _no_session_id
