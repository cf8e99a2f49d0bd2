"""Open a transport to a target and collect what the server sends unprompted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp import StdioServerParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.message import SessionMessage
from mcp.shared.session import RequestResponder
from mcp.types import (
    ClientResult,
    LoggingMessageNotification,
    ProgressNotification,
    ResourceListChangedNotification,
    ServerNotification,
    ServerRequest,
    ToolListChangedNotification,
)

from mcp_doctor.targets import Target

Streams = tuple[MemoryObjectReceiveStream[SessionMessage | Exception], MemoryObjectSendStream[SessionMessage]]


class TransportFactory(Protocol):
    def __call__(self, target: Target) -> Any: ...


@asynccontextmanager
async def open_transport(target: Target) -> AsyncIterator[Streams]:
    match target.kind:
        case "stdio":
            assert target.command is not None
            params = StdioServerParameters(command=target.command, args=list(target.args))
            async with stdio_client(params) as (read, write):
                yield read, write
        case "sse":
            assert target.url is not None
            async with sse_client(target.url, headers=target.headers, timeout=10, sse_read_timeout=30) as (read, write):
                yield read, write
        case "http":
            assert target.url is not None
            async with streamablehttp_client(target.url, headers=target.headers, timeout=10) as (read, write, _):
                yield read, write


@dataclass
class Inbox:
    """message_handler that records unsolicited server traffic."""

    logs: list[str] = field(default_factory=list)
    list_changed: list[str] = field(default_factory=list)
    progress: int = 0
    errors: list[str] = field(default_factory=list)
    requests: int = 0

    async def __call__(
        self,
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(f"{type(message).__name__}: {message}")
            return
        if isinstance(message, RequestResponder):
            self.requests += 1
            return
        match message.root:
            case LoggingMessageNotification(params=params):
                self.logs.append(f"[{params.level}] {params.data}")
            case ToolListChangedNotification():
                self.list_changed.append("tools")
            case ResourceListChangedNotification():
                self.list_changed.append("resources")
            case ProgressNotification():
                self.progress += 1
            case _:
                pass
