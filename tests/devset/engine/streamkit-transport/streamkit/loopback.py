"""In-memory loopback, plus a minimal probe endpoint.

The loopback runs a real server in-process (streamkit's own tests use it, and
so do applications that embed a server). The probe endpoint is built directly
on ServerSession: it answers the handshake and pings, refuses everything else
and records the notifications it sees, which is enough to check that a
transport delivers traffic both ways before a real server is put behind it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import anyio
import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage
from mcp.shared.session import RequestResponder

from streamkit._types import ReadStream, StreamPair, WriteStream

logger = logging.getLogger(__name__)


@asynccontextmanager
async def loopback_pair(buffer: int = 8) -> AsyncIterator[tuple[StreamPair, StreamPair]]:
    """Two connected stream pairs: (client_side, server_side)."""
    c2s_send, c2s_recv = anyio.create_memory_object_stream[SessionMessage | Exception](buffer)
    s2c_send, s2c_recv = anyio.create_memory_object_stream[SessionMessage | Exception](buffer)
    async with c2s_send, c2s_recv, s2c_send, s2c_recv:
        yield (s2c_recv, c2s_send), (c2s_recv, s2c_send)


@asynccontextmanager
async def serve_in_memory(
    server: Server[Any, Any],
    *,
    raise_exceptions: bool = False,
    stateless: bool = False,
    notification_options: NotificationOptions | None = None,
) -> AsyncIterator[StreamPair]:
    """Run ``server`` on in-memory streams and yield the client side."""
    options = server.create_initialization_options(notification_options)
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        read, write = server_streams
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                functools.partial(
                    server.run, read, write, options, raise_exceptions=raise_exceptions, stateless=stateless
                )
            )
            try:
                yield client_streams
            finally:
                tg.cancel_scope.cancel()


def backlog(stream: MemoryObjectReceiveStream[Any] | MemoryObjectSendStream[Any]) -> int:
    """Messages currently buffered in a memory stream."""
    return stream.statistics().current_buffer_used


def drain_nowait(stream: ReadStream) -> list[SessionMessage | Exception]:
    """Take everything that is already buffered without waiting."""
    drained: list[SessionMessage | Exception] = []
    while True:
        try:
            drained.append(stream.receive_nowait())
        except anyio.WouldBlock:
            return drained


@dataclass
class ProbeReport:
    pings: int = 0
    refused: list[str] = field(default_factory=lambda: [])
    notifications: list[str] = field(default_factory=lambda: [])
    errors: list[str] = field(default_factory=lambda: [])


def probe_options(name: str = "streamkit-probe") -> InitializationOptions:
    return InitializationOptions(
        server_name=name,
        server_version="0.4.1",
        capabilities=types.ServerCapabilities(),
        instructions="Transport probe: answers ping only.",
    )


async def run_probe_endpoint(
    read: ReadStream, write: WriteStream, report: ProbeReport, *, stateless: bool = False
) -> None:
    async with ServerSession(read, write, probe_options(), stateless=stateless) as session:
        async for incoming in session.incoming_messages:
            if isinstance(incoming, RequestResponder):
                request = incoming.request.root
                with incoming:
                    if isinstance(request, types.PingRequest):
                        report.pings += 1
                        await incoming.respond(types.ServerResult(types.EmptyResult()))
                    else:
                        report.refused.append(request.method)
                        refusal = f"probe does not serve {request.method}"
                        await incoming.respond(types.ErrorData(code=types.METHOD_NOT_FOUND, message=refusal))
            elif isinstance(incoming, types.ClientNotification):
                report.notifications.append(incoming.root.method)
            else:
                logger.warning("transport error: %r", incoming)
                report.errors.append(str(incoming))
