"""Long-lived MCP sessions, one per configured server, with reconnect.

Chat commands borrow a session from the pool; if the connection has died the pool tears it
down and reconnects with exponential backoff before retrying the command once.
"""

from __future__ import annotations

import contextlib
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal, TypeVar

import anyio
import httpx
from mcp.client.session import ElicitationFnT
from mcp.client.sse import sse_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import McpError
from mcp.types import CONNECTION_CLOSED, Implementation

from .tracing import SpanBuffer, TracedClientSession

log = logging.getLogger("opsbot.pool")
logging.getLogger("httpx").setLevel(logging.WARNING)

T = TypeVar("T")

SESSION_EXPIRED = 32600  # what the streamable HTTP transport reports on a 404


@dataclass
class ServerConfig:
    label: str
    url: str
    transport: Literal["sse", "http"] = "http"
    token: str | None = None
    request_timeout: timedelta = timedelta(seconds=45)


@dataclass
class Entry:
    config: ServerConfig
    session: TracedClientSession | None = None
    stack: contextlib.AsyncExitStack | None = None
    session_id: str | None = None
    failures: int = 0
    lock: anyio.Lock = field(default_factory=anyio.Lock)


class SessionPool:
    def __init__(
        self,
        configs: list[ServerConfig],
        spans: SpanBuffer,
        elicitation_callback: ElicitationFnT | None = None,
        max_backoff: float = 30.0,
    ) -> None:
        self._entries = {c.label: Entry(c) for c in configs}
        self._spans = spans
        self._elicit = elicitation_callback
        self._max_backoff = max_backoff

    @property
    def labels(self) -> list[str]:
        return sorted(self._entries)

    async def _open(self, entry: Entry) -> TracedClientSession:
        cfg = entry.config
        headers = {"Authorization": f"Bearer {cfg.token}"} if cfg.token else None
        stack = contextlib.AsyncExitStack()
        try:
            if cfg.transport == "sse":
                read, write = await stack.enter_async_context(
                    sse_client(cfg.url, headers=headers, timeout=10, sse_read_timeout=600)
                )
            else:
                client = await stack.enter_async_context(
                    httpx.AsyncClient(headers=headers, timeout=httpx.Timeout(30, read=600), follow_redirects=True)
                )
                read, write, get_session_id = await stack.enter_async_context(
                    streamable_http_client(cfg.url, http_client=client)
                )
                stack.callback(lambda: log.debug("%s: closing session %s", cfg.label, get_session_id()))
            session = await stack.enter_async_context(
                TracedClientSession(
                    read,
                    write,
                    read_timeout_seconds=cfg.request_timeout,
                    elicitation_callback=self._elicit,
                    client_info=Implementation(name="opsbot", version="3.1.0"),
                )
            )
            session.attach(self._spans, cfg.label)
            init = await session.initialize()
            log.info("%s: connected to %s %s", cfg.label, init.serverInfo.name, init.serverInfo.version)
        except BaseException:
            await stack.aclose()
            raise
        entry.stack = stack
        entry.session = session
        entry.failures = 0
        return session

    async def _close(self, entry: Entry) -> None:
        stack, entry.stack, entry.session = entry.stack, None, None
        if stack is not None:
            with anyio.CancelScope(shield=True):
                try:
                    await stack.aclose()
                except Exception:  # noqa: BLE001 - the connection is already broken
                    log.debug("%s: error while closing", entry.config.label, exc_info=True)

    async def _ensure(self, entry: Entry) -> TracedClientSession:
        async with entry.lock:
            if entry.session is not None:
                return entry.session
            while True:
                try:
                    return await self._open(entry)
                except* (httpx.ConnectError, httpx.HTTPStatusError, OSError) as group:
                    entry.failures += 1
                    delay = min(self._max_backoff, 2 ** entry.failures) * (0.5 + random.random() / 2)
                    log.warning("%s: connect failed (%s); retrying in %.1fs", entry.config.label, group, delay)
                await anyio.sleep(delay)

    @staticmethod
    def _is_dead(exc: BaseException) -> bool:
        if isinstance(exc, (anyio.ClosedResourceError, anyio.BrokenResourceError, anyio.EndOfStream)):
            return True
        if isinstance(exc, McpError):
            return exc.error.code in (CONNECTION_CLOSED, SESSION_EXPIRED)
        return False

    async def run(self, label: str, op: Callable[[TracedClientSession], Awaitable[T]]) -> T:
        """Run ``op`` against the named server, reconnecting once if the session died."""
        entry = self._entries[label]
        for attempt in (1, 2):
            session = await self._ensure(entry)
            try:
                return await op(session)
            except Exception as exc:
                if attempt == 2 or not self._is_dead(exc):
                    raise
                log.info("%s: session lost (%s), reconnecting", label, exc)
                await self._close(entry)
        raise AssertionError("unreachable")

    async def health(self) -> dict[str, str]:
        report: dict[str, str] = {}

        async def probe(entry: Entry) -> None:
            if entry.session is None:
                report[entry.config.label] = "disconnected"
                return
            with anyio.move_on_after(5) as scope:
                try:
                    await entry.session.send_ping()
                    report[entry.config.label] = "ok"
                except McpError as exc:
                    report[entry.config.label] = f"error {exc.error.code}"
                    await self._close(entry)
            if scope.cancelled_caught:
                report[entry.config.label] = "ping timeout"

        async with anyio.create_task_group() as tg:
            for entry in self._entries.values():
                tg.start_soon(probe, entry)
        return report

    async def aclose(self) -> None:
        for entry in self._entries.values():
            await self._close(entry)
