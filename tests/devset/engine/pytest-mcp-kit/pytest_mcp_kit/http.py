"""Streamable HTTP without sockets: a real ``streamablehttp_client`` talks to a
FastMCP app's ASGI endpoint through ``httpx.ASGITransport``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
from starlette.types import ASGIApp

from mcp import ClientSession, types
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.server.fastmcp import FastMCP

from pytest_mcp_kit.config import DEFAULT_CONFIG, KitConfig
from pytest_mcp_kit.harness import KIT_CLIENT_INFO

# httpx logs every request at INFO, which drowns test output.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)


class BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token
        self.uses = 0

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.uses += 1
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


def asgi_client_factory(app: ASGIApp, *, base_url: str, statuses: list[int] | None = None) -> Callable[..., httpx.AsyncClient]:
    """An ``httpx_client_factory`` that sends every request into ``app``."""

    async def record(response: httpx.Response) -> None:
        if statuses is not None:
            statuses.append(response.status_code)

    def factory(
        headers: dict[str, str] | None = None, timeout: httpx.Timeout | None = None, auth: httpx.Auth | None = None
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url=base_url,
            headers=headers,
            timeout=timeout or httpx.Timeout(30, read=300),
            auth=auth,
            follow_redirects=True,
            event_hooks={"response": [record]},
        )

    return factory


@dataclass
class HttpConnection:
    session: ClientSession
    init: types.InitializeResult
    get_session_id: GetSessionIdCallback
    statuses: list[int]
    auth: BearerAuth | None


def endpoint_for(app: FastMCP[Any]) -> tuple[str, str]:
    """``(base_url, path)`` the app would serve streamable HTTP on."""
    return f"http://{app.settings.host}:{app.settings.port}", app.settings.streamable_http_path


@asynccontextmanager
async def serve_over_http(
    app: FastMCP[Any], *, token: str | None = None, config: KitConfig = DEFAULT_CONFIG
) -> AsyncIterator[HttpConnection]:
    asgi_app = app.streamable_http_app()
    base_url, path = endpoint_for(app)
    statuses: list[int] = []
    auth = BearerAuth(token) if token else None
    async with app.session_manager.run():
        async with streamablehttp_client(
            base_url + path,
            headers=config.extra_headers,
            timeout=config.read_timeout(),
            sse_read_timeout=timedelta(seconds=30),
            httpx_client_factory=asgi_client_factory(asgi_app, base_url=base_url, statuses=statuses),
            auth=auth,
        ) as (read_stream, write_stream, get_session_id):
            async with ClientSession(read_stream, write_stream, client_info=KIT_CLIENT_INFO) as session:
                init = await session.initialize()
                yield HttpConnection(session, init, get_session_id, statuses, auth)
