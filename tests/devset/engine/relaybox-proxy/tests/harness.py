"""Wire an upstream server, the proxy and a downstream client together in memory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import anyio
import mcp.types as types
from mcp import ClientSession
from mcp.client.session import LoggingFnT, MessageHandlerFnT, SamplingFnT
from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import Server
from mcp.shared.memory import create_client_server_memory_streams, create_connected_server_and_client_session
from mcp.shared.session import RequestResponder

from relaybox.describe import UpstreamInfo
from relaybox.metrics import CallStats
from relaybox.proxy import create_proxy_server
from relaybox.relay import NotificationRelay, unwrap


@dataclass
class Proxied:
    upstream: ClientSession
    init: types.InitializeResult
    relay: NotificationRelay
    proxy: Server[object]
    client: ClientSession
    stats: CallStats


@asynccontextmanager
async def upstream_session(
    server: Server[Any] | FastMCP, relay: NotificationRelay
) -> AsyncIterator[tuple[ClientSession, types.InitializeResult]]:
    lowlevel = server._mcp_server if isinstance(server, FastMCP) else server
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: lowlevel.run(server_streams[0], server_streams[1], lowlevel.create_initialization_options())
            )
            async with ClientSession(
                client_streams[0],
                client_streams[1],
                sampling_callback=relay.sampling,
                elicitation_callback=relay.elicitation,
                list_roots_callback=relay.list_roots,
                message_handler=relay,
            ) as session:
                init = await session.initialize()
                yield session, init
            tg.cancel_scope.cancel()


@asynccontextmanager
async def proxied(
    server: Server[Any] | FastMCP,
    *,
    prefix: str | None = None,
    message_handler: MessageHandlerFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    sampling_callback: SamplingFnT | None = None,
) -> AsyncIterator[Proxied]:
    relay = NotificationRelay("up")
    stats = CallStats()
    async with upstream_session(server, relay) as (session, init):
        proxy = create_proxy_server(
            session,
            info=UpstreamInfo.from_initialize(init),
            upstream_name="up",
            prefix=prefix,
            relay=relay,
            stats=stats,
        )
        async with create_connected_server_and_client_session(
            proxy,
            message_handler=message_handler,
            logging_callback=logging_callback,
            sampling_callback=sampling_callback,
        ) as client:
            yield Proxied(session, init, relay, proxy, client, stats)


@dataclass
class Inbox:
    """A downstream ``message_handler`` that collects server notifications."""

    notifications: list[types.ServerNotificationType] = field(default_factory=list)
    arrived: anyio.Event = field(default_factory=anyio.Event)

    async def __call__(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, types.ServerNotification):
            self.notifications.append(unwrap(message))
            self.arrived.set()

    def of_type(self, kind: type[Any]) -> list[Any]:
        return [n for n in self.notifications if isinstance(n, kind)]

    async def wait_for(self, kind: type[Any], timeout: float = 5.0) -> Any:
        with anyio.fail_after(timeout):
            while not self.of_type(kind):
                self.arrived = anyio.Event()
                await self.arrived.wait()
        return self.of_type(kind)[-1]


def error_text(result: types.CallToolResult) -> str:
    """Text of a failed tool call; fails the test if the call succeeded."""
    assert result.isError is True, f"expected an error result, got {result.content!r}"
    first = result.content[0]
    assert isinstance(first, types.TextContent)
    return first.text
