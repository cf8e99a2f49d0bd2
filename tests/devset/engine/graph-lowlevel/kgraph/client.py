"""Client-side helpers: a thin typed wrapper over ``ClientSession``.

Used by the ``kgraph-query`` script and the integration tests.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import anyio
import httpx
import mcp.types as types
from mcp import ClientSession
from mcp.client.session import MessageHandlerFnT
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT, RequestResponder
from pydantic import AnyUrl

from kgraph.catalog import entity_uri

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = timedelta(seconds=30)

IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


class NotificationCollector:
    """``message_handler`` that sorts server notifications into lists."""

    def __init__(self) -> None:
        self.updated: list[str] = []
        self.list_changed = 0
        self.progress: list[tuple[types.ProgressToken, float]] = []
        self.errors: list[Exception] = []
        self._update_seen = anyio.Event()

    async def __call__(self, message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
        elif isinstance(message, RequestResponder):
            logger.debug("server request %s", message.request.root.method)
        else:
            match message.root:
                case types.ResourceUpdatedNotification(params=params):
                    self.updated.append(str(params.uri))
                    self._update_seen.set()
                case types.ResourceListChangedNotification():
                    self.list_changed += 1
                case types.ProgressNotification(params=params):
                    self.progress.append((params.progressToken, params.progress))
                case other:
                    logger.debug("ignoring %s", other.method)

    async def wait_for_update(self, timeout: float = 2.0) -> list[str]:
        with anyio.fail_after(timeout):
            await self._update_seen.wait()
        self._update_seen = anyio.Event()
        return list(self.updated)


class GraphClient:
    def __init__(self, session: ClientSession) -> None:
        self.session = session

    async def tool_index(self) -> dict[str, types.Tool]:
        tools: dict[str, types.Tool] = {}
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            tools.update({tool.name: tool for tool in page.tools})
            if (cursor := page.nextCursor) is None:
                return tools

    async def all_resources(self) -> list[types.Resource]:
        resources: list[types.Resource] = []
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_resources(cursor=cursor)
            resources.extend(page.resources)
            if not (cursor := page.nextCursor):
                return resources

    async def read_text(self, uri: AnyUrl) -> str:
        first = (await self.session.read_resource(uri)).contents[0]
        if not isinstance(first, types.TextResourceContents):
            raise TypeError(f"{uri} is binary ({first.mimeType})")
        return first.text

    async def entity(self, name: str) -> dict[str, Any]:
        return json.loads(await self.read_text(entity_uri(name)))

    async def call(
        self,
        name: str,
        arguments: dict[str, Any],
        *,
        timeout: timedelta = DEFAULT_TIMEOUT,
        retries: int = 1,
        on_progress: ProgressFnT | None = None,
        trace_id: str | None = None,
    ) -> types.CallToolResult:
        meta = {"traceId": trace_id} if trace_id else None
        for attempt in range(retries + 1):
            try:
                return await self.session.call_tool(
                    name, arguments, read_timeout_seconds=timeout, progress_callback=on_progress, meta=meta
                )
            except McpError as exc:
                if exc.error.code != httpx.codes.REQUEST_TIMEOUT or attempt == retries:
                    raise
                logger.warning("%s timed out, retry %d/%d", name, attempt + 1, retries)
        raise AssertionError("unreachable")

    async def structured(self, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        result = await self.call(name, arguments)
        if result.isError or result.structuredContent is None:
            message = " ".join(c.text for c in result.content if isinstance(c, types.TextContent))
            raise RuntimeError(f"{name} failed: {message}")
        return result.structuredContent


def snapshot(result: types.CallToolResult) -> dict[str, Any]:
    """Serialisable record of a tool result, as stored in the transcript file."""
    data = result.model_dump(exclude_none=True)
    data["content"] = [block.model_dump(exclude_none=True) for block in result.content]
    return data


@asynccontextmanager
async def connect_http(
    url: str,
    *,
    token: str | None = None,
    timeout: timedelta = DEFAULT_TIMEOUT,
    client_factory: McpHttpClientFactory = create_mcp_http_client,
    message_handler: MessageHandlerFnT | None = None,
) -> AsyncIterator[tuple[GraphClient, GetSessionIdCallback]]:
    headers = {"Authorization": f"Bearer {token}"} if token else None
    async with streamablehttp_client(
        url,
        headers=headers,
        timeout=timeout,
        sse_read_timeout=timedelta(minutes=5),
        httpx_client_factory=client_factory,
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(
            read_stream, write_stream, read_timeout_seconds=timeout, message_handler=message_handler
        ) as session:
            await session.initialize()
            yield GraphClient(session), get_session_id
