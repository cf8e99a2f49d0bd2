"""Client-side helpers: a roots provider, a notification recorder and a thin ``ClientSession`` wrapper."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx
from pydantic import AnyUrl, FileUrl

from mcp import ClientSession, StdioServerParameters, stdio_client, types
from mcp.client.stdio import get_default_environment
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT, RequestResponder

from . import __version__

N = TypeVar("N")
CLIENT_INFO = types.Implementation(name="sandboxfs-inspect", version=__version__)


class SandboxTimeout(RuntimeError):
    pass


class RootsProvider:
    """``list_roots_callback`` backed by a mutable list of directories."""

    def __init__(self, paths: Sequence[Path] = ()) -> None:
        self.roots = [types.Root(uri=FileUrl(p.resolve().as_uri()), name=p.name) for p in paths]
        self.requests = 0

    async def __call__(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult | types.ErrorData:
        self.requests += 1
        return types.ListRootsResult(roots=list(self.roots))

    async def update(self, session: ClientSession, paths: Sequence[Path]) -> None:
        self.roots = [types.Root(uri=FileUrl(p.resolve().as_uri()), name=p.name) for p in paths]
        await session.send_roots_list_changed()


class NotificationLog:
    """Collects server notifications (``message_handler``) and log messages (``logging_callback``)."""

    def __init__(self) -> None:
        self.notifications: list[Any] = []
        self.logs: list[types.LoggingMessageNotificationParams] = []

    async def __call__(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        match message:
            case types.ServerNotification(root=notification):
                self.notifications.append(notification)
            case _:
                pass

    async def on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        self.logs.append(params)

    def of_type(self, kind: type[N]) -> list[N]:
        return [n for n in self.notifications if isinstance(n, kind)]


class SandboxClient:
    def __init__(
        self, session: ClientSession, init: types.InitializeResult, get_session_id: GetSessionIdCallback | None = None
    ) -> None:
        self.session = session
        self.init = init
        self.get_session_id = get_session_id

    @property
    def server_label(self) -> str:
        return f"{self.init.serverInfo.name} {self.init.serverInfo.version} (protocol {self.init.protocolVersion})"

    @classmethod
    @asynccontextmanager
    async def connect_stdio(
        cls, roots: Sequence[Path], *, extra_env: Mapping[str, str] | None = None, timeout: timedelta = timedelta(seconds=30)
    ) -> AsyncIterator[SandboxClient]:
        env = get_default_environment()
        env.update(extra_env or {})
        params = StdioServerParameters(command=sys.executable, args=["-m", "sandboxfs", *map(str, roots)], env=env)
        async with stdio_client(params) as (read_stream, write_stream):
            async with ClientSession(read_stream, write_stream, read_timeout_seconds=timeout, client_info=CLIENT_INFO) as session:
                yield cls(session, await session.initialize())

    @classmethod
    @asynccontextmanager
    async def connect_http(
        cls,
        url: str,
        *,
        token: str | None = None,
        timeout: timedelta = timedelta(seconds=30),
        sse_read_timeout: timedelta = timedelta(minutes=5),
        httpx_client_factory: McpHttpClientFactory = create_mcp_http_client,
    ) -> AsyncIterator[SandboxClient]:
        headers = {"Authorization": f"Bearer {token}"} if token else None
        async with streamablehttp_client(
            url, headers=headers, timeout=timeout, sse_read_timeout=sse_read_timeout, httpx_client_factory=httpx_client_factory
        ) as (read_stream, write_stream, get_session_id):
            async with ClientSession(read_stream, write_stream, read_timeout_seconds=timeout, client_info=CLIENT_INFO) as session:
                yield cls(session, await session.initialize(), get_session_id)

    async def resources(self) -> list[types.Resource]:
        resources: list[types.Resource] = []
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_resources(cursor=cursor)
            resources.extend(page.resources)
            if not page.nextCursor:
                return resources
            cursor = page.nextCursor

    async def read_text(self, uri: AnyUrl) -> str:
        result = await self.session.read_resource(uri)
        parts = [c.text for c in result.contents if isinstance(c, types.TextResourceContents)]
        if not parts:
            raise ValueError(f"{uri} has no text contents (got {[c.mimeType for c in result.contents]})")
        return "".join(parts)

    async def call(
        self, name: str, arguments: dict[str, Any] | None = None, *, timeout: timedelta | None = None,
        on_progress: ProgressFnT | None = None,
    ) -> types.CallToolResult:
        try:
            return await self.session.call_tool(name, arguments or {}, read_timeout_seconds=timeout, progress_callback=on_progress)
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                raise SandboxTimeout(f"{name} did not answer in time: {exc.error.message}") from exc
            raise

    async def ping(self) -> bool:
        result = await self.session.send_request(types.ClientRequest(types.PingRequest()), types.EmptyResult)
        return isinstance(result, types.EmptyResult)


def result_text(result: types.CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))


def tool_row(tool: types.Tool) -> dict[str, Any]:
    hints = tool.annotations or types.ToolAnnotations()
    return {"name": tool.name, "required": tool.inputSchema.get("required", []), "readOnly": bool(hints.readOnlyHint),
            "destructive": bool(hints.destructiveHint), "structured": tool.outputSchema is not None}


def snapshot(result: types.CallToolResult) -> dict[str, Any]:
    """JSON-ready record of a tool result, as stored in transcripts."""
    return result.model_dump(exclude_none=True, exclude={"meta"})
