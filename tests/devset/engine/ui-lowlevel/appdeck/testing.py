"""Helpers for testing apps through their MCP bridge without opening a socket."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import anyio
from mcp import ClientSession
from mcp.client.session import LoggingFnT, MessageHandlerFnT
from mcp.shared.memory import create_client_server_memory_streams, create_connected_server_and_client_session
from mcp.shared.session import RequestResponder
from mcp.types import (
    ClientResult,
    LoggingMessageNotification,
    LoggingMessageNotificationParams,
    ServerNotification,
    ServerNotificationType,
    ServerRequest,
)

from appdeck.app import App
from appdeck.mcp_server import AppMCPServer


@dataclass
class Recorder:
    """Collects everything the server pushes to the client."""

    notifications: list[ServerNotificationType] = field(default_factory=lambda: [])
    logs: list[LoggingMessageNotificationParams] = field(default_factory=lambda: [])
    errors: list[Exception] = field(default_factory=lambda: [])

    async def on_message(
        self,
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
        elif isinstance(message, ServerNotification):
            self.notifications.append(message.root)

    async def on_log(self, params: LoggingMessageNotificationParams) -> None:
        self.logs.append(params)

    def methods(self) -> list[str]:
        return [n.method for n in self.notifications if not isinstance(n, LoggingMessageNotification)]

    def of_type(self, kind: type[Any]) -> list[Any]:
        return [n for n in self.notifications if isinstance(n, kind)]


@asynccontextmanager
async def connect(
    target: App | AppMCPServer,
    *,
    recorder: Recorder | None = None,
    read_timeout: timedelta | None = timedelta(seconds=10),
    raise_exceptions: bool = False,
) -> AsyncIterator[ClientSession]:
    """Run the bridge on in-memory streams and yield an initialized client session.

    Unlike :func:`quick_session` this uses the bridge's own initialization options
    (list-changed notifications, resource subscriptions, experimental capabilities).
    """
    bridge = target.mcp_server() if isinstance(target, App) else target
    message_handler: MessageHandlerFnT | None = recorder.on_message if recorder else None
    logging_callback: LoggingFnT | None = recorder.on_log if recorder else None

    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:

            async def run_server() -> None:
                await bridge.server.run(
                    server_streams[0],
                    server_streams[1],
                    bridge.initialization_options(),
                    raise_exceptions=raise_exceptions,
                )

            tg.start_soon(run_server)
            async with ClientSession(
                client_streams[0],
                client_streams[1],
                read_timeout_seconds=read_timeout,
                message_handler=message_handler,
                logging_callback=logging_callback,
            ) as session:
                await session.initialize()
                yield session
            tg.cancel_scope.cancel()


@asynccontextmanager
async def quick_session(app: App, **kwargs: Any) -> AsyncIterator[ClientSession]:
    """Shortest path to a connected session, using the SDK's default options."""
    async with create_connected_server_and_client_session(app.mcp_server().server, **kwargs) as session:
        yield session
