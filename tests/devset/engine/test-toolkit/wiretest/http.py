"""Streamable HTTP without a socket: a FastMCP app behind ``httpx.ASGITransport``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from mcp import ClientSession
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.server.fastmcp import FastMCP
from mcp.shared._httpx_utils import McpHttpClientFactory
from mcp.types import InitializeResult

from wiretest.config import ToolkitSettings

logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)


class StaticBearer(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token
        self.signed: list[str] = []

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        self.signed.append(request.method)
        yield request


def asgi_client_factory(app: Starlette, exchanges: list[tuple[str, str, int]]) -> McpHttpClientFactory:
    async def record(response: httpx.Response) -> None:
        exchanges.append((response.request.method, response.request.url.path, response.status_code))

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            headers=headers,
            timeout=timeout or httpx.Timeout(30, read=300),
            auth=auth,
            follow_redirects=True,
            event_hooks={"response": [record]},
        )

    return factory


def build_asgi_app(app: FastMCP[Any], settings: ToolkitSettings) -> Starlette:
    app.settings.host = settings.host
    app.settings.port = settings.port
    app.settings.streamable_http_path = settings.streamable_http_path
    app.settings.json_response = settings.json_response
    app.settings.stateless_http = settings.stateless_http
    return app.streamable_http_app()


@dataclass
class HttpConnection:
    session: ClientSession
    init: InitializeResult
    get_session_id: GetSessionIdCallback
    exchanges: list[tuple[str, str, int]] = field(default_factory=list)


@asynccontextmanager
async def serve_http(
    app: FastMCP[Any],
    settings: ToolkitSettings | None = None,
    *,
    headers: dict[str, str] | None = None,
    auth: httpx.Auth | None = None,
    timeout: timedelta = timedelta(seconds=10),
) -> AsyncIterator[HttpConnection]:
    settings = settings or ToolkitSettings.from_env()
    exchanges: list[tuple[str, str, int]] = []
    factory = asgi_client_factory(build_asgi_app(app, settings), exchanges)
    async with app.session_manager.run():
        async with streamablehttp_client(
            settings.base_url,
            headers=headers,
            timeout=timeout,
            sse_read_timeout=timedelta(seconds=30),
            httpx_client_factory=factory,
            auth=auth,
        ) as (read_stream, write_stream, get_session_id):
            async with ClientSession(read_stream, write_stream, read_timeout_seconds=timeout) as session:
                init = await session.initialize()
                yield HttpConnection(session, init, get_session_id, exchanges)
