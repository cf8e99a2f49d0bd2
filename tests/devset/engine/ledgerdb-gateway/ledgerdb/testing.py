"""Helpers for exercising a gateway in-process (used by our tests and by downstream projects)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import httpx
from mcp.client.session import ClientSession, LoggingFnT, MessageHandlerFnT
from mcp.shared._httpx_utils import McpHttpClientFactory
from mcp.shared.memory import create_connected_server_and_client_session
from starlette.types import ASGIApp

from ledgerdb.config import GatewaySettings
from ledgerdb.server import LedgerServer, build_server


def temp_settings(**overrides: Any) -> GatewaySettings:
    handle, path = tempfile.mkstemp(prefix="ledger-", suffix=".sqlite3")
    os.close(handle)
    return GatewaySettings(database=path).with_overrides(**overrides)


@asynccontextmanager
async def connected(
    settings: GatewaySettings | None = None,
    *,
    message_handler: MessageHandlerFnT | None = None,
    logging_callback: LoggingFnT | None = None,
) -> AsyncIterator[tuple[LedgerServer, ClientSession]]:
    server = build_server(settings or temp_settings())
    async with create_connected_server_and_client_session(
        server,
        read_timeout_seconds=timedelta(seconds=10),
        message_handler=message_handler,
        logging_callback=logging_callback,
    ) as session:
        yield server, session


def asgi_client_factory(app: ASGIApp, base_headers: dict[str, str] | None = None) -> McpHttpClientFactory:
    """An httpx client factory that sends every request straight into an ASGI app."""

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            headers={**(base_headers or {}), **(headers or {})},
            timeout=timeout or httpx.Timeout(30, read=300),
            auth=auth,
            follow_redirects=True,
        )

    return factory
