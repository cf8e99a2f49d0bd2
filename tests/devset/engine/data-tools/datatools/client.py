"""Client-side helpers for talking to a data-tools server (or any MCP server)."""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncGenerator, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from pydantic import AnyUrl

from mcp import ClientSession
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT, RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import (
    LATEST_PROTOCOL_VERSION,
    BlobResourceContents,
    CallToolResult,
    ClientResult,
    Content,
    Cursor,
    InitializeResult,
    LoggingMessageNotification,
    ProgressNotification,
    PromptReference,
    ResourceListChangedNotification,
    ResourceTemplateReference,
    ResourceUpdatedNotification,
    ServerNotification,
    ServerRequest,
    TextContent,
    TextResourceContents,
    Tool,
    ToolListChangedNotification,
)

logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = timedelta(seconds=30)
SLOW_TOOL_TIMEOUT = timedelta(minutes=2)

class ToolCallFailed(RuntimeError):
    def __init__(self, tool: str, message: str, result: CallToolResult | None = None):
        super().__init__(f"{tool}: {message}")
        self.tool = tool
        self.result = result


class BearerAuth(httpx.Auth):
    """Attach a static API token; refuses to send it over plain HTTP to remote hosts."""

    def __init__(self, token: str, *, allow_insecure_localhost: bool = True):
        self._token = token
        self._allow_local = allow_insecure_localhost

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        local = request.url.host in ("127.0.0.1", "localhost")
        if request.url.scheme != "https" and not (local and self._allow_local):
            raise httpx.UnsupportedProtocol(f"refusing to send credentials to {request.url}")
        request.headers["Authorization"] = f"Bearer {self._token}"
        response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED:
            logger.warning("token rejected by %s", request.url.host)


@dataclass
class NotificationLog:
    """A ``message_handler`` that keeps the notifications a session received."""

    updated: list[str] = field(default_factory=list)
    list_changed: int = 0
    tools_changed: int = 0
    logs: list[tuple[str, Any]] = field(default_factory=list)
    progress: list[tuple[float, float | None]] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)

    async def __call__(
        self,
        message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
            return
        if not isinstance(message, ServerNotification):
            return
        match message.root:
            case ResourceUpdatedNotification(params=params):
                self.updated.append(str(params.uri))
            case ResourceListChangedNotification():
                self.list_changed += 1
            case ToolListChangedNotification():
                self.tools_changed += 1
            case LoggingMessageNotification(params=params):
                self.logs.append((params.level, params.data))
            case ProgressNotification(params=params):
                self.progress.append((params.progress, params.total))
            case _:
                pass


def describe_server(init: InitializeResult) -> dict[str, Any]:
    caps = init.capabilities
    return {
        "name": init.serverInfo.name,
        "version": init.serverInfo.version,
        "protocol": init.protocolVersion,
        "latestProtocol": init.protocolVersion == LATEST_PROTOCOL_VERSION,
        "supported": init.protocolVersion in SUPPORTED_PROTOCOL_VERSIONS,
        "instructions": init.instructions,
        "tools": caps.tools is not None,
        "toolsListChanged": bool(caps.tools and caps.tools.listChanged),
        "resourcesSubscribe": bool(caps.resources and caps.resources.subscribe),
        "prompts": caps.prompts is not None,
        "completions": caps.completions is not None,
    }


def tool_catalog(tools: list[Tool]) -> list[dict[str, Any]]:
    """Serialisable catalogue of tools, e.g. for caching on disk."""
    return [tool.model_dump(exclude_none=True) for tool in tools]


def content_text(blocks: list[Content]) -> str:
    return "\n".join(block.text for block in blocks if isinstance(block, TextContent))


class DataToolsClient:
    def __init__(self, session: ClientSession, *, timeout: timedelta = DEFAULT_TIMEOUT):
        self.session = session
        self.timeout = timeout

    async def list_all_tools(self) -> list[Tool]:
        tools: list[Tool] = []
        cursor: Cursor | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            tools.extend(page.tools)
            if page.nextCursor is None:
                return tools
            cursor = page.nextCursor

    async def resource_templates(self) -> dict[str, str | None]:
        listing = await self.session.list_resource_templates()
        return {t.uriTemplate: t.mimeType for t in listing.resourceTemplates}

    async def call(
        self,
        name: str,
        arguments: dict[str, Any] | None = None,
        *,
        on_progress: ProgressFnT | None = None,
        slow: bool = False,
    ) -> Any:
        """Call a tool and return its structured output (or text), raising on tool errors."""
        try:
            result = await self.session.call_tool(
                name,
                arguments or {},
                read_timeout_seconds=SLOW_TOOL_TIMEOUT if slow else self.timeout,
                progress_callback=on_progress,
            )
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                raise ToolCallFailed(name, f"timed out after {self.timeout.total_seconds():.0f}s") from exc
            raise ToolCallFailed(name, exc.error.message) from exc
        if result.isError:
            raise ToolCallFailed(name, content_text(result.content) or "tool reported an error", result)
        if result.structuredContent is not None:
            return result.structuredContent
        return content_text(result.content)

    async def read(self, uri: str) -> tuple[str | None, str | bytes]:
        """Read a resource, returning ``(mime_type, text_or_bytes)``."""
        result = await self.session.read_resource(AnyUrl(uri))
        first = result.contents[0]
        if isinstance(first, TextResourceContents):
            return first.mimeType, first.text
        assert isinstance(first, BlobResourceContents)
        return first.mimeType, base64.b64decode(first.blob)

    async def watch(self, name: str) -> AnyUrl:
        caps = self.session.get_server_capabilities()
        if caps is None or caps.resources is None:
            raise ToolCallFailed("resources/subscribe", "server does not expose resources")
        uri = AnyUrl(f"dataset://{name}/csv")
        await self.session.subscribe_resource(uri)
        return uri

    async def unwatch(self, uri: AnyUrl) -> None:
        await self.session.unsubscribe_resource(uri)

    async def complete_dataset(self, prefix: str) -> tuple[list[str], bool]:
        ref = ResourceTemplateReference(type="ref/resource", uri="dataset://{name}/csv")
        result = await self.session.complete(ref, {"name": "name", "value": prefix})
        return result.completion.values, bool(result.completion.hasMore)

    async def complete_column(self, prompt: str, dataset: str, prefix: str) -> list[str]:
        ref = PromptReference(type="ref/prompt", name=prompt)
        result = await self.session.complete(
            ref, {"name": "x", "value": prefix}, context_arguments={"dataset": dataset}
        )
        return result.completion.values


@asynccontextmanager
async def connect_http(
    url: str,
    token: str | None = None,
    *,
    timeout: timedelta = DEFAULT_TIMEOUT,
    notifications: NotificationLog | None = None,
) -> AsyncGenerator[tuple[DataToolsClient, str | None], None]:
    """Connect to a remote data-tools server over streamable HTTP."""
    auth = BearerAuth(token) if token else None
    async with streamablehttp_client(
        url,
        headers={"User-Agent": "datatools-client/0.3"},
        timeout=timeout,
        sse_read_timeout=timedelta(minutes=10),
        auth=auth,
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(
            read_stream,
            write_stream,
            read_timeout_seconds=timeout,
            message_handler=notifications,
        ) as session:
            init = await session.initialize()
            logger.info("connected to %s", describe_server(init))
            yield DataToolsClient(session, timeout=timeout), get_session_id()
