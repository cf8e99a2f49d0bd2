"""Client for widgetkit apps served over HTTP (``widgetkit inspect <url>`` and the
multi-app dashboard use it)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Generator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

import httpx
import mcp.types as types
from mcp import ClientSession
from mcp.client.sse import sse_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.exceptions import McpError

from widgetkit.adapter import USER_HEADER

logging.getLogger("httpx").setLevel(logging.WARNING)
logger = logging.getLogger("widgetkit.remote")


class BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        if response.status_code == 401:
            logger.warning("token rejected by %s", request.url.host)


@dataclass
class RemoteTarget:
    url: str
    transport: Literal["streamable-http", "sse"] = "streamable-http"
    user: str | None = None
    token: str | None = None
    timeout: timedelta = timedelta(seconds=30)
    sse_read_timeout: timedelta = timedelta(minutes=5)
    headers: dict[str, str] = field(default_factory=dict)

    def request_headers(self) -> dict[str, str]:
        extra = {USER_HEADER: self.user} if self.user else {}
        return {"user-agent": "widgetkit-remote/0.3", **self.headers, **extra}


class RemoteWidgetClient:
    def __init__(self, target: RemoteTarget, *, http_client_factory: McpHttpClientFactory | None = None) -> None:
        self.target = target
        self.http_client_factory = http_client_factory or create_mcp_http_client
        self._get_session_id: GetSessionIdCallback | None = None
        self.init: types.InitializeResult | None = None

    @asynccontextmanager
    async def open(self) -> AsyncIterator[ClientSession]:
        t = self.target
        auth = BearerAuth(t.token) if t.token else None
        async with AsyncExitStack() as stack:
            if t.transport == "sse":
                read_stream, write_stream = await stack.enter_async_context(
                    sse_client(t.url, headers=t.request_headers(), timeout=t.timeout.total_seconds(),
                               sse_read_timeout=t.sse_read_timeout.total_seconds(),
                               httpx_client_factory=self.http_client_factory, auth=auth)
                )
            else:
                read_stream, write_stream, self._get_session_id = await stack.enter_async_context(
                    streamablehttp_client(t.url, headers=t.request_headers(), timeout=t.timeout,
                                          sse_read_timeout=t.sse_read_timeout,
                                          httpx_client_factory=self.http_client_factory, auth=auth)
                )
            session = await stack.enter_async_context(
                ClientSession(read_stream, write_stream, read_timeout_seconds=t.timeout)
            )
            self.init = await session.initialize()
            logger.info("connected to %s %s", self.init.serverInfo.name, self.init.serverInfo.version)
            yield session

    @property
    def session_id(self) -> str | None:
        return self._get_session_id() if self._get_session_id is not None else None

    async def call(self, session: ClientSession, name: str, arguments: dict[str, Any] | None = None, *,
                   attempts: int = 3, timeout: timedelta | None = None) -> types.CallToolResult:
        for attempt in range(1, attempts + 1):
            try:
                return await session.call_tool(name, arguments, read_timeout_seconds=timeout or self.target.timeout)
            except McpError as exc:
                if exc.error.code != httpx.codes.REQUEST_TIMEOUT or attempt == attempts:
                    raise
                logger.info("call %s timed out (attempt %d/%d)", name, attempt, attempts)
        raise AssertionError("unreachable")

    async def catalog(self, session: ClientSession) -> dict[str, Any]:
        """Flattened catalog used by the multi-app dashboard."""
        tools = await session.list_tools()
        templates = await session.list_resource_templates()
        return {
            "tools": {t.name: t.inputSchema for t in tools.tools},
            "readOnly": sorted(t.name for t in tools.tools if t.annotations and t.annotations.readOnlyHint),
            "templates": [t.uriTemplate for t in templates.resourceTemplates],
            "more": tools.nextCursor is not None,
            "capabilities": session.get_server_capabilities(),
        }
