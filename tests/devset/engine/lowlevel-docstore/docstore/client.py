"""A small typed client for docstore servers."""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import anyio
import httpx
from pydantic import AnyUrl

import mcp.types as types
from mcp import ClientSession
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

logger = logging.getLogger(__name__)
logging.getLogger("httpx").setLevel(logging.WARNING)

IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


class ToolFailed(RuntimeError):
    """A tool call came back with ``isError`` set."""


class BearerAuth(httpx.Auth):
    def __init__(self, token: str):
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


@dataclass
class NotificationLog:
    """Collects server notifications; used as both ``message_handler`` and ``logging_callback``."""

    updated: list[str] = field(default_factory=list[str])
    list_changed: int = 0
    logs: list[types.LoggingMessageNotificationParams] = field(
        default_factory=list[types.LoggingMessageNotificationParams]
    )
    server_requests: list[str] = field(default_factory=list[str])
    on_update: Callable[[str], Awaitable[None]] | None = None

    async def __call__(self, message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            logger.warning("transport error: %s", message)
        elif isinstance(message, RequestResponder):
            self.server_requests.append(message.request.root.method)
        else:
            match message.root:
                case types.ResourceUpdatedNotification(params=params):
                    self.updated.append(str(params.uri))
                    if self.on_update is not None:
                        await self.on_update(str(params.uri))
                case types.ResourceListChangedNotification():
                    self.list_changed += 1
                case _:
                    pass

    async def on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        self.logs.append(params)


class DocstoreClient:
    def __init__(
        self,
        session: ClientSession,
        init: types.InitializeResult,
        notifications: NotificationLog | None = None,
        get_session_id: GetSessionIdCallback | None = None,
    ):
        self.session = session
        self.init = init
        self.notifications = notifications or NotificationLog()
        self.get_session_id = get_session_id or (lambda: None)

    @classmethod
    @asynccontextmanager
    async def connect_http(
        cls,
        url: str,
        *,
        token: str | None = None,
        timeout: timedelta = timedelta(seconds=30),
        httpx_client_factory: McpHttpClientFactory = create_mcp_http_client,
    ) -> AsyncGenerator[DocstoreClient, None]:
        notifications = NotificationLog()
        async with streamablehttp_client(
            url,
            headers={"User-Agent": "docstore-client"},
            timeout=timeout,
            sse_read_timeout=timedelta(minutes=5),
            auth=BearerAuth(token) if token else None,
            httpx_client_factory=httpx_client_factory,
        ) as (read_stream, write_stream, get_session_id):
            async with ClientSession(
                read_stream,
                write_stream,
                read_timeout_seconds=timeout,
                message_handler=notifications,
                logging_callback=notifications.on_log,
            ) as session:
                init = await session.initialize()
                yield cls(session, init, notifications, get_session_id)

    def describe_server(self) -> dict[str, Any]:
        caps = self.session.get_server_capabilities() or self.init.capabilities
        return {
            "name": self.init.serverInfo.name,
            "version": self.init.serverInfo.version,
            "protocolVersion": self.init.protocolVersion,
            "protocolSupported": self.init.protocolVersion in SUPPORTED_PROTOCOL_VERSIONS,
            "subscribe": bool(caps.resources and caps.resources.subscribe),
            "resourcesListChanged": bool(caps.resources and caps.resources.listChanged),
        }

    async def tool_catalog(self) -> list[dict[str, Any]]:
        listing = await self.session.list_tools()
        return [tool.model_dump(exclude_none=True) for tool in listing.tools]

    async def iter_resources(self) -> AsyncIterator[types.Resource]:
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_resources(cursor=cursor)
            for resource in page.resources:
                yield resource
            if not page.nextCursor:
                return
            cursor = page.nextCursor

    async def read(self, uri: AnyUrl | str) -> tuple[str | bytes, str | None, int | None]:
        """Return ``(data, mime_type, revision)`` for a resource; blobs come back decoded."""
        result = await self.session.read_resource(uri if isinstance(uri, AnyUrl) else AnyUrl(uri))
        contents = result.contents[0]
        revision = (contents.meta or {}).get("revision")
        if isinstance(contents, types.BlobResourceContents):
            return base64.b64decode(contents.blob), contents.mimeType, revision
        return contents.text, contents.mimeType, revision

    async def watch(self, uri: str, *, stop: bool = False) -> None:
        if stop:
            await self.session.unsubscribe_resource(AnyUrl(uri))
        else:
            await self.session.subscribe_resource(AnyUrl(uri))

    async def call(
        self, name: str, arguments: dict[str, Any] | None = None, *, timeout: timedelta | None = None, retries: int = 1
    ) -> dict[str, Any]:
        for attempt in range(retries + 1):
            try:
                result = await self.session.call_tool(name, arguments or {}, read_timeout_seconds=timeout)
            except McpError as exc:
                if exc.error.code != httpx.codes.REQUEST_TIMEOUT or attempt == retries:
                    raise
                logger.warning("tool %s timed out, retrying", name)
                await anyio.sleep(0.05)
                continue
            texts = [c.text for c in result.content if isinstance(c, types.TextContent)]
            if result.isError:
                raise ToolFailed(" ".join(texts))
            return result.structuredContent if result.structuredContent is not None else {"text": texts}
        raise AssertionError("unreachable")

    async def put_text(self, collection: str, doc_id: str, text: str, **extra: Any) -> dict[str, Any]:
        return await self.call("put_document", {"collection": collection, "doc_id": doc_id, "text": text, **extra})
