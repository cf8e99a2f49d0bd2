"""Client helpers used by the ops tooling (``ledgerctl``) and the integration tests."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator, Generator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import httpx

from mcp import ClientSession, types
from mcp.client.session_group import StreamableHttpParameters
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

log = logging.getLogger(__name__)

# The SDK's HTTP client is chatty at INFO; keep ops output readable.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)


class RemoteToolError(RuntimeError):
    def __init__(self, tool: str, message: str) -> None:
        super().__init__(f"{tool}: {message}")
        self.tool = tool
        self.message = message


class BearerAuth(httpx.Auth):
    """Adds a static bearer token to every request."""

    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        if response.status_code == 401:
            log.warning("server rejected bearer token for %s", request.url)


@dataclasses.dataclass
class RemoteTarget:
    url: str
    token: str | None = None
    timeout: timedelta = timedelta(seconds=10)
    sse_read_timeout: timedelta = timedelta(minutes=5)

    def parameters(self) -> StreamableHttpParameters:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else None
        return StreamableHttpParameters(
            url=self.url,
            headers=headers,
            timeout=self.timeout,
            sse_read_timeout=self.sse_read_timeout,
        )


@dataclasses.dataclass
class Connection:
    session: ClientSession
    init: types.InitializeResult
    get_session_id: GetSessionIdCallback

    @property
    def server_label(self) -> str:
        info = self.init.serverInfo
        return f"{info.name} {info.version}"


def check_protocol(init: types.InitializeResult) -> str:
    if init.protocolVersion not in SUPPORTED_PROTOCOL_VERSIONS:
        raise RuntimeError(f"server negotiated unsupported protocol {init.protocolVersion}")
    if init.protocolVersion != types.LATEST_PROTOCOL_VERSION:
        log.info("server speaks %s (latest is %s)", init.protocolVersion, types.LATEST_PROTOCOL_VERSION)
    return init.protocolVersion


@asynccontextmanager
async def connect(
    target: RemoteTarget,
    *,
    httpx_client_factory: McpHttpClientFactory = create_mcp_http_client,
    message_handler: NotificationLog | None = None,
) -> AsyncIterator[Connection]:
    auth = BearerAuth(target.token) if target.token else None
    async with streamablehttp_client(
        target.url,
        timeout=target.timeout,
        sse_read_timeout=target.sse_read_timeout,
        auth=auth,
        httpx_client_factory=httpx_client_factory,
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(
            read_stream,
            write_stream,
            read_timeout_seconds=target.timeout,
            message_handler=message_handler,
        ) as session:
            init = await session.initialize()
            check_protocol(init)
            yield Connection(session=session, init=init, get_session_id=get_session_id)


async def list_all_tools(session: ClientSession) -> list[types.Tool]:
    tools: list[types.Tool] = []
    cursor: types.Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if cursor is None:
            return tools


async def call_with_retry(
    session: ClientSession,
    name: str,
    arguments: dict[str, Any] | None = None,
    *,
    attempts: int = 3,
    timeout: timedelta = timedelta(seconds=5),
) -> types.CallToolResult:
    for attempt in range(1, attempts + 1):
        try:
            return await session.call_tool(name, arguments or {}, read_timeout_seconds=timeout)
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt < attempts:
                log.warning("%s timed out (attempt %d/%d)", name, attempt, attempts)
                continue
            raise
    raise AssertionError("unreachable")


def tool_text(name: str, result: types.CallToolResult) -> str:
    texts = [block.text for block in result.content if isinstance(block, types.TextContent)]
    if result.isError:
        raise RemoteToolError(name, "\n".join(texts) or "tool failed")
    return "\n".join(texts)


def structured(name: str, result: types.CallToolResult) -> dict[str, Any]:
    if result.isError or result.structuredContent is None:
        raise RemoteToolError(name, tool_text(name, result) if not result.isError else "no structured output")
    return result.structuredContent


def describe_tools(tools: list[types.Tool]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for tool in tools:
        hints = tool.annotations
        rows.append(
            {
                "name": tool.name,
                "title": tool.title,
                "readOnly": bool(hints and hints.readOnlyHint),
                "destructive": bool(hints and hints.destructiveHint),
                "arguments": sorted(tool.inputSchema.get("properties", {})),
                "structured": tool.outputSchema is not None,
            }
        )
    return rows


def snapshot_tools(tools: list[types.Tool]) -> list[dict[str, Any]]:
    """Serialisable copy of a tool listing, as stored in ``snapshots/tools.json``."""
    return [tool.model_dump(exclude_none=True) for tool in sorted(tools, key=lambda t: t.name)]


def first_text(contents: types.ReadResourceResult) -> tuple[str, str | None]:
    for item in contents.contents:
        if isinstance(item, types.TextResourceContents):
            return item.text, item.mimeType
    raise ValueError(f"no text contents in {[str(c.uri) for c in contents.contents]}")


async def probe_health(base_url: str, *, transport: httpx.AsyncBaseTransport | None = None) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=base_url, transport=transport, timeout=httpx.Timeout(5.0)) as client:
        try:
            response = await client.get("/healthz")
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            return {"status": "unhealthy", "code": exc.response.status_code}
        except httpx.TransportError as exc:
            return {"status": "unreachable", "error": type(exc).__name__}
        return response.json()


class NotificationLog:
    """``message_handler`` that keeps what the server pushed to us."""

    def __init__(self) -> None:
        self.updated: list[str] = []
        self.logs: list[tuple[str, Any]] = []
        self.progress: list[tuple[str | int, float]] = []
        self.errors: list[Exception] = []

    async def __call__(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
            return
        if not isinstance(message, types.ServerNotification):
            return
        match message.root:
            case types.ResourceUpdatedNotification(params=params):
                self.updated.append(str(params.uri))
            case types.LoggingMessageNotification(params=params):
                self.logs.append((params.level, params.data))
            case types.ProgressNotification(params=params):
                self.progress.append((params.progressToken, params.progress))
            case _:
                pass
