"""Synchronous access to the MCP worker for Celery tasks and management commands."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import time
from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager
from typing import Any

import anyio
import httpx
from anyio.from_thread import BlockingPortal, start_blocking_portal

from mcp import ClientSession
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.exceptions import McpError
from mcp.types import CallToolResult, TextContent, Tool

from . import settings

logger = logging.getLogger(__name__)

_cache: dict[str, tuple[float, Any]] = {}


class MCPToolError(RuntimeError):
    def __init__(self, tool: str, message: str, code: int | None = None) -> None:
        super().__init__(f"{tool}: {message}")
        self.tool, self.code = tool, code


def cache_key(name: str, arguments: dict[str, Any]) -> str:
    payload = json.dumps({"tool": name, "args": arguments}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def unwrap(name: str, result: CallToolResult) -> Any:
    text = "\n".join(c.text for c in result.content if isinstance(c, TextContent))
    if result.isError:
        raise MCPToolError(name, text or "tool returned isError")
    if result.structuredContent is not None:
        return result.structuredContent.get("result", result.structuredContent)
    return text


@asynccontextmanager
async def open_session() -> AsyncIterator[ClientSession]:
    async with streamablehttp_client(
        settings.MCP_WORKER_URL,
        headers=settings.MCP_HEADERS,
        timeout=settings.MCP_CONNECT_TIMEOUT,
        sse_read_timeout=settings.MCP_SSE_READ_TIMEOUT,
        auth=settings.BearerTokenAuth(),
    ) as (read, write, _get_session_id):
        async with ClientSession(read, write, read_timeout_seconds=settings.MCP_REQUEST_TIMEOUT) as session:
            await session.initialize()
            yield session


async def _call_tool_async(name: str, arguments: dict[str, Any]) -> CallToolResult:
    async with open_session() as session:
        return await session.call_tool(
            name, arguments, read_timeout_seconds=settings.MCP_TOOL_TIMEOUTS.get(name, settings.MCP_REQUEST_TIMEOUT)
        )


def call_tool(name: str, arguments: dict[str, Any] | None = None, *, use_cache: bool = False) -> Any:
    """Call an MCP tool from synchronous code, with retries and optional caching."""
    arguments = arguments or {}
    key = cache_key(name, arguments)
    if use_cache and key in _cache and time.monotonic() - _cache[key][0] < settings.MCP_CACHE_TTL_SECONDS:
        return _cache[key][1]

    last_error: Exception | None = None
    for attempt in range(1, settings.MCP_RETRY_ATTEMPTS + 1):
        try:
            result = anyio.run(_call_tool_async, name, arguments)
        except McpError as exc:
            if exc.error.code not in settings.MCP_RETRYABLE_CODES:
                raise MCPToolError(name, exc.error.message, exc.error.code) from exc
            last_error = exc
        except httpx.TransportError as exc:  # connect refused, DNS, read timeout...
            last_error = exc
        except ExceptionGroup as group:
            status_errors, _ = group.split(httpx.HTTPStatusError)
            if status_errors is None:
                raise
            last_error = status_errors.exceptions[0]  # type: ignore[assignment]
        else:
            value = unwrap(name, result)
            if use_cache:
                _cache[key] = (time.monotonic(), value)
            return value
        logger.warning("MCP call %s failed (attempt %d): %s", name, attempt, last_error)
        time.sleep(settings.MCP_RETRY_BACKOFF_SECONDS * 2 ** (attempt - 1))
    raise MCPToolError(name, f"gave up after {settings.MCP_RETRY_ATTEMPTS} attempts: {last_error}")


class PortalClient:
    """Keeps one MCP session open across many sync calls (e.g. a batch task)."""

    def __init__(self) -> None:
        self._stack = ExitStack()
        self._portal: BlockingPortal | None = None
        self.session: ClientSession | None = None

    def __enter__(self) -> PortalClient:
        self._portal = self._stack.enter_context(start_blocking_portal())
        self.session = self._stack.enter_context(self._portal.wrap_async_context_manager(open_session()))
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stack.close()

    def tools(self) -> dict[str, Tool]:
        assert self._portal and self.session
        listing = self._portal.call(self.session.list_tools)
        return {tool.name: tool for tool in listing.tools}

    def call(self, name: str, arguments: dict[str, Any]) -> Any:
        assert self._portal and self.session
        timeout = settings.MCP_TOOL_TIMEOUTS.get(name, settings.MCP_REQUEST_TIMEOUT)
        call = functools.partial(self.session.call_tool, name, arguments, read_timeout_seconds=timeout)
        return unwrap(name, self._portal.call(call))
