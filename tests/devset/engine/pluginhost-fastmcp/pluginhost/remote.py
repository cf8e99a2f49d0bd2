"""Connecting to a plugin host running elsewhere (streamable HTTP or SSE)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

import httpx
import mcp.types as types
from mcp import ClientSession
from mcp.client.sse import sse_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.exceptions import McpError

from pluginhost.events import EventLog

logger = logging.getLogger("pluginhost.remote")
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)


class BearerAuth(httpx.Auth):
    """Attach a static bearer token and remember the last status seen."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.last_status: int | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        self.last_status = response.status_code


@dataclass
class RemoteHost:
    url: str
    token: str | None = None
    transport: Literal["streamable-http", "sse"] = "streamable-http"
    timeout: timedelta = timedelta(seconds=30)
    sse_read_timeout: timedelta = timedelta(minutes=5)
    headers: dict[str, str] = field(default_factory=dict)
    session_id: str | None = None

    def auth(self) -> httpx.Auth | None:
        return BearerAuth(self.token) if self.token else None

    @asynccontextmanager
    async def connect(self, events: EventLog | None = None) -> AsyncIterator[ClientSession]:
        events = events or EventLog()
        if self.transport == "sse":
            async with sse_client(
                self.url,
                headers=self.headers,
                timeout=self.timeout.total_seconds(),
                sse_read_timeout=self.sse_read_timeout.total_seconds(),
                auth=self.auth(),
            ) as (read, write):
                async with ClientSession(
                    read, write, read_timeout_seconds=self.timeout, logging_callback=events.on_log, message_handler=events.handle
                ) as session:
                    await session.initialize()
                    yield session
        else:
            async with streamablehttp_client(
                self.url,
                headers=self.headers,
                timeout=self.timeout,
                sse_read_timeout=self.sse_read_timeout,
                auth=self.auth(),
            ) as (read, write, get_session_id):
                async with ClientSession(
                    read, write, read_timeout_seconds=self.timeout, logging_callback=events.on_log, message_handler=events.handle
                ) as session:
                    await session.initialize()
                    self.session_id = get_session_id()
                    yield session


def is_timeout(exc: McpError) -> bool:
    return exc.error.code == httpx.codes.REQUEST_TIMEOUT


async def call_with_retry(
    session: ClientSession,
    name: str,
    arguments: dict[str, Any] | None = None,
    *,
    attempts: int = 3,
    timeout: timedelta = timedelta(seconds=10),
) -> types.CallToolResult:
    """Call a tool, retrying when the request times out."""
    last: McpError | None = None
    for attempt in range(1, attempts + 1):
        try:
            return await session.call_tool(name, arguments or {}, read_timeout_seconds=timeout)
        except McpError as exc:
            if not is_timeout(exc):
                raise
            logger.info("attempt %d of %s timed out: %s", attempt, name, exc.error.message)
            last = exc
    assert last is not None
    raise last


def result_text(result: types.CallToolResult) -> str:
    parts = [block.text for block in result.content if isinstance(block, types.TextContent)]
    text = "\n".join(parts)
    if result.isError:
        raise RuntimeError(text or "tool failed")
    return text
