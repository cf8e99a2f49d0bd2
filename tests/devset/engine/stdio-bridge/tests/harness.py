"""In-memory wiring: upstream server <-> bridge <-> downstream test client."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeAlias

import anyio

import mcp.types as types
from mcp.client.session import ClientSession, ElicitationFnT, SamplingFnT
from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import Server
from mcp.shared.memory import create_client_server_memory_streams, create_connected_server_and_client_session
from mcp.shared.session import RequestResponder

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from stdiobridge.bridge import StdioBridge  # noqa: E402
from stdiobridge.hooks import MessageTap  # noqa: E402
from stdiobridge.settings import BridgeSettings  # noqa: E402


Notice: TypeAlias = types.ServerNotificationType


@dataclass
class Inbox:
    """Collects what the downstream client receives besides responses."""

    notifications: list[Notice] = field(default_factory=list)
    logs: list[types.LoggingMessageNotificationParams] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)

    async def message_handler(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        match message:
            case types.ServerNotification(root=notification):
                self.notifications.append(notification)
            case Exception():
                self.errors.append(message)
            case _:
                pass

    async def logging_callback(self, params: types.LoggingMessageNotificationParams) -> None:
        self.logs.append(params)

    def methods(self) -> list[str]:
        return [n.method for n in self.notifications]

    async def wait_for(self, method: str, timeout: float = 2.0) -> Notice:
        with anyio.fail_after(timeout):
            while True:
                for notification in self.notifications:
                    if notification.method == method:
                        return notification
                await anyio.sleep(0.01)


def text_of(result: types.CallToolResult, *, error: bool = False) -> str:
    """First text block of a tool result, asserting on the error flag."""
    assert result.isError is error, result.content
    block = result.content[0]
    assert isinstance(block, types.TextContent), block
    return block.text


@dataclass
class Rig:
    bridge: StdioBridge
    client: ClientSession
    inbox: Inbox


@asynccontextmanager
async def bridged(
    upstream: FastMCP | Server[Any, Any],
    settings: BridgeSettings | None = None,
    *,
    tap: MessageTap | None = None,
    sampling_callback: SamplingFnT | None = None,
    elicitation_callback: ElicitationFnT | None = None,
) -> AsyncIterator[Rig]:
    lowlevel = upstream._mcp_server if isinstance(upstream, FastMCP) else upstream
    bridge = StdioBridge(settings or BridgeSettings(request_timeout=5), tap=tap)
    inbox = Inbox()
    async with create_client_server_memory_streams() as (bridge_side, upstream_side):
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: lowlevel.run(upstream_side[0], upstream_side[1], lowlevel.create_initialization_options())
            )
            async with bridge.connect(bridge_side[0], bridge_side[1]):
                async with create_connected_server_and_client_session(
                    bridge.server,
                    read_timeout_seconds=timedelta(seconds=10),
                    message_handler=inbox.message_handler,
                    logging_callback=inbox.logging_callback,
                    sampling_callback=sampling_callback,
                    elicitation_callback=elicitation_callback,
                ) as client:
                    yield Rig(bridge, client, inbox)
            tg.cancel_scope.cancel()
