"""Typed client for the warehouse server, used by notebooks and the scheduler."""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncGenerator, Callable, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from pydantic import AnyUrl

import mcp.types as types
from mcp import ClientSession
from mcp.client.session import ElicitationFnT, SamplingFnT
from mcp.client.sse import sse_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT, RequestResponder

logger = logging.getLogger(__name__)
logging.getLogger("httpx").setLevel(logging.WARNING)

DEFAULT_TIMEOUT = timedelta(seconds=30)

ServerMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


class QueryTimeoutError(TimeoutError):
    pass


class BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


@dataclass
class QueryOutcome:
    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    truncated: bool = False
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass
class NotificationLog:
    """``message_handler`` that keeps what the server pushed at us."""

    updated: list[AnyUrl] = field(default_factory=list)
    list_changed: int = 0
    progress: list[tuple[types.ProgressToken, float, float | None]] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)

    async def __call__(self, message: ServerMessage) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
            return
        if not isinstance(message, types.ServerNotification):
            return
        match message.root:
            case types.ResourceUpdatedNotification(params=params):
                self.updated.append(params.uri)
            case types.ResourceListChangedNotification():
                self.list_changed += 1
            case types.ProgressNotification(params=params):
                self.progress.append((params.progressToken, params.progress, params.total))
            case _:
                pass


def auto_elicitation(answers: dict[str, str | int | float | bool] | None) -> ElicitationFnT:
    """An elicitation callback that accepts with ``answers`` (or declines when ``None``)."""

    async def callback(
        context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        if not isinstance(params, types.ElicitRequestFormParams):
            return types.ErrorData(code=types.INVALID_REQUEST, message="only form elicitation is supported")
        if answers is None:
            return types.ElicitResult(action="decline")
        wanted = params.requestedSchema.get("properties", {})
        content: dict[str, str | int | float | bool | list[str] | None] = {
            key: value for key, value in answers.items() if key in wanted
        }
        return types.ElicitResult(action="accept", content=content)

    return callback


def canned_sampler(reply: str, model: str = "warehouse-test-model") -> SamplingFnT:
    async def callback(
        context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.CreateMessageResultWithTools | types.ErrorData:
        budget = params.maxTokens
        text = reply if len(reply) <= budget else reply[:budget]
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=text),
            model=model,
            stopReason="endTurn" if len(reply) <= budget else "maxTokens",
        )

    return callback


def render_content(blocks: list[types.Content]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, types.TextContent):
            parts.append(block.text)
        elif isinstance(block, types.EmbeddedResource) and isinstance(block.resource, types.TextResourceContents):
            parts.append(block.resource.text)
        elif isinstance(block, types.ImageContent):
            parts.append(f"<image {block.mimeType}>")
    return "\n".join(parts)


class WarehouseClient:
    def __init__(self, session: ClientSession, get_session_id: GetSessionIdCallback | None = None) -> None:
        self.session = session
        self._get_session_id = get_session_id

    @property
    def session_id(self) -> str | None:
        return self._get_session_id() if self._get_session_id else None

    def capabilities(self) -> set[str]:
        caps = self.session.get_server_capabilities()
        names = {name for name, value in caps if value is not None} if caps else set()
        if caps and caps.tools and caps.tools.listChanged:
            names.add("tools.listChanged")
        return names

    async def query(
        self,
        sql: str,
        limit: int = 100,
        *,
        timeout: timedelta | None = None,
        on_progress: ProgressFnT | None = None,
    ) -> QueryOutcome:
        arguments = {"sql": sql, "limit": limit}
        try:
            result = await self.session.call_tool("run_query", arguments, timeout, progress_callback=on_progress)
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                raise QueryTimeoutError(exc.error.message) from exc
            raise
        if result.isError:
            return QueryOutcome(error=render_content(result.content))
        data = result.structuredContent or {}
        return QueryOutcome(
            columns=list(data.get("columns", [])),
            rows=[list(r) for r in data.get("rows", [])],
            truncated=bool(data.get("truncated", False)),
        )

    async def call(self, tool: str, **arguments: Any) -> dict[str, Any]:
        result = await self.session.call_tool(tool, arguments)
        if result.isError:
            raise RuntimeError(render_content(result.content))
        return result.structuredContent or {"text": render_content(result.content)}

    async def tools(self) -> list[types.Tool]:
        collected: list[types.Tool] = []
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            collected.extend(page.tools)
            if page.nextCursor is None:
                return collected
            cursor = page.nextCursor

    async def templates(self) -> dict[str, str]:
        listing = await self.session.list_resource_templates()
        return {t.name: t.uriTemplate for t in listing.resourceTemplates}

    async def read(self, uri: str | AnyUrl) -> str | bytes:
        result = await self.session.read_resource(uri if isinstance(uri, AnyUrl) else AnyUrl(uri))
        for item in result.contents:
            if isinstance(item, types.TextResourceContents):
                return item.text
            return base64.b64decode(item.blob)
        raise LookupError(f"{uri}: empty resource")

    async def watch(self, uri: str) -> None:
        await self.session.subscribe_resource(AnyUrl(uri))

    async def complete_table(self, template: str, prefix: str) -> list[str]:
        ref = types.ResourceTemplateReference(type="ref/resource", uri=template)
        result = await self.session.complete(ref, {"name": "table", "value": prefix})
        return result.completion.values


@asynccontextmanager
async def open_client(
    url: str,
    *,
    token: str | None = None,
    transport: str = "streamable-http",
    timeout: timedelta = DEFAULT_TIMEOUT,
    message_handler: NotificationLog | None = None,
    http_client_factory: Callable[..., httpx.AsyncClient] | None = None,
) -> AsyncGenerator[WarehouseClient, None]:
    """Connect to a remote warehouse server over SSE or streamable HTTP."""
    auth = BearerAuth(token) if token else None
    if transport == "sse":
        async with sse_client(url, timeout=timeout.total_seconds(), sse_read_timeout=300, auth=auth) as (read, write):
            async with ClientSession(read, write, read_timeout_seconds=timeout, message_handler=message_handler) as s:
                await s.initialize()
                yield WarehouseClient(s)
        return
    extra: dict[str, Any] = {"httpx_client_factory": http_client_factory} if http_client_factory else {}
    async with streamablehttp_client(
        url, headers={"User-Agent": "warehouse-client"}, timeout=timeout, sse_read_timeout=timedelta(minutes=5), auth=auth, **extra
    ) as (read, write, get_session_id):
        async with ClientSession(read, write, read_timeout_seconds=timeout, message_handler=message_handler) as s:
            await s.initialize()
            yield WarehouseClient(s, get_session_id)


async def fetch_health(base_url: str, client: httpx.AsyncClient | None = None) -> dict[str, Any]:
    owns = client is None
    http = client or httpx.AsyncClient(timeout=httpx.Timeout(5.0))
    try:
        response = await http.get(f"{base_url.rstrip('/')}/healthz")
        return response.raise_for_status().json()
    except httpx.HTTPStatusError as exc:
        return {"status": "error", "code": exc.response.status_code}
    finally:
        if owns:
            await http.aclose()

