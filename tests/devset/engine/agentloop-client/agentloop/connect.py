"""Open a ClientSession to an MCP server over stdio, SSE or streamable HTTP."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, AsyncIterator, Generator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

import httpx
import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.client.session import ClientSession, ElicitationFnT, ListRootsFnT, LoggingFnT, SamplingFnT
from mcp.client.sse import sse_client
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared.message import SessionMessage
from mcp.shared.session import RequestResponder

log = logging.getLogger("agentloop.connect")
# The SDK's HTTP transports log every request at INFO through httpx; keep agent output readable.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

CLIENT_INFO = types.Implementation(name="agentloop", version="0.9.2")
ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]


class BearerAuth(httpx.Auth):
    """Adds a static bearer token and refreshes it once on 401."""

    requires_response_body = False

    def __init__(self, token: str, refresh: Any = None) -> None:
        self.token = token
        self.refresh = refresh

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        if response.status_code == 401 and self.refresh is not None:
            self.token = self.refresh()
            request.headers["Authorization"] = f"Bearer {self.token}"
            yield request


@dataclass
class ServerSpec:
    name: str
    kind: Literal["stdio", "sse", "http", "ws"]
    command: str = ""
    args: list[str] = field(default_factory=list)
    env: dict[str, str] | None = None
    url: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    token: str | None = None
    timeout: float = 30.0
    stream_timeout: float = 300.0


@dataclass
class ClientHandlers:
    sampling: SamplingFnT | None = None
    elicitation: ElicitationFnT | None = None
    roots: ListRootsFnT | None = None
    logging: LoggingFnT | None = None


@dataclass
class CatalogWatcher:
    """message_handler that notices when the server's tool/resource lists change."""

    tools_stale: bool = False
    resources_stale: bool = False
    unexpected: list[str] = field(default_factory=list)

    async def __call__(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            log.warning("transport error: %s", message)
            return
        if isinstance(message, RequestResponder):
            self.unexpected.append(message.request.root.method)
            return
        match message.root:
            case types.ToolListChangedNotification():
                self.tools_stale = True
            case types.ResourceListChangedNotification() | types.ResourceUpdatedNotification():
                self.resources_stale = True
            case _:
                pass


@asynccontextmanager
async def open_transport(spec: ServerSpec) -> AsyncGenerator[tuple[ReadStream, WriteStream], None]:
    auth = BearerAuth(spec.token) if spec.token else None
    if spec.kind == "stdio":
        params = StdioServerParameters(command=spec.command, args=spec.args, env=spec.env)
        async with stdio_client(params) as (read, write):
            yield read, write
    elif spec.kind == "sse":
        async with sse_client(
            spec.url,
            headers=spec.headers,
            timeout=spec.timeout,
            sse_read_timeout=spec.stream_timeout,
            auth=auth,
        ) as (read, write):
            yield read, write
    elif spec.kind == "ws":
        # Optional dependency (mcp[ws]); only imported when a websocket server is configured.
        from mcp.client.websocket import websocket_client

        async with websocket_client(spec.url) as (read, write):
            yield read, write
    else:
        async with streamablehttp_client(
            spec.url,
            headers=spec.headers,
            timeout=timedelta(seconds=spec.timeout),
            sse_read_timeout=timedelta(seconds=spec.stream_timeout),
            auth=auth,
        ) as (read, write, get_session_id):
            _log_session(spec, get_session_id)
            yield read, write


def _log_session(spec: ServerSpec, get_session_id: GetSessionIdCallback) -> None:
    session_id = get_session_id()
    if session_id:
        log.info("%s: streamable HTTP session %s", spec.name, session_id)


@asynccontextmanager
async def open_session(
    spec: ServerSpec,
    handlers: ClientHandlers | None = None,
    watcher: CatalogWatcher | None = None,
) -> AsyncIterator[tuple[ClientSession, types.InitializeResult]]:
    handlers = handlers or ClientHandlers()
    async with AsyncExitStack() as stack:
        read, write = await stack.enter_async_context(open_transport(spec))
        session = await stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=timedelta(seconds=spec.timeout),
                sampling_callback=handlers.sampling,
                elicitation_callback=handlers.elicitation,
                list_roots_callback=handlers.roots,
                logging_callback=handlers.logging,
                message_handler=watcher,
                client_info=CLIENT_INFO,
            )
        )
        init = await session.initialize()
        log.info("connected to %s %s", init.serverInfo.name, init.serverInfo.version)
        yield session, init
