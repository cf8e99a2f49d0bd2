"""Talk to a running appdeck app through its MCP endpoint.

    async with RemoteApp("http://127.0.0.1:7860/mcp").connect() as remote:
        result = await remote.predict("word_stats", text="hello world")
"""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncIterator, Callable, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from mcp import ClientSession
from mcp.client.sse import sse_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import (
    BlobResourceContents,
    CallToolResult,
    ClientResult,
    Content,
    Cursor,
    ImageContent,
    LoggingMessageNotificationParams,
    ProgressNotification,
    ResourceUpdatedNotification,
    ServerNotification,
    ServerRequest,
    TextContent,
    TextResourceContents,
    Tool,
    ToolListChangedNotification,
)
from pydantic import AnyUrl

from appdeck.components import ImageData

logger = logging.getLogger("appdeck.client")

# The MCP transports are chatty at INFO level; keep the console readable.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)


class PredictionError(RuntimeError):
    pass


class PredictionTimeout(PredictionError):
    pass


class BearerAuth(httpx.Auth):
    """Sends the app's share token on every request."""

    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        if response.status_code == 401:
            logger.warning("token rejected by %s", request.url.host)


@dataclass
class Prediction:
    text: list[str] = field(default_factory=lambda: [])
    images: list[ImageData] = field(default_factory=lambda: [])
    data: dict[str, Any] | None = None

    @classmethod
    def from_result(cls, result: CallToolResult) -> Prediction:
        prediction = cls(data=result.structuredContent)
        for block in result.content:
            prediction.add(block)
        return prediction

    def add(self, block: Content) -> None:
        if isinstance(block, TextContent):
            self.text.append(block.text)
        elif isinstance(block, ImageContent):
            self.images.append(ImageData(base64.b64decode(block.data), mimeType=block.mimeType))


ProgressHandler = Callable[[float, "float | None", "str | None"], None]


class RemoteApp:
    def __init__(
        self,
        url: str,
        *,
        transport: str = "streamable-http",
        token: str | None = None,
        headers: dict[str, str] | None = None,
        timeout: timedelta = timedelta(seconds=30),
        sse_read_timeout: timedelta = timedelta(minutes=5),
        call_timeout: timedelta | None = timedelta(minutes=2),
    ) -> None:
        self.url = url
        self.transport = transport
        self.auth = BearerAuth(token) if token else None
        self.headers = dict(headers or {})
        self.timeout = timeout
        self.sse_read_timeout = sse_read_timeout
        self.call_timeout = call_timeout
        self.session: ClientSession | None = None
        self.session_id: str | None = None
        self.server_name: str | None = None
        self.protocol_version: str | None = None
        self.tools_stale = False
        self.updated_uris: list[str] = []
        self.logs: list[LoggingMessageNotificationParams] = []

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[RemoteApp]:
        if self.transport == "sse":
            async with sse_client(
                self.url,
                headers=self.headers,
                timeout=self.timeout.total_seconds(),
                sse_read_timeout=self.sse_read_timeout.total_seconds(),
                auth=self.auth,
            ) as (read_stream, write_stream):
                async with self._session(read_stream, write_stream, None) as remote:
                    yield remote
        else:
            async with streamablehttp_client(
                self.url,
                headers=self.headers,
                timeout=self.timeout,
                sse_read_timeout=self.sse_read_timeout,
                auth=self.auth,
            ) as (read_stream, write_stream, get_session_id):
                async with self._session(read_stream, write_stream, get_session_id) as remote:
                    yield remote

    @asynccontextmanager
    async def _session(
        self, read_stream: Any, write_stream: Any, get_session_id: GetSessionIdCallback | None
    ) -> AsyncIterator[RemoteApp]:
        async with ClientSession(
            read_stream,
            write_stream,
            read_timeout_seconds=self.timeout,
            logging_callback=self._on_log,
            message_handler=self._on_message,
        ) as session:
            init = await session.initialize()
            if init.protocolVersion not in SUPPORTED_PROTOCOL_VERSIONS:
                raise PredictionError(f"unsupported protocol version {init.protocolVersion}")
            self.server_name = init.serverInfo.name
            self.protocol_version = init.protocolVersion
            self.session = session
            if get_session_id is not None:
                self.session_id = get_session_id()
            try:
                yield self
            finally:
                self.session = None

    def _require_session(self) -> ClientSession:
        if self.session is None:
            raise RuntimeError("not connected; use `async with remote.connect():`")
        return self.session

    async def _on_log(self, params: LoggingMessageNotificationParams) -> None:
        self.logs.append(params)

    async def _on_message(
        self,
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            logger.error("transport error: %s", message)
            return
        if not isinstance(message, ServerNotification):
            return
        match message.root:
            case ToolListChangedNotification():
                self.tools_stale = True
            case ResourceUpdatedNotification(params=params):
                self.updated_uris.append(str(params.uri))
            case ProgressNotification(params=params):
                logger.debug("progress %s for %s", params.progress, params.progressToken)
            case _:
                pass

    async def endpoints(self) -> list[Tool]:
        session = self._require_session()
        tools: list[Tool] = []
        cursor: Cursor | None = None
        while True:
            page = await session.list_tools(cursor=cursor)
            tools.extend(page.tools)
            if page.nextCursor is None:
                break
            cursor = page.nextCursor
        self.tools_stale = False
        return tools

    async def predict(self, endpoint: str, *, on_progress: ProgressHandler | None = None, **inputs: Any) -> Prediction:
        session = self._require_session()

        async def forward(progress: float, total: float | None, message: str | None) -> None:
            if on_progress is not None:
                on_progress(progress, total, message)

        try:
            result = await session.call_tool(
                endpoint,
                inputs,
                read_timeout_seconds=self.call_timeout,
                progress_callback=forward if on_progress is not None else None,
            )
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                raise PredictionTimeout(f"{endpoint} did not finish within {self.call_timeout}") from exc
            raise PredictionError(exc.error.message) from exc
        if result.isError:
            raise PredictionError(" ".join(b.text for b in result.content if isinstance(b, TextContent)))
        return Prediction.from_result(result)

    async def fetch(self, uri: str) -> str | bytes:
        session = self._require_session()
        result = await session.read_resource(AnyUrl(uri))
        contents = result.contents[0]
        if isinstance(contents, TextResourceContents):
            return contents.text
        assert isinstance(contents, BlobResourceContents)
        return base64.b64decode(contents.blob)
