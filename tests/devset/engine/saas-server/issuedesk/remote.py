"""Client-side helpers: talk to a deployed IssueDesk MCP server.

Used by ``issuedesk-probe`` (the deployment smoke test) and by the test-suite,
which drives the same helpers over an in-memory session.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from pydantic import AnyUrl

import mcp.types as types
from mcp import ClientSession
from mcp.client.session import MessageHandlerFnT
from mcp.client.sse import sse_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT, RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

DEFAULT_TIMEOUT = timedelta(seconds=30)


class RemoteToolError(RuntimeError):
    def __init__(self, tool: str, message: str, *, code: int | None = None) -> None:
        super().__init__(f"{tool}: {message}")
        self.tool = tool
        self.message = message
        self.code = code


class BearerToken(httpx.Auth):
    """Attach the IssueDesk API token to every MCP HTTP request."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


@dataclass
class RemoteConnection:
    session: ClientSession
    init: types.InitializeResult
    get_session_id: GetSessionIdCallback | None = None

    @property
    def session_id(self) -> str | None:
        return self.get_session_id() if self.get_session_id else None


@asynccontextmanager
async def connect(
    url: str,
    token: str,
    *,
    timeout: timedelta = DEFAULT_TIMEOUT,
    message_handler: MessageHandlerFnT | None = None,
) -> AsyncIterator[RemoteConnection]:
    """Open a streamable HTTP connection to ``url``."""
    async with streamablehttp_client(
        url,
        headers={"Authorization": f"Bearer {token}"},
        timeout=timeout,
        sse_read_timeout=timedelta(minutes=5),
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(
            read_stream,
            write_stream,
            read_timeout_seconds=timeout,
            message_handler=message_handler,
        ) as session:
            init = await session.initialize()
            yield RemoteConnection(session, init, get_session_id)


@asynccontextmanager
async def connect_legacy(url: str, token: str, *, timeout: float = 10) -> AsyncIterator[RemoteConnection]:
    """Open a connection to the ``/legacy/sse`` endpoint."""
    async with sse_client(url, auth=BearerToken(token), timeout=timeout, sse_read_timeout=300) as (read, write):
        async with ClientSession(read, write, read_timeout_seconds=timedelta(seconds=timeout)) as session:
            init = await session.initialize()
            yield RemoteConnection(session, init)


async def list_all_tools(session: ClientSession) -> list[types.Tool]:
    tools: list[types.Tool] = []
    cursor: types.Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        if page.nextCursor is None:
            return tools
        cursor = page.nextCursor


async def list_all_resources(session: ClientSession) -> list[types.Resource]:
    resources: list[types.Resource] = []
    cursor: types.Cursor | None = None
    while True:
        page = await session.list_resources(cursor=cursor)
        resources.extend(page.resources)
        if not page.nextCursor:
            return resources
        cursor = page.nextCursor


def describe_server(conn: RemoteConnection) -> dict[str, Any]:
    init = conn.init
    caps = conn.session.get_server_capabilities()
    return {
        "name": init.serverInfo.name,
        "version": init.serverInfo.version,
        "website": init.serverInfo.websiteUrl,
        "protocolVersion": init.protocolVersion,
        "protocolSupported": init.protocolVersion in SUPPORTED_PROTOCOL_VERSIONS,
        "instructions": bool(init.instructions),
        "tools": caps is not None and caps.tools is not None,
        "toolsListChanged": bool(caps and caps.tools and caps.tools.listChanged),
        "resourcesSubscribe": bool(caps and caps.resources and caps.resources.subscribe),
        "prompts": caps is not None and caps.prompts is not None,
        "logging": caps is not None and caps.logging is not None,
        "completions": caps is not None and caps.completions is not None,
    }


def tool_catalog(tools: list[types.Tool]) -> list[dict[str, Any]]:
    catalog: list[dict[str, Any]] = []
    for tool in tools:
        hints = tool.annotations
        catalog.append(
            {
                "name": tool.name,
                "title": tool.title or (hints.title if hints else None) or tool.name,
                "required": sorted(tool.inputSchema.get("required", [])),
                "readOnly": bool(hints and hints.readOnlyHint),
                "destructive": bool(hints and hints.destructiveHint),
                "structured": tool.outputSchema is not None,
            }
        )
    return catalog


def snapshot_tools(tools: list[types.Tool]) -> list[dict[str, Any]]:
    """Serialisable listing used to diff deployments against each other."""
    return [tool.model_dump(exclude_none=True) for tool in sorted(tools, key=lambda t: t.name)]


def first_text(blocks: list[types.Content]) -> str:
    for block in blocks:
        if isinstance(block, types.TextContent):
            return block.text
    return ""


async def call_tool_checked(
    session: ClientSession,
    name: str,
    arguments: dict[str, Any] | None = None,
    *,
    timeout: timedelta = DEFAULT_TIMEOUT,
    retries: int = 0,
    on_progress: ProgressFnT | None = None,
) -> types.CallToolResult:
    """Call a tool, raising :class:`RemoteToolError` for failures of any kind."""
    attempt = 0
    while True:
        try:
            result = await session.call_tool(
                name,
                arguments or {},
                read_timeout_seconds=timeout,
                progress_callback=on_progress,
            )
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt < retries:
                attempt += 1
                continue
            raise RemoteToolError(name, exc.error.message, code=exc.error.code) from exc
        if result.isError:
            raise RemoteToolError(name, first_text(result.content))
        return result


async def read_json_resource(session: ClientSession, uri: str | AnyUrl) -> Any:
    target = uri if isinstance(uri, AnyUrl) else AnyUrl(uri)
    result = await session.read_resource(target)
    for item in result.contents:
        if isinstance(item, types.TextResourceContents) and item.mimeType == "application/json":
            return json.loads(item.text)
    raise ValueError(f"{target} did not return JSON content")


async def read_issue(session: ClientSession, key: str) -> dict[str, Any]:
    uri = AnyUrl(f"issuedesk://issues/{key}")
    data = await read_json_resource(session, uri)
    if data.get("key") != key:
        raise ValueError(f"expected {key} from {uri.host}{uri.path}, got {data.get('key')}")
    return data


async def complete_argument(
    session: ClientSession, template: str, argument: str, prefix: str, **context: str
) -> tuple[list[str], bool]:
    ref = types.ResourceTemplateReference(type="ref/resource", uri=template)
    result = await session.complete(ref, {"name": argument, "value": prefix}, context_arguments=context or None)
    return result.completion.values, bool(result.completion.hasMore)


@dataclass
class NotificationRecorder:
    """A ``message_handler`` that keeps what the server pushed, for display or assertions."""

    logs: list[tuple[str, str]] = field(default_factory=list)
    progress: list[tuple[str | int, float, float | None]] = field(default_factory=list)
    updated: list[AnyUrl] = field(default_factory=list)
    list_changes: int = 0
    errors: list[Exception] = field(default_factory=list)

    async def __call__(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
            return
        if isinstance(message, RequestResponder):
            return
        match message.root:
            case types.LoggingMessageNotification(params=params):
                self.logs.append((params.level, str(params.data)))
            case types.ProgressNotification(params=params):
                self.progress.append((params.progressToken, params.progress, params.total))
            case types.ResourceUpdatedNotification(params=params):
                self.updated.append(params.uri)
            case (
                types.ResourceListChangedNotification()
                | types.ToolListChangedNotification()
                | types.PromptListChangedNotification()
            ):
                self.list_changes += 1
            case _:
                pass

    def messages(self, level: str | None = None) -> list[str]:
        return [text for lvl, text in self.logs if level is None or lvl == level]
