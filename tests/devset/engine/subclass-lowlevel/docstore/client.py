"""Client-side helpers used by the CLI, the sync job and the tests."""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import anyio
import httpx
import mcp.types as types
from mcp.client.session import ClientSession
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT, RequestResponder
from pydantic import AnyUrl

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = timedelta(seconds=20)

ServerMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


@dataclass
class NotificationLog:
    """``message_handler`` that records what the server pushed to us."""

    updated: list[str] = field(default_factory=list)
    list_changed: int = 0
    logs: list[Any] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    update_event: anyio.Event = field(default_factory=anyio.Event)

    async def __call__(self, message: ServerMessage) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
            return
        if not isinstance(message, types.ServerNotification):
            self.requests.append(message.request.root.method)
            return
        match message.root:
            case types.ResourceUpdatedNotification(params=params):
                self.updated.append(str(params.uri))
                self.update_event.set()
            case types.ResourceListChangedNotification():
                self.list_changed += 1
            case types.LoggingMessageNotification(params=params):
                self.logs.append(params.data)
            case _:
                pass

    async def wait_for_update(self, timeout: float = 2.0) -> str | None:
        with anyio.move_on_after(timeout):
            await self.update_event.wait()
        self.update_event = anyio.Event()
        return self.updated[-1] if self.updated else None


@dataclass
class ProgressLog:
    events: list[tuple[float, float | None, str | None]] = field(default_factory=list)

    async def __call__(self, progress: float, total: float | None, message: str | None) -> None:
        self.events.append((progress, total, message))


class DocStoreClient:
    """Thin typed façade over a connected :class:`ClientSession`."""

    def __init__(self, session: ClientSession) -> None:
        self.session = session

    async def handshake(self) -> types.InitializeResult:
        result = await self.session.initialize()
        info = result.serverInfo
        logger.info("connected to %s %s (protocol %s)", info.name, info.version, result.protocolVersion)
        return result

    def supports_subscriptions(self) -> bool:
        caps = self.session.get_server_capabilities()
        return bool(caps and caps.resources and caps.resources.subscribe)

    async def list_all_documents(self) -> list[types.Resource]:
        resources: list[types.Resource] = []
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_resources(cursor=cursor)
            resources.extend(page.resources)
            if page.nextCursor is None:
                return resources
            cursor = page.nextCursor

    async def list_all_prompts(self) -> list[types.Prompt]:
        prompts: list[types.Prompt] = []
        page = await self.session.list_prompts()
        prompts.extend(page.prompts)
        while page.nextCursor:
            page = await self.session.list_prompts(cursor=page.nextCursor)
            prompts.extend(page.prompts)
        return prompts

    async def first_content(self, uri: str) -> types.TextResourceContents | types.BlobResourceContents:
        result = await self.session.read_resource(AnyUrl(uri))
        return result.contents[0]

    async def read_text(self, uri: str) -> tuple[str, str | None]:
        content = await self.first_content(uri)
        if isinstance(content, types.TextResourceContents):
            return content.text, content.mimeType
        return base64.b64decode(content.blob).decode("latin-1"), content.mimeType

    async def read_bytes(self, uri: str) -> bytes:
        content = await self.first_content(uri)
        if isinstance(content, types.BlobResourceContents):
            return base64.b64decode(content.blob)
        return content.text.encode()

    async def search(self, query: str, limit: int = 5) -> list[dict[str, Any]]:
        result = await self.session.call_tool("search_documents", {"query": query, "limit": limit})
        if result.isError:
            raise RuntimeError(_error_text(result))
        structured = result.structuredContent or {}
        return list(structured.get("results", []))

    async def put(self, collection: str, slug: str, title: str, body: str, tags: list[str] | None = None) -> str:
        result = await self.session.call_tool(
            "put_document",
            {"collection": collection, "slug": slug, "title": title, "body": body, "tags": tags or []},
        )
        if result.isError:
            raise RuntimeError(_error_text(result))
        for block in result.content:
            if isinstance(block, types.ResourceLink):
                return str(block.uri)
        return f"doc://{collection}/{slug}"

    async def bulk_import(
        self,
        documents: list[dict[str, Any]],
        *,
        on_progress: ProgressFnT | None = None,
        delay_ms: int = 0,
        timeout: timedelta = DEFAULT_TIMEOUT,
    ) -> types.CallToolResult:
        return await self.session.call_tool(
            "bulk_import",
            {"documents": documents, "delay_ms": delay_ms},
            read_timeout_seconds=timeout,
            progress_callback=on_progress,
        )

    async def stats(self, tag: str | None = None) -> dict[str, Any]:
        meta = {"client_tag": tag} if tag else None
        result = await self.session.call_tool("store_stats", {}, meta=meta)
        return dict(result.structuredContent or {})

    async def watch(self, uri: str) -> None:
        await self.session.subscribe_resource(AnyUrl(uri))

    async def unwatch(self, uri: str) -> None:
        await self.session.unsubscribe_resource(AnyUrl(uri))


def _error_text(result: types.CallToolResult) -> str:
    return " ".join(block.text for block in result.content if isinstance(block, types.TextContent))


def describe_error(exc: McpError) -> str:
    data = exc.error.data
    suffix = f" ({data['uri']})" if isinstance(data, dict) and "uri" in data else ""
    return f"[{exc.error.code}] {exc.error.message}{suffix}"


@asynccontextmanager
async def connect_http(
    url: str,
    *,
    token: str | None = None,
    message_handler: NotificationLog | None = None,
    timeout: timedelta = DEFAULT_TIMEOUT,
    httpx_client_factory: McpHttpClientFactory = create_mcp_http_client,
    terminate_on_close: bool = True,
) -> AsyncIterator[tuple[DocStoreClient, GetSessionIdCallback]]:
    headers = {"Authorization": f"Bearer {token}"} if token else None
    async with streamablehttp_client(
        url,
        headers=headers,
        timeout=timeout,
        sse_read_timeout=timedelta(minutes=5),
        terminate_on_close=terminate_on_close,
        httpx_client_factory=httpx_client_factory,
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(
            read_stream,
            write_stream,
            read_timeout_seconds=timeout,
            message_handler=message_handler,
        ) as session:
            client = DocStoreClient(session)
            await client.handshake()
            yield client, get_session_id


async def check_health(base_url: str, *, client: httpx.AsyncClient | None = None) -> dict[str, Any]:
    owned = client is None
    http = client or httpx.AsyncClient(base_url=base_url, timeout=httpx.Timeout(5.0))
    try:
        response = await http.get("/healthz")
        response.raise_for_status()
        return dict(response.json())
    except httpx.HTTPStatusError as exc:
        return {"status": "error", "code": exc.response.status_code}
    except httpx.ConnectError:
        return {"status": "unreachable"}
    finally:
        if owned:
            await http.aclose()


def is_timeout(exc: McpError) -> bool:
    return exc.error.code == httpx.codes.REQUEST_TIMEOUT
