"""Client side used by the opsdeck CLI and the status dashboard."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import anyio
import httpx
from mcp import ClientSession
from mcp.client.sse import sse_client
from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from mcp.types import (
    BlobResourceContents,
    CallToolResult,
    Content,
    Cursor,
    ElicitRequestFormParams,
    ElicitRequestParams,
    ElicitResult,
    ErrorData,
    JSONRPCMessage,
    JSONRPCNotification,
    JSONRPCRequest,
    LoggingMessageNotification,
    LoggingMessageNotificationParams,
    ProgressNotification,
    ResourceListChangedNotification,
    ResourceUpdatedNotification,
    ServerNotification,
    ServerRequest,
    ClientResult,
    TextContent,
    TextResourceContents,
    Tool,
)
from pydantic import AnyUrl

logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)
log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = timedelta(seconds=30)


class BearerTokenAuth(httpx.Auth):
    """Adds the deck's service token to every request."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        response = yield request
        if response.status_code == 401:
            log.error("opsdeck rejected the service token")


@dataclass
class NotificationLog:
    """message_handler that keeps what the server pushed, for the dashboard's activity feed."""

    updated: list[str] = field(default_factory=list)
    list_changed: int = 0
    logs: list[tuple[str, Any]] = field(default_factory=list)
    progress: list[float] = field(default_factory=list)
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
        notification = message.root
        if isinstance(notification, ResourceUpdatedNotification):
            self.updated.append(str(notification.params.uri))
        elif isinstance(notification, ResourceListChangedNotification):
            self.list_changed += 1
        elif isinstance(notification, LoggingMessageNotification):
            self.logs.append((notification.params.level, notification.params.data))
        elif isinstance(notification, ProgressNotification):
            self.progress.append(notification.params.progress)


def auto_confirm(reason: str):
    """Elicitation callback for unattended runbooks: accept every confirmation."""

    async def callback(
        context: RequestContext[ClientSession, Any], params: ElicitRequestParams
    ) -> ElicitResult | ErrorData:
        if not isinstance(params, ElicitRequestFormParams):
            return ElicitResult(action="decline")
        props: dict[str, Any] = params.requestedSchema.get("properties", {})
        content: dict[str, str | int | float | bool | list[str] | None] = {}
        for key, spec in props.items():
            if spec.get("type") == "boolean":
                content[key] = True
            elif key == "reason":
                content[key] = reason
        return ElicitResult(action="accept", content=content)

    return callback


def text_of(blocks: list[Content]) -> str:
    return "\n".join(block.text for block in blocks if isinstance(block, TextContent))


class DeckClient:
    def __init__(self, session: ClientSession, *, timeout: timedelta = DEFAULT_TIMEOUT, retries: int = 2) -> None:
        self.session = session
        self.timeout = timeout
        self.retries = retries

    async def all_tools(self) -> list[Tool]:
        tools: list[Tool] = []
        cursor: Cursor | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            tools.extend(page.tools)
            cursor = page.nextCursor
            if cursor is None:
                return tools

    async def catalog(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for tool in await self.all_tools():
            hints = tool.annotations
            out[tool.name] = {
                "title": tool.title,
                "inputSchema": tool.inputSchema,
                "hasOutputSchema": tool.outputSchema is not None,
                "readOnly": bool(hints and hints.readOnlyHint),
                "destructive": bool(hints and hints.destructiveHint),
                "icons": [icon.mimeType for icon in tool.icons or []],
            }
        return out

    async def call(self, name: str, arguments: dict[str, Any], **kwargs: Any) -> CallToolResult:
        attempt = 0
        while True:
            try:
                return await self.session.call_tool(name, arguments, read_timeout_seconds=self.timeout, **kwargs)
            except McpError as exc:
                if exc.error.code != httpx.codes.REQUEST_TIMEOUT or attempt >= self.retries:
                    raise
                attempt += 1
                log.warning("%s timed out (attempt %d), retrying", name, attempt)
                await anyio.sleep(0.1 * attempt)

    async def structured(self, name: str, arguments: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        result = await self.call(name, arguments, **kwargs)
        if result.isError:
            raise RuntimeError(text_of(result.content))
        if result.structuredContent is None:
            return {"text": text_of(result.content)}
        return result.structuredContent

    async def read(self, uri: str) -> str | bytes:
        result = await self.session.read_resource(AnyUrl(uri))
        contents = result.contents[0]
        if isinstance(contents, TextResourceContents):
            return contents.text
        assert isinstance(contents, BlobResourceContents)
        import base64

        return base64.b64decode(contents.blob)

    async def resource_index(self) -> dict[str, list[str]]:
        listing = await self.session.list_resources()
        templates = await self.session.list_resource_templates()
        index: dict[str, list[str]] = {}
        for resource in listing.resources:
            index.setdefault(resource.uri.host or "", []).append(resource.uri.path or "/")
        index["templates"] = [t.uriTemplate for t in templates.resourceTemplates]
        return index

    async def snapshot(self) -> str:
        """Stable JSON of the tool listing, diffed in CI to catch accidental API changes."""
        tools = sorted(await self.all_tools(), key=lambda t: t.name)
        return json.dumps([tool.model_dump(exclude_none=True) for tool in tools], indent=2, sort_keys=True)


def describe_frame(raw: str) -> str:
    """One-line summary of a captured JSON-RPC frame (used by `opsdeck tap`)."""
    message = JSONRPCMessage.model_validate_json(raw).root
    if isinstance(message, JSONRPCRequest):
        return f"-> {message.method} #{message.id}"
    if isinstance(message, JSONRPCNotification):
        return f"~> {message.method}"
    return f"<- #{message.id}"


async def print_logs(params: LoggingMessageNotificationParams) -> None:
    log.info("[%s] %s: %s", params.level, params.logger or "server", params.data)


@asynccontextmanager
async def connect(
    url: str,
    token: str,
    *,
    legacy_sse: bool = False,
    timeout: timedelta = DEFAULT_TIMEOUT,
) -> AsyncIterator[tuple[DeckClient, GetSessionIdCallback | None]]:
    """Open an authenticated session against a running deck."""
    auth = BearerTokenAuth(token)
    if legacy_sse:
        async with sse_client(url, timeout=timeout.total_seconds(), sse_read_timeout=300, auth=auth) as (read, write):
            async with ClientSession(read, write, read_timeout_seconds=timeout, logging_callback=print_logs) as session:
                await session.initialize()
                yield DeckClient(session, timeout=timeout), None
        return
    http_client = httpx.AsyncClient(auth=auth, timeout=httpx.Timeout(30, read=300), follow_redirects=True)
    async with http_client:
        async with streamable_http_client(url, http_client=http_client) as (read, write, get_session_id):
            async with ClientSession(read, write, read_timeout_seconds=timeout, logging_callback=print_logs) as session:
                init = await session.initialize()
                log.info("connected to %s %s (%s)", init.serverInfo.name, init.serverInfo.version, init.protocolVersion)
                yield DeckClient(session, timeout=timeout), get_session_id
