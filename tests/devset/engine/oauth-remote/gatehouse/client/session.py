"""Connecting to a gatehouse server and calling it."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from pydantic import AnyUrl

from mcp import ClientSession
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import (
    LATEST_PROTOCOL_VERSION, ClientResult, Content, Cursor, InitializeResult, LoggingMessageNotification,
    LoggingMessageNotificationParams, ServerNotification, ServerRequest, TextContent, TextResourceContents,
    ToolListChangedNotification,
)

logger = logging.getLogger(__name__)

# httpx logs every request at INFO, including the token endpoint URLs
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)


@dataclass
class ConnectOptions:
    headers: dict[str, str] | None = None
    timeout: timedelta = timedelta(seconds=30)
    sse_read_timeout: timedelta = timedelta(minutes=5)
    read_timeout: timedelta = timedelta(seconds=20)
    client_factory: McpHttpClientFactory = create_mcp_http_client


@dataclass
class ToolOutcome:
    ok: bool
    text: str
    structured: dict[str, Any] | None = None
    timed_out: bool = False


def content_text(blocks: list[Content]) -> str:
    return "\n".join(block.text for block in blocks if isinstance(block, TextContent))


@dataclass
class ServerEvents:
    logs: list[Any] = field(default_factory=list)
    tools_changed: int = 0

    async def on_log(self, params: LoggingMessageNotificationParams) -> None:
        self.logs.append(params.data)

    async def on_message(
        self,
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            logger.warning("transport error: %s", message)
        elif isinstance(message, ServerNotification):
            if isinstance(message.root, ToolListChangedNotification):
                self.tools_changed += 1
            elif isinstance(message.root, LoggingMessageNotification):
                logger.debug("server log: %s", message.root.params.data)


@dataclass
class RemoteSession:
    session: ClientSession
    init: InitializeResult
    get_session_id: GetSessionIdCallback
    events: ServerEvents

    @property
    def server_name(self) -> str:
        return self.init.serverInfo.name

    @property
    def is_current_protocol(self) -> bool:
        return self.init.protocolVersion == LATEST_PROTOCOL_VERSION

    @property
    def session_id(self) -> str | None:
        return self.get_session_id()

    def supports_logging(self) -> bool:
        caps = self.session.get_server_capabilities()
        return bool(caps and caps.logging is not None)

    async def tool_names(self) -> list[str]:
        names: list[str] = []
        cursor: Cursor | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            names.extend(tool.name for tool in page.tools)
            cursor = page.nextCursor
            if cursor is None:
                return names

    async def read_only_tools(self) -> list[str]:
        page = await self.session.list_tools()
        return [t.name for t in page.tools if t.annotations is not None and t.annotations.readOnlyHint]

    async def call(self, name: str, arguments: dict[str, Any] | None = None, *, timeout: float | None = None) -> ToolOutcome:
        try:
            result = await self.session.call_tool(
                name,
                arguments or {},
                read_timeout_seconds=timedelta(seconds=timeout) if timeout else None,
            )
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                return ToolOutcome(ok=False, text=exc.error.message, timed_out=True)
            raise
        return ToolOutcome(ok=not result.isError, text=content_text(result.content), structured=result.structuredContent)

    async def read_text(self, uri: str | AnyUrl) -> tuple[str, str | None]:
        target = uri if isinstance(uri, AnyUrl) else AnyUrl(uri)
        result = await self.session.read_resource(target)
        for item in result.contents:
            if isinstance(item, TextResourceContents):
                return item.text, item.mimeType
        raise ValueError(f"{target} has no text content (scheme {target.scheme})")


@asynccontextmanager
async def connect(url: str, auth: httpx.Auth | None = None, options: ConnectOptions | None = None) -> AsyncIterator[RemoteSession]:
    """Open an authenticated streamable HTTP session to ``url``."""
    options = options or ConnectOptions()
    events = ServerEvents()
    async with streamablehttp_client(
        url,
        headers=options.headers,
        timeout=options.timeout,
        sse_read_timeout=options.sse_read_timeout,
        auth=auth,
        httpx_client_factory=options.client_factory,
    ) as (read, write, get_session_id):
        async with ClientSession(
            read,
            write,
            read_timeout_seconds=options.read_timeout,
            logging_callback=events.on_log,
            message_handler=events.on_message,
        ) as session:
            init = await session.initialize()
            if init.protocolVersion not in SUPPORTED_PROTOCOL_VERSIONS:
                raise RuntimeError(f"server negotiated unsupported protocol {init.protocolVersion}")
            yield RemoteSession(session, init, get_session_id, events)
