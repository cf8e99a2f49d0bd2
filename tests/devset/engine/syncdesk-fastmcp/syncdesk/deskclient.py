"""Client-side helpers used by the agent console and the integration tests."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import AsyncIterator, Generator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol

import anyio
import httpx
from mcp import ClientSession
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT, RequestResponder
from mcp.types import (
    BlobResourceContents,
    CallToolResult,
    ClientResult,
    Content,
    Cursor,
    ErrorData,
    ListRootsResult,
    LoggingMessageNotification,
    LoggingMessageNotificationParams,
    ResourceListChangedNotification,
    ResourceUpdatedNotification,
    Root,
    ServerNotification,
    ServerRequest,
    TextContent,
    TextResourceContents,
    Tool,
)
from pydantic import AnyUrl, FileUrl

logger = logging.getLogger("syncdesk.client")

DEFAULT_TIMEOUT = timedelta(seconds=20)


class BearerToken(httpx.Auth):
    """Static agent token sent to a remote desk."""

    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


@dataclass
class DeskEvents:
    """Collects what the server pushes at us; pass as ``message_handler``."""

    updated: list[AnyUrl] = field(default_factory=list)
    list_changed: int = 0
    logs: list[LoggingMessageNotificationParams] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)

    async def __call__(
        self,
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
            return
        if isinstance(message, RequestResponder):
            logger.debug("server request %s", message.request.root.method)
            return
        match message.root:
            case ResourceUpdatedNotification(params=params):
                self.updated.append(params.uri)
            case ResourceListChangedNotification():
                self.list_changed += 1
            case LoggingMessageNotification(params=params):
                self.logs.append(params)
            case _:
                logger.debug("ignored notification %s", message.root.method)

    def updated_hosts(self) -> list[str | None]:
        return [uri.host for uri in self.updated]


@dataclass
class LogSink:
    records: list[tuple[str, str | None, Any]] = field(default_factory=list)

    async def __call__(self, params: LoggingMessageNotificationParams) -> None:
        self.records.append((params.level, params.logger, params.data))

    def messages(self, level: str | None = None) -> list[str]:
        return [str(data) for lvl, _, data in self.records if level is None or lvl == level]


def attachment_roots(*dirs: Path):
    """A ``list_roots_callback`` exposing local attachment folders to the desk."""

    async def list_roots(context: RequestContext[ClientSession, Any]) -> ListRootsResult | ErrorData:
        logger.debug("roots requested (request %s)", context.request_id)
        return ListRootsResult(
            roots=[Root(uri=FileUrl(d.resolve().as_uri()), name=d.name) for d in dirs],
        )

    return list_roots


async def collect_tools(session: ClientSession, page_limit: int = 20) -> list[Tool]:
    tools: list[Tool] = []
    cursor: Cursor | None = None
    for _ in range(page_limit):
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        if page.nextCursor is None:
            break
        cursor = page.nextCursor
    return tools


def tool_catalog(tools: Sequence[Tool]) -> dict[str, dict[str, Any]]:
    """Condensed view for the console: schema fields, hints and output shape."""
    catalog: dict[str, dict[str, Any]] = {}
    for tool in tools:
        hints = tool.annotations
        catalog[tool.name] = {
            "title": tool.title,
            "params": sorted(tool.inputSchema.get("properties", {})),
            "required": tool.inputSchema.get("required", []),
            "readOnly": bool(hints and hints.readOnlyHint),
            "destructive": bool(hints and hints.destructiveHint),
            "structured": tool.outputSchema is not None,
            "icons": [icon.mimeType for icon in tool.icons or []],
        }
    return catalog


def snapshot(tools: Sequence[Tool]) -> list[dict[str, Any]]:
    """What we cache on disk between console runs (wire-shaped)."""
    return [tool.model_dump(exclude_none=True) for tool in tools]


def text_of(content: Sequence[Content]) -> str:
    return "\n".join(block.text for block in content if isinstance(block, TextContent))


def payload_of(result: CallToolResult) -> Any:
    """Structured content if present, else JSON parsed from the text blocks."""
    if result.structuredContent is not None:
        return result.structuredContent
    text = text_of(result.content)
    try:
        return json.loads(text)
    except ValueError:
        return text


async def read_resource(session: ClientSession, uri: str) -> str | bytes:
    result = await session.read_resource(AnyUrl(uri))
    for item in result.contents:
        if isinstance(item, TextResourceContents):
            return item.text
        if isinstance(item, BlobResourceContents):
            return base64.b64decode(item.blob)
    raise ValueError(f"{uri} returned no contents")


async def read_json(session: ClientSession, uri: str) -> Any:
    data = await read_resource(session, uri)
    return json.loads(data)


class ToolCaller(Protocol):
    async def call_tool(
        self,
        name: str,
        arguments: dict[str, Any] | None = None,
        read_timeout_seconds: timedelta | None = None,
        progress_callback: ProgressFnT | None = None,
    ) -> CallToolResult: ...


async def call_with_retry(
    session: ToolCaller,
    name: str,
    arguments: dict[str, Any],
    *,
    attempts: int = 3,
    timeout: timedelta = DEFAULT_TIMEOUT,
    backoff: float = 0.01,
) -> CallToolResult:
    """Call a tool; retry only when the request timed out."""
    for attempt in range(1, attempts + 1):
        try:
            return await session.call_tool(name, arguments, read_timeout_seconds=timeout)
        except McpError as exc:
            if exc.error.code != httpx.codes.REQUEST_TIMEOUT or attempt == attempts:
                raise
            logger.warning("%s timed out (attempt %d): %s", name, attempt, exc.error.message)
            await anyio.sleep(backoff * attempt)
    raise AssertionError("unreachable")


@asynccontextmanager
async def remote_desk(
    url: str,
    token: str | None = None,
    *,
    agent: str = "console",
) -> AsyncIterator[tuple[ClientSession, GetSessionIdCallback]]:
    """Connect to a desk over streamable HTTP."""
    async with streamablehttp_client(
        url,
        headers={"X-Desk-Agent": agent},
        timeout=timedelta(seconds=30),
        sse_read_timeout=timedelta(minutes=5),
        auth=BearerToken(token) if token else None,
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(
            read_stream,
            write_stream,
            read_timeout_seconds=DEFAULT_TIMEOUT,
            logging_callback=LogSink(),
            message_handler=DeskEvents(),
        ) as session:
            init = await session.initialize()
            logger.info("connected to %s %s (protocol %s)", init.serverInfo.name, init.serverInfo.version, init.protocolVersion)
            yield session, get_session_id
