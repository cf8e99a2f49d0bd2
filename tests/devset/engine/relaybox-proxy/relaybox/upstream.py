"""Opening client sessions to upstream servers over any supported transport."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import AsyncIterator, Generator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.client.sse import sse_client
from mcp.client.stdio import get_default_environment
from mcp.client.streamable_http import GetSessionIdCallback, streamablehttp_client
from mcp.shared.exceptions import McpError
from mcp.shared.message import SessionMessage

from relaybox.config import UpstreamSpec
from relaybox.describe import UpstreamInfo
from relaybox.relay import NotificationRelay

logger = logging.getLogger(__name__)

# The SDK's HTTP stack is chatty at INFO; keep our logs readable.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

CLIENT_INFO = types.Implementation(name="relaybox", version="0.3.0")

ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]


class StaticBearerAuth(httpx.Auth):
    """Attach a bearer token read from the environment at request time."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = os.path.expandvars(self._token)
        request.headers["Authorization"] = f"Bearer {token}"
        yield request


def build_http_client(
    headers: dict[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
    auth: httpx.Auth | None = None,
) -> httpx.AsyncClient:
    """``httpx_client_factory`` used for upstream HTTP transports."""
    merged = {"User-Agent": f"relaybox/{CLIENT_INFO.version}", **(headers or {})}
    return httpx.AsyncClient(
        headers=merged,
        timeout=timeout or httpx.Timeout(30.0, read=300.0),
        auth=auth,
        follow_redirects=True,
    )


@dataclass
class UpstreamConnection:
    spec: UpstreamSpec
    session: ClientSession
    init: types.InitializeResult
    relay: NotificationRelay
    get_session_id: GetSessionIdCallback | None = None

    @property
    def info(self) -> UpstreamInfo:
        return UpstreamInfo.from_initialize(self.init)

    @property
    def http_session_id(self) -> str | None:
        return self.get_session_id() if self.get_session_id else None


def stdio_parameters(spec: UpstreamSpec, extra_env: dict[str, str] | None = None) -> StdioServerParameters:
    assert spec.command is not None
    env = get_default_environment()
    env.update(spec.env or {})
    env.update(extra_env or {})
    return StdioServerParameters(command=spec.command, args=list(spec.args), env=env, cwd=spec.cwd)


@asynccontextmanager
async def _open_streams(
    spec: UpstreamSpec, extra_env: dict[str, str] | None
) -> AsyncIterator[tuple[ReadStream, WriteStream, GetSessionIdCallback | None]]:
    headers = {key: os.path.expandvars(value) for key, value in spec.headers.items()}
    auth = StaticBearerAuth(spec.bearer_token) if spec.bearer_token else None

    if spec.transport == "stdio":
        async with stdio_client(stdio_parameters(spec, extra_env), errlog=sys.stderr) as (read, write):
            yield read, write, None
    elif spec.transport == "sse":
        assert spec.url is not None
        async with sse_client(
            spec.url,
            headers=headers,
            timeout=spec.read_timeout_seconds,
            sse_read_timeout=spec.sse_read_timeout,
            httpx_client_factory=build_http_client,
            auth=auth,
        ) as (read, write):
            yield read, write, None
    elif spec.transport == "streamable-http":
        assert spec.url is not None
        async with streamablehttp_client(
            spec.url,
            headers=headers,
            timeout=timedelta(seconds=spec.read_timeout_seconds),
            sse_read_timeout=timedelta(seconds=spec.sse_read_timeout),
            httpx_client_factory=build_http_client,
            auth=auth,
        ) as (read, write, get_session_id):
            yield read, write, get_session_id
    elif spec.transport == "websocket":
        from mcp.client.websocket import websocket_client

        assert spec.url is not None
        async with websocket_client(spec.url) as (read, write):
            yield read, write, None
    else:  # pragma: no cover - guarded by config validation
        raise ValueError(f"unsupported transport {spec.transport!r}")


@asynccontextmanager
async def open_upstream(
    spec: UpstreamSpec,
    *,
    relay: NotificationRelay | None = None,
    extra_env: dict[str, str] | None = None,
) -> AsyncIterator[UpstreamConnection]:
    """Connect to one upstream and complete the MCP handshake."""
    relay = relay or NotificationRelay(spec.name or "upstream")
    async with AsyncExitStack() as stack:
        read, write, get_session_id = await stack.enter_async_context(_open_streams(spec, extra_env))
        session = await stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=timedelta(seconds=spec.read_timeout_seconds),
                sampling_callback=relay.sampling,
                elicitation_callback=relay.elicitation,
                list_roots_callback=relay.list_roots,
                message_handler=relay,
                client_info=CLIENT_INFO,
            )
        )
        try:
            init = await session.initialize()
        except McpError as exc:
            logger.error("upstream %s refused initialize: %s (%s)", spec.name, exc.error.message, exc.error.code)
            raise
        server = init.serverInfo
        logger.info("connected to %s (%s %s, protocol %s)", spec.name, server.name, server.version, init.protocolVersion)
        yield UpstreamConnection(spec=spec, session=session, init=init, relay=relay, get_session_id=get_session_id)


async def ping_upstream(conn: UpstreamConnection, timeout: timedelta = timedelta(seconds=5)) -> dict[str, Any]:
    """Health probe: a ping with its own deadline, reported the way ``/healthz`` wants it."""
    info = conn.info
    status: dict[str, Any] = {"name": conn.spec.name, "serverInfo": {"name": info.name, "version": info.version}}
    try:
        await conn.session.send_request(
            types.ClientRequest(types.PingRequest()),
            types.EmptyResult,
            request_read_timeout_seconds=timeout,
        )
        status["ok"] = True
    except McpError as exc:
        status["ok"] = False
        status["timedOut"] = exc.error.code == httpx.codes.REQUEST_TIMEOUT
        status["error"] = exc.error.message
    return status
