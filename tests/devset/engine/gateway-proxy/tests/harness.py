"""Wiring helpers: upstream servers on memory streams, a gateway in front of them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import Server
from mcp.shared.memory import (
    MessageStream,
    create_client_server_memory_streams,
    create_connected_server_and_client_session,
)
from mcp.shared.message import SessionMessage
from mcp.shared.session import RequestResponder

from mcpgate import Gateway, GatewaySettings, UpstreamSpec


@dataclass
class WireLog:
    """Requests the gateway sent to one upstream, in order."""

    requests: list[types.JSONRPCRequest] = field(default_factory=list)

    def cursors(self, method: str) -> list[Any]:
        return [(r.params or {}).get("cursor") for r in self.requests if r.method == method]


@dataclass
class Inbox:
    """Everything a downstream client got besides responses."""

    notifications: list[Any] = field(default_factory=list)
    logs: list[types.LoggingMessageNotificationParams] = field(default_factory=list)

    async def on_message(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, types.ServerNotification):
            self.notifications.append(message.root)

    async def on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        self.logs.append(params)

    def of_type(self, kind: type[Any]) -> list[Any]:
        return [n for n in self.notifications if isinstance(n, kind)]

    def log_text(self) -> list[str]:
        return [str(p.data) for p in self.logs]


@asynccontextmanager
async def serve_upstream(server: Server[Any, Any] | FastMCP, wire: WireLog | None = None) -> AsyncIterator[MessageStream]:
    lowlevel = server._mcp_server if isinstance(server, FastMCP) else server
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        client_read, client_write = client_streams
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: lowlevel.run(
                    server_streams[0],
                    server_streams[1],
                    lowlevel.create_initialization_options(),
                    raise_exceptions=False,
                )
            )
            if wire is None:
                yield client_read, client_write
            else:
                tapped_send, tapped_receive = anyio.create_memory_object_stream[SessionMessage](16)
                tg.start_soon(_tap, tapped_receive, client_write, wire)
                async with tapped_send:
                    yield client_read, tapped_send
            tg.cancel_scope.cancel()


async def _tap(
    source: MemoryObjectReceiveStream[SessionMessage],
    sink: MemoryObjectSendStream[SessionMessage],
    wire: WireLog,
) -> None:
    async with source:
        async for item in source:
            message = item.message.root
            if isinstance(message, types.JSONRPCRequest):
                wire.requests.append(message)
            await sink.send(item)


@asynccontextmanager
async def gateway_for(
    upstreams: dict[str, Server[Any, Any] | FastMCP],
    *,
    settings: GatewaySettings | None = None,
    specs: dict[str, UpstreamSpec] | None = None,
    wires: dict[str, WireLog] | None = None,
) -> AsyncIterator[Gateway]:
    specs, wires = specs or {}, wires or {}
    async with AsyncExitStack() as stack:
        streams = {
            name: await stack.enter_async_context(serve_upstream(server, wires.get(name)))
            for name, server in upstreams.items()
        }
        gateway = await stack.enter_async_context(Gateway(settings or GatewaySettings(name="test-gateway")))
        for name, (read, write) in streams.items():
            spec = specs.get(name) or UpstreamSpec(name=name, transport="memory")
            await gateway.connect(spec, (read, write))
        await gateway.sync()
        yield gateway


@asynccontextmanager
async def downstream(gateway: Gateway, inbox: Inbox | None = None) -> AsyncIterator[ClientSession]:
    inbox = inbox or Inbox()
    async with create_connected_server_and_client_session(
        gateway.mcp, message_handler=inbox.on_message, logging_callback=inbox.on_log
    ) as session:
        yield session


def text_of(result: types.CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))
