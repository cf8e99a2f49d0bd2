"""Remote (streamable HTTP) servers that need the IDE's workspace token."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Generator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import httpx
import mcp.types as types
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client, streamablehttp_client
from mcp.shared.exceptions import McpError

from copilot import CLIENT_INFO

logger = logging.getLogger(__name__)

# v1 reports an expired streamable-HTTP session with this (positive) code.
SESSION_TERMINATED = 32600


def silence_http_logging() -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)


class WorkspaceTokenAuth(httpx.Auth):
    """Attach the workspace token; refresh it once on a 401."""

    def __init__(self, token_provider: Callable[[bool], str]) -> None:
        self._token_provider = token_provider

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token_provider(False)}"
        response = yield request
        if response.status_code == 401:
            request.headers["Authorization"] = f"Bearer {self._token_provider(True)}"
            yield request


def http_client_for(token_provider: Callable[[bool], str], *, user_agent: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        auth=WorkspaceTokenAuth(token_provider),
        headers={"User-Agent": user_agent},
        timeout=httpx.Timeout(30, read=300),
        follow_redirects=True,
    )


@asynccontextmanager
async def open_remote(
    url: str,
    token_provider: Callable[[bool], str],
    *,
    read_timeout: timedelta = timedelta(seconds=120),
    **session_kwargs: Any,
) -> AsyncIterator[tuple[ClientSession, str | None]]:
    """Connect, initialize and yield (session, mcp-session-id)."""
    async with http_client_for(token_provider, user_agent=f"{CLIENT_INFO.name}/{CLIENT_INFO.version}") as http:
        async with streamable_http_client(url, http_client=http) as (read, write, get_session_id):
            async with ClientSession(
                read, write, read_timeout_seconds=read_timeout, client_info=CLIENT_INFO, **session_kwargs
            ) as session:
                await session.initialize()
                yield session, get_session_id()


@asynccontextmanager
async def open_remote_simple(url: str, token: str) -> AsyncIterator[ClientSession]:
    """Older entry point kept for the settings page's 'test connection' button."""
    async with streamablehttp_client(
        url, headers={"Authorization": f"Bearer {token}"}, timeout=10, sse_read_timeout=60
    ) as (read, write, _):
        async with ClientSession(read, write, client_info=CLIENT_INFO) as session:
            await session.initialize()
            yield session


async def call_remote(
    url: str,
    token_provider: Callable[[bool], str],
    tool: str,
    arguments: dict[str, Any],
    *,
    attempts: int = 2,
) -> types.CallToolResult:
    """Call one tool, reconnecting if the server dropped our session."""
    last_error: Exception | None = None
    for attempt in range(1, attempts + 1):
        try:
            try:
                async with open_remote(url, token_provider) as (session, session_id):
                    logger.debug("attempt %d on session %s", attempt, session_id)
                    return await session.call_tool(tool, arguments)
            except* httpx.HTTPStatusError as group:
                last_error = group
                logger.warning("server returned an HTTP error (%d/%d)", attempt, attempts)
        except McpError as exc:
            if exc.error.code != SESSION_TERMINATED:
                raise
            last_error = exc
            logger.info("session expired, reconnecting (%d/%d)", attempt, attempts)
    raise ConnectionError(f"{url}: giving up after {attempts} attempts") from last_error
