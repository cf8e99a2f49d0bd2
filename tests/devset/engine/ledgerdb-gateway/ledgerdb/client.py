"""A small typed client for talking to a ledgerdb gateway."""

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
import mcp.types as types
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from pydantic import AnyUrl

from ledgerdb import __version__

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = timedelta(seconds=30)
CLIENT_INFO = types.Implementation(name="ledgerdb-client", version=__version__)


class LedgerToolError(RuntimeError):
    def __init__(self, tool: str, message: str) -> None:
        super().__init__(f"{tool}: {message}")
        self.tool = tool
        self.message = message


class BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


@dataclass
class NotificationInbox:
    """message_handler that keeps what the server pushed to us."""

    updated: list[str] = field(default_factory=list)
    logs: list[tuple[str, Any]] = field(default_factory=list)
    list_changed: int = 0
    errors: list[Exception] = field(default_factory=list)
    _arrived: anyio.Event = field(default_factory=anyio.Event)

    async def __call__(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
            return
        if not isinstance(message, types.ServerNotification):
            return  # server requests are answered by the session callbacks
        notification = message.root
        match notification:
            case types.ResourceUpdatedNotification(params=params):
                self.updated.append(str(params.uri))
                self._arrived.set()
            case types.ResourceListChangedNotification():
                self.list_changed += 1
            case types.LoggingMessageNotification(params=params):
                self.logs.append((params.level, params.data))
            case _:
                logger.debug("ignoring %s", notification.method)

    async def wait_for_update(self, timeout: float = 5.0) -> list[str]:
        with anyio.fail_after(timeout):
            await self._arrived.wait()
        self._arrived = anyio.Event()
        return list(self.updated)


def _text(content: list[types.ContentBlock]) -> str:
    return "\n".join(block.text for block in content if isinstance(block, types.TextContent))


class LedgerClient:
    def __init__(
        self,
        session: ClientSession,
        *,
        server_info: types.Implementation | None = None,
        session_id: str | None = None,
        call_timeout: timedelta = DEFAULT_TIMEOUT,
        retries: int = 1,
    ) -> None:
        self.session = session
        self.server_info = server_info
        self.session_id = session_id
        self.call_timeout = call_timeout
        self.retries = retries

    async def tools(self) -> list[types.Tool]:
        tools: list[types.Tool] = []
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            tools.extend(page.tools)
            if page.nextCursor is None:
                return tools
            cursor = page.nextCursor

    async def call(self, name: str, arguments: dict[str, Any] | None = None) -> dict[str, Any]:
        attempt = 0
        while True:
            try:
                result = await self.session.call_tool(name, arguments or {}, read_timeout_seconds=self.call_timeout)
                break
            except McpError as exc:
                if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt < self.retries:
                    attempt += 1
                    logger.warning("%s timed out, retrying (%d/%d)", name, attempt, self.retries)
                    continue
                raise
        if result.isError:
            raise LedgerToolError(name, _text(result.content))
        if result.structuredContent is not None:
            return result.structuredContent
        return {"text": _text(result.content)}

    async def read_json(self, uri: str) -> Any:
        result = await self.session.read_resource(AnyUrl(uri))
        for contents in result.contents:
            if isinstance(contents, types.TextResourceContents) and contents.mimeType == "application/json":
                return json.loads(contents.text)
        raise ValueError(f"{uri} did not return JSON")

    async def watch_account(self, account_id: str) -> AnyUrl:
        uri = AnyUrl(f"ledger://accounts/{account_id}")
        await self.session.subscribe_resource(uri)
        return uri


@asynccontextmanager
async def connect_http(
    url: str,
    *,
    token: str | None = None,
    actor: str | None = None,
    timeout: timedelta = DEFAULT_TIMEOUT,
    inbox: NotificationInbox | None = None,
    httpx_client_factory: McpHttpClientFactory = create_mcp_http_client,
) -> AsyncIterator[LedgerClient]:
    headers = {"x-ledger-actor": actor} if actor else None
    async with streamablehttp_client(
        url,
        headers=headers,
        timeout=timeout,
        sse_read_timeout=timedelta(minutes=5),
        auth=BearerAuth(token) if token else None,
        httpx_client_factory=httpx_client_factory,
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(
            read_stream,
            write_stream,
            read_timeout_seconds=timeout,
            message_handler=inbox,
            client_info=CLIENT_INFO,
        ) as session:
            init = await session.initialize()
            logger.info("connected to %s %s (%s)", init.serverInfo.name, init.serverInfo.version, init.protocolVersion)
            yield LedgerClient(session, server_info=init.serverInfo, session_id=get_session_id(), call_timeout=timeout)
