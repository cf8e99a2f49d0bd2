"""Connecting to the remote MCP server over streamable HTTP or SSE."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp import ClientSession
from mcp.client.session import ElicitationFnT, ListRootsFnT, LoggingFnT, MessageHandlerFnT, SamplingFnT
from mcp.client.sse import sse_client
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import MCP_DEFAULT_SSE_READ_TIMEOUT, McpHttpClientFactory
from mcp.shared.message import SessionMessage
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import Implementation, InitializeResult, ServerCapabilities

from stdiobridge.settings import BridgeSettings

logger = logging.getLogger(__name__)

ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]
Transport = tuple[ReadStream, WriteStream, GetSessionIdCallback]

BRIDGE_CLIENT_INFO = Implementation(name="stdio-bridge", version="0.4.2")


class BearerAuth(httpx.Auth):
    """Static bearer token, with an optional refresh hook on 401."""

    requires_response_body = False

    def __init__(self, token: str, refresh: Callable[[], str] | None = None) -> None:
        self.token = token
        self._refresh = refresh

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED and self._refresh is not None:
            self.token = self._refresh()
            request.headers["Authorization"] = f"Bearer {self.token}"
            yield request


@dataclass
class SessionIdTracker:
    """Remembers the ``mcp-session-id`` the upstream handed out (SSE has no callback for it)."""

    seen: list[str] = field(default_factory=list)

    def on_created(self, session_id: str) -> None:
        self.seen.append(session_id)

    async def on_response(self, response: httpx.Response) -> None:
        session_id = response.headers.get("mcp-session-id")
        if session_id and (not self.seen or self.seen[-1] != session_id):
            self.seen.append(session_id)

    def current(self) -> str | None:
        return self.seen[-1] if self.seen else None


def http_client_factory(
    tracker: SessionIdTracker | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> McpHttpClientFactory:
    """Build the factory the SDK transports use to create their ``httpx.AsyncClient``."""

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        hooks = {"response": [tracker.on_response]} if tracker is not None else {}
        return httpx.AsyncClient(
            headers={"User-Agent": "stdio-bridge/0.4", **(headers or {})},
            timeout=timeout or httpx.Timeout(30.0, read=MCP_DEFAULT_SSE_READ_TIMEOUT),
            auth=auth,
            follow_redirects=True,
            event_hooks=hooks,
            transport=transport,
        )

    return factory


def build_auth(settings: BridgeSettings) -> httpx.Auth | None:
    if settings.bearer_token and settings.headers.get("authorization") is None:
        return BearerAuth(settings.bearer_token)
    return None


@asynccontextmanager
async def open_transport(
    settings: BridgeSettings,
    tracker: SessionIdTracker | None = None,
    http_transport: httpx.AsyncBaseTransport | None = None,
) -> AsyncIterator[Transport]:
    tracker = tracker or SessionIdTracker()
    headers = settings.headers.merged({"X-Bridge-Name": settings.server_name})
    factory = http_client_factory(tracker, http_transport)
    auth = build_auth(settings)
    url = settings.upstream_url
    if settings.transport == "streamable-http":
        logger.info("connecting to %s (streamable HTTP)", url)
        async with streamablehttp_client(
            url,
            headers=headers,
            timeout=timedelta(seconds=settings.timeout),
            sse_read_timeout=timedelta(seconds=settings.sse_read_timeout),
            httpx_client_factory=factory,
            auth=auth,
        ) as (read_stream, write_stream, get_session_id):
            yield read_stream, write_stream, get_session_id
    else:
        logger.info("connecting to %s (SSE)", url)
        async with sse_client(
            url,
            headers=headers,
            timeout=settings.timeout,
            sse_read_timeout=settings.sse_read_timeout,
            httpx_client_factory=factory,
            auth=auth,
            on_session_created=tracker.on_created,
        ) as (read_stream, write_stream):
            yield read_stream, write_stream, tracker.current


async def probe(settings: BridgeSettings, transport: httpx.AsyncBaseTransport | None = None) -> dict[str, object]:
    """Cheap reachability check used by ``stdio-bridge --check`` before spawning anything."""
    factory = http_client_factory(transport=transport)
    async with factory(headers=settings.request_headers(), timeout=httpx.Timeout(settings.timeout)) as client:
        try:
            response = await client.get(settings.upstream_url, headers={"Accept": "text/event-stream"})
        except httpx.ConnectError as exc:
            return {"ok": False, "reason": f"connect failed: {exc}"}
        except httpx.TimeoutException:
            return {"ok": False, "reason": "timed out"}
    # 405 is fine: streamable HTTP servers may refuse GET without a session
    ok = response.status_code < 400 or response.status_code in (httpx.codes.METHOD_NOT_ALLOWED, httpx.codes.BAD_REQUEST)
    return {"ok": ok, "status": response.status_code, "server": response.headers.get("server")}


@dataclass
class UpstreamInfo:
    server_name: str
    server_version: str
    protocol_version: str
    instructions: str | None
    capabilities: ServerCapabilities

    @classmethod
    def from_initialize(cls, result: InitializeResult) -> UpstreamInfo:
        server_info = result.serverInfo
        return cls(
            server_name=server_info.name,
            server_version=server_info.version,
            protocol_version=str(result.protocolVersion),
            instructions=result.instructions,
            capabilities=result.capabilities,
        )

    @property
    def has_prompts(self) -> bool:
        return self.capabilities.prompts is not None

    @property
    def has_resources(self) -> bool:
        return self.capabilities.resources is not None

    @property
    def can_subscribe(self) -> bool:
        return bool(self.capabilities.resources and self.capabilities.resources.subscribe)


@asynccontextmanager
async def connect_session(
    read_stream: ReadStream,
    write_stream: WriteStream,
    *,
    request_timeout: float,
    message_handler: MessageHandlerFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    sampling_callback: SamplingFnT | None = None,
    elicitation_callback: ElicitationFnT | None = None,
    list_roots_callback: ListRootsFnT | None = None,
) -> AsyncIterator[tuple[ClientSession, UpstreamInfo]]:
    async with ClientSession(
        read_stream,
        write_stream,
        read_timeout_seconds=timedelta(seconds=request_timeout),
        sampling_callback=sampling_callback,
        elicitation_callback=elicitation_callback,
        list_roots_callback=list_roots_callback,
        logging_callback=logging_callback,
        message_handler=message_handler,
        client_info=BRIDGE_CLIENT_INFO,
    ) as session:
        info = UpstreamInfo.from_initialize(await session.initialize())
        if info.protocol_version not in SUPPORTED_PROTOCOL_VERSIONS:
            raise RuntimeError(f"upstream negotiated unsupported protocol {info.protocol_version}")
        logger.info(
            "upstream %s %s ready (protocol %s)", info.server_name, info.server_version, info.protocol_version
        )
        yield session, info
