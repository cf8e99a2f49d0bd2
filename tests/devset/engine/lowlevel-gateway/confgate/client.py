"""Client-side helpers used by sidecars that watch config, by the CLI and by tests."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import anyio
import httpx
from pydantic import AnyUrl

import mcp.types as types
from mcp import ClientSession
from mcp.client.streamable_http import GetSessionIdCallback, streamable_http_client, streamablehttp_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder

logger = logging.getLogger(__name__)

IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception
DEFAULT_TIMEOUT = timedelta(seconds=30)


@dataclass
class NotificationRecorder:
    """message_handler that keeps what the gateway pushed to us."""

    updated: list[str] = field(default_factory=list)
    list_changed: list[str] = field(default_factory=list)
    logs: list[types.LoggingMessageNotificationParams] = field(default_factory=list)
    progress: list[tuple[str | int, float]] = field(default_factory=list)
    changed: anyio.Event = field(default_factory=anyio.Event)

    async def __call__(self, message: IncomingMessage) -> None:
        if isinstance(message, (Exception, RequestResponder)):
            return
        match message.root:
            case types.ResourceUpdatedNotification(params=params):
                self.updated.append(str(params.uri))
                self.changed.set()
            case types.ResourceListChangedNotification() | types.PromptListChangedNotification() as note:
                self.list_changed.append(note.method)
            case types.LoggingMessageNotification(params=params):
                self.logs.append(params)
            case types.ProgressNotification(params=params):
                self.progress.append((params.progressToken, params.progress))
            case _:
                pass


class GatewayClient:
    """Thin convenience layer over a ClientSession talking to a confgate server."""

    def __init__(self, session: ClientSession, *, timeout: timedelta = DEFAULT_TIMEOUT, actor: str | None = None):
        self.session = session
        self.timeout = timeout
        self.actor = actor

    async def all_resources(self) -> list[types.Resource]:
        resources: list[types.Resource] = []
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_resources(cursor=cursor)
            resources.extend(page.resources)
            if (cursor := page.nextCursor) is None:
                return resources

    async def read(self, uri: str | AnyUrl) -> str | bytes:
        result = await self.session.read_resource(AnyUrl(str(uri)))
        content = result.contents[0]
        if isinstance(content, types.TextResourceContents):
            return content.text
        return base64.b64decode(content.blob)

    async def read_json(self, uri: str | AnyUrl) -> Any:
        return json.loads(await self.read(uri))

    async def call(self, name: str, arguments: dict[str, Any] | None = None, retries: int = 1) -> dict[str, Any]:
        """Call a tool and return its structured content, raising on tool errors."""
        meta = {"actor": self.actor} if self.actor else None
        for attempt in range(retries + 1):
            try:
                result = await self.session.call_tool(name, arguments, read_timeout_seconds=self.timeout, meta=meta)
            except McpError as exc:
                if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt < retries:
                    logger.warning("tool %s timed out, retrying", name)
                    continue
                raise
            if result.isError:
                raise RuntimeError(" ".join(b.text for b in result.content if isinstance(b, types.TextContent)))
            return result.structuredContent or {}
        raise AssertionError("unreachable")

    async def lookup(self, path: str, key: str, env: str | None = None) -> Any:
        data = await self.call("lookup_key", {"path": path, "key": key, **({"env": env} if env else {})})
        return data["value"] if data["found"] else None

    async def ping(self) -> float:
        started = anyio.current_time()
        await self.session.send_request(types.ClientRequest(types.PingRequest()), types.EmptyResult)
        return anyio.current_time() - started

    def supports_subscriptions(self) -> bool:
        caps = self.session.get_server_capabilities()
        return bool(caps and caps.resources and caps.resources.subscribe)


@asynccontextmanager
async def connect_http(
    url: str, *, token: str | None = None, timeout: timedelta = DEFAULT_TIMEOUT
) -> AsyncIterator[tuple[GatewayClient, GetSessionIdCallback]]:
    headers = {"Authorization": f"Bearer {token}"} if token else None
    async with streamablehttp_client(url, headers=headers, timeout=timeout, sse_read_timeout=timedelta(minutes=10)) as (
        read,
        write,
        get_session_id,
    ):
        async with ClientSession(read, write, read_timeout_seconds=timeout) as session:
            await session.initialize()
            yield GatewayClient(session, timeout=timeout), get_session_id


@asynccontextmanager
async def connect_with_http_client(url: str, http_client: httpx.AsyncClient) -> AsyncIterator[GatewayClient]:
    async with AsyncExitStack() as stack:
        read, write, get_session_id = await stack.enter_async_context(
            streamable_http_client(url, http_client=http_client, terminate_on_close=False)
        )
        session = await stack.enter_async_context(ClientSession(read, write, message_handler=NotificationRecorder()))
        init = await session.initialize()
        info = init.serverInfo
        logger.info("connected to %s %s (%s, session %s)", info.name, info.version, init.protocolVersion, get_session_id())
        yield GatewayClient(session)
