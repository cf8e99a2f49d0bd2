"""Open read/write streams for a crawl target."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import NamedTuple

from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp.client.sse import sse_client
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.message import SessionMessage

from .targets import Target

log = logging.getLogger(__name__)


class Streams(NamedTuple):
    read: MemoryObjectReceiveStream[SessionMessage | Exception]
    write: MemoryObjectSendStream[SessionMessage]
    session_id: Callable[[], str | None]


def _no_session_id() -> str | None:
    return None


@asynccontextmanager
async def open_streams(target: Target) -> AsyncIterator[Streams]:
    if target.kind == "stdio":
        assert target.command
        params = StdioServerParameters(command=target.command, args=target.args, env=target.env, cwd=target.cwd)
        async with stdio_client(params) as (read, write):
            yield Streams(read, write, _no_session_id)
    elif target.kind == "sse":
        assert target.url
        async with sse_client(
            target.url,
            headers=target.headers,
            timeout=target.connect_timeout.total_seconds(),
            sse_read_timeout=target.stream_timeout.total_seconds(),
        ) as (read, write):
            yield Streams(read, write, _no_session_id)
    else:
        assert target.url
        async with streamablehttp_client(
            target.url,
            headers=target.headers,
            timeout=target.connect_timeout,
            sse_read_timeout=target.stream_timeout,
        ) as (read, write, get_session_id):
            yield Streams(read, write, get_session_id)
