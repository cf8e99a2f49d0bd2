"""Open an MCP connection from a plain config dict (or StdioServerParameters)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Generator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp import StdioServerParameters, stdio_client
from mcp.client.sse import sse_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared.message import SessionMessage

ServerConfig = dict[str, Any] | StdioServerParameters
Streams = tuple[MemoryObjectReceiveStream[SessionMessage | Exception], MemoryObjectSendStream[SessionMessage]]


class BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


def transport_name(config: dict[str, Any]) -> str:
    if config.get("transport"):
        return str(config["transport"]).replace("_", "-")
    if "url" not in config:
        return "stdio"
    return "sse" if str(config["url"]).rstrip("/").endswith("/sse") else "streamable-http"


def _auth(config: dict[str, Any]) -> httpx.Auth | None:
    token = config.get("token") or os.environ.get(config.get("token_env", ""), "")
    return BearerAuth(token) if token else None


@asynccontextmanager
async def open_streams(config: ServerConfig) -> AsyncIterator[tuple[Streams, GetSessionIdCallback | None]]:
    """Yield `((read_stream, write_stream), get_session_id)` for the configured transport."""
    if isinstance(config, dict) and transport_name(config) == "stdio":
        env = config.get("env")
        config = StdioServerParameters(
            command=config["command"],
            args=list(config.get("args", [])),
            env={**os.environ, **env} if env else None,
            cwd=config.get("cwd"),
        )
    if isinstance(config, StdioServerParameters):
        async with stdio_client(config) as streams:
            yield streams, None
        return

    transport = transport_name(config)
    timeout = float(config.get("timeout", 30))
    sse_read_timeout = float(config.get("sse_read_timeout", 300))
    if transport == "sse":
        async with sse_client(
            config["url"],
            headers=config.get("headers"),
            timeout=timeout,
            sse_read_timeout=sse_read_timeout,
            auth=_auth(config),
        ) as streams:
            yield streams, None
    elif transport in ("streamable-http", "http"):
        async with streamablehttp_client(
            config["url"],
            headers=config.get("headers"),
            timeout=timedelta(seconds=timeout),
            sse_read_timeout=timedelta(seconds=sse_read_timeout),
            auth=_auth(config),
        ) as (read, write, get_session_id):
            yield (read, write), get_session_id
    elif transport == "websocket":
        from mcp.client.websocket import websocket_client  # needs the `websocket` extra

        async with websocket_client(config["url"]) as streams:
            yield streams, None
    else:
        raise ValueError(f"Unsupported MCP transport {transport!r}")
