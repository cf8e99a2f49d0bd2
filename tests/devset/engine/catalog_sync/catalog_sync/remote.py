"""Streamable-HTTP client wrapper with auth, retries and cursor paging."""

from __future__ import annotations

import logging
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeVar

import anyio
from mcp import ClientSession
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.exceptions import McpError
from mcp.types import (
    CONNECTION_CLOSED,
    INTERNAL_ERROR,
    Implementation,
    ReadResourceResult,
    Resource,
    ResourceTemplate,
)
from pydantic import AnyUrl

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRYABLE_CODES = {CONNECTION_CLOSED, INTERNAL_ERROR, 408, -32001}


@dataclass
class RemoteConfig:
    url: str
    token: str | None = None
    extra_headers: dict[str, str] = field(default_factory=dict)
    connect_timeout: timedelta = timedelta(seconds=10)
    stream_timeout: timedelta = timedelta(minutes=5)
    request_timeout: timedelta = timedelta(seconds=45)
    max_attempts: int = 4
    page_limit: int = 200

    def headers(self) -> dict[str, str]:
        h = {"User-Agent": "catalog-sync/0.3", **self.extra_headers}
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        return h


class Remote:
    """Owns one session; records the server-assigned session id for resumable logs."""

    def __init__(self, session: ClientSession, session_id: Callable[[], str | None], cfg: RemoteConfig) -> None:
        self.session = session
        self._session_id = session_id
        self.cfg = cfg
        self.server: Implementation | None = None

    @property
    def session_id(self) -> str | None:
        return self._session_id()

    async def retrying(self, label: str, fn: Callable[[], Awaitable[T]]) -> T:
        delay = 0.5
        for attempt in range(1, self.cfg.max_attempts + 1):
            try:
                return await fn()
            except McpError as exc:
                code = exc.error.code
                if code not in RETRYABLE_CODES or attempt == self.cfg.max_attempts:
                    log.error("%s failed (code %s): %s", label, code, exc.error.message)
                    raise
                log.warning("%s attempt %d got %s, retrying in %.1fs", label, attempt, code, delay)
            await anyio.sleep(delay + random.random() * 0.2)
            delay = min(delay * 2, 8.0)
        raise AssertionError("unreachable")

    async def iter_resources(self) -> AsyncIterator[Resource]:
        cursor: str | None = None
        pages = 0
        while True:
            current = cursor
            page = await self.retrying("resources/list", lambda: self.session.list_resources(cursor=current))
            pages += 1
            for res in page.resources:
                yield res
            cursor = page.nextCursor
            if cursor is None or pages >= self.cfg.page_limit:
                break

    async def list_templates(self) -> list[ResourceTemplate]:
        out: list[ResourceTemplate] = []
        cursor: str | None = None
        while True:
            page = await self.session.list_resource_templates(cursor)
            out.extend(page.resourceTemplates)
            if not page.nextCursor:
                return out
            cursor = page.nextCursor

    async def read(self, uri: AnyUrl) -> ReadResourceResult:
        return await self.retrying(f"read {uri}", lambda: self.session.read_resource(uri))


@asynccontextmanager
async def connect(cfg: RemoteConfig) -> AsyncIterator[Remote]:
    async with streamablehttp_client(
        cfg.url,
        headers=cfg.headers(),
        timeout=cfg.connect_timeout,
        sse_read_timeout=cfg.stream_timeout,
    ) as (read, write, get_session_id):
        async with ClientSession(
            read,
            write,
            read_timeout_seconds=cfg.request_timeout,
            client_info=Implementation(name="catalog-sync", version="0.3.0"),
        ) as session:
            init = await session.initialize()
            remote = Remote(session, get_session_id, cfg)
            remote.server = init.serverInfo
            log.info(
                "connected to %s %s (protocol %s, session %s)",
                init.serverInfo.name,
                init.serverInfo.version,
                init.protocolVersion,
                get_session_id(),
            )
            yield remote
