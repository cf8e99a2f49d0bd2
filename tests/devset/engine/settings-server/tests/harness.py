"""Shared helpers for the ledgerd tests."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import anyio

from mcp.client.session import ClientSession, ElicitationFnT, LoggingFnT, MessageHandlerFnT
from mcp.server.fastmcp import FastMCP
from mcp.shared.memory import create_client_server_memory_streams

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from ledgerd.config import ServerConfig, TokenGrant  # noqa: E402
from ledgerd.server import AppContext, build_server  # noqa: E402
from ledgerd.store import DEFAULT_CHART, LedgerStore  # noqa: E402

TEST_TOKENS = {
    "tok-ops": TokenGrant("ops-console", ("ledger:read", "ledger:write")),
    "tok-ro": TokenGrant("dashboard", ("ledger:read",)),
}


def make_config(**overrides: Any) -> ServerConfig:
    return ServerConfig().merge(overrides)


def make_server(**overrides: Any) -> tuple[FastMCP[AppContext], LedgerStore]:
    config = make_config(**overrides)
    store = LedgerStore("memory://test").seed(DEFAULT_CHART)
    return build_server(config, store), store


@asynccontextmanager
async def connect(
    server: FastMCP[AppContext],
    *,
    elicitation_callback: ElicitationFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    message_handler: MessageHandlerFnT | None = None,
    read_timeout: timedelta = timedelta(seconds=10),
) -> AsyncIterator[ClientSession]:
    """Run ``server`` on in-memory streams and yield an initialised client session."""
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
            async with ClientSession(
                client_streams[0],
                client_streams[1],
                read_timeout_seconds=read_timeout,
                elicitation_callback=elicitation_callback,
                logging_callback=logging_callback,
                message_handler=message_handler,
            ) as session:
                await session.initialize()
                yield session
            tg.cancel_scope.cancel()
