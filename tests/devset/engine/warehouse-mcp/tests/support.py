"""Shared helpers for the warehouse test-suite."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import anyio

from mcp.client.session import ClientSession, ElicitationFnT, LoggingFnT, SamplingFnT
from mcp.shared.memory import create_client_server_memory_streams
from mcp.types import LoggingMessageNotificationParams, TextContent

from warehouse.client import NotificationLog
from warehouse.config import WarehouseConfig
from warehouse.server import WarehouseServer, create_server


def make_config(**overrides: Any) -> WarehouseConfig:
    base = WarehouseConfig(
        name="warehouse-test",
        dsn=f"file:wh-{uuid.uuid4().hex}?mode=memory&cache=shared",
        pool_size=2,
        max_rows=50,
        allowed_hosts=("testserver",),
    )
    return base.with_overrides(**overrides)


def make_server(**overrides: Any) -> WarehouseServer:
    return create_server(make_config(**overrides))


class LogSink:
    def __init__(self) -> None:
        self.records: list[LoggingMessageNotificationParams] = []

    async def __call__(self, params: LoggingMessageNotificationParams) -> None:
        self.records.append(params)

    def messages(self, level: str | None = None) -> list[str]:
        return [str(r.data) for r in self.records if level is None or r.level == level]


@asynccontextmanager
async def connected(
    server: WarehouseServer,
    *,
    elicitation_callback: ElicitationFnT | None = None,
    sampling_callback: SamplingFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    message_handler: NotificationLog | None = None,
    timeout: timedelta = timedelta(seconds=10),
) -> AsyncIterator[ClientSession]:
    """Run ``server`` on in-memory streams and hand back an initialized client session."""
    lowlevel = server._mcp_server
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: lowlevel.run(
                    server_streams[0],
                    server_streams[1],
                    lowlevel.create_initialization_options(),
                    raise_exceptions=False,
                )
            )
            try:
                async with ClientSession(
                    client_streams[0],
                    client_streams[1],
                    read_timeout_seconds=timeout,
                    elicitation_callback=elicitation_callback,
                    sampling_callback=sampling_callback,
                    logging_callback=logging_callback,
                    message_handler=message_handler,
                ) as session:
                    await session.initialize()
                    yield session
            finally:
                tg.cancel_scope.cancel()


def first_text(blocks: list[Any]) -> str:
    for block in blocks:
        if isinstance(block, TextContent):
            return block.text
    raise AssertionError(f"no text content in {blocks!r}")
