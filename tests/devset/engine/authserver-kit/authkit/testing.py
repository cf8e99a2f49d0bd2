"""Helpers for testing code that runs behind authkit, without sockets."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import anyio
import httpx
from starlette.types import ASGIApp

from mcp.client.session import ClientSession, LoggingFnT, MessageHandlerFnT
from mcp.server.auth.middleware.auth_context import auth_context_var
from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser
from mcp.server.auth.provider import AccessToken
from mcp.server.fastmcp import FastMCP
from mcp.shared._httpx_utils import McpHttpClientFactory
from mcp.shared.memory import create_client_server_memory_streams

from authkit.config import KitSettings

TEST_SETTINGS = KitSettings(
    public_host="localhost",
    port=8765,
    allowed_hosts=("testserver", "localhost:*"),
    required_scopes=("notes:read",),
)


@asynccontextmanager
async def connected_session(
    mcp: FastMCP,
    *,
    token: AccessToken | None = None,
    message_handler: MessageHandlerFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    read_timeout: timedelta = timedelta(seconds=10),
) -> AsyncIterator[ClientSession]:
    """In-memory client session against `mcp`, authenticated as `token`.

    The auth contextvar is set before the server task starts, so tools see
    the same `get_access_token()` they would behind BearerAuthBackend.
    """
    server = mcp._mcp_server
    reset = auth_context_var.set(AuthenticatedUser(token) if token is not None else None)
    try:
        async with create_client_server_memory_streams() as (client_streams, server_streams):
            async with anyio.create_task_group() as tg:
                tg.start_soon(
                    lambda: server.run(
                        server_streams[0],
                        server_streams[1],
                        server.create_initialization_options(),
                        raise_exceptions=False,
                    )
                )
                try:
                    async with ClientSession(
                        client_streams[0],
                        client_streams[1],
                        read_timeout_seconds=read_timeout,
                        message_handler=message_handler,
                        logging_callback=logging_callback,
                    ) as session:
                        await session.initialize()
                        yield session
                finally:
                    tg.cancel_scope.cancel()
    finally:
        auth_context_var.reset(reset)


def asgi_client_factory(app: ASGIApp, base_url: str = "http://localhost:8765") -> McpHttpClientFactory:
    """An httpx client factory that routes every request into `app` in-process."""

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url=base_url,
            headers=headers,
            timeout=timeout or httpx.Timeout(30.0),
            auth=auth,
            follow_redirects=True,
        )

    return factory

