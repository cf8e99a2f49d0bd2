"""Opening client sessions over stdio, SSE, streamable HTTP and websockets."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta
from typing import Any, TypeVar

import anyio
import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp import ClientSession, StdioServerParameters, stdio_client, types
from mcp.client.session_group import ClientSessionParameters, StreamableHttpParameters
from mcp.client.sse import sse_client
from mcp.client.stdio import get_default_environment
from mcp.client.streamable_http import MCP_PROTOCOL_VERSION, GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory
from mcp.shared.message import SessionMessage

from agentwire.cache import ToolListCache
from agentwire.callbacks import AgentCallbacks
from agentwire.config import ServerConfig
from agentwire.toolkit import MCPToolkit, SessionExpiredError

logger = logging.getLogger(__name__)

# The HTTP stack logs every request at INFO; agents make a lot of them.
for _noisy in ("httpx", "httpcore"):
    logging.getLogger(_noisy).setLevel(logging.WARNING)

USER_AGENT = "agentwire/0.6"

ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]
Streams = tuple[ReadStream, WriteStream, GetSessionIdCallback | None]

T = TypeVar("T")


class BearerAuth(httpx.Auth):
    """Static or rotating bearer token, refreshed once on a 401."""

    def __init__(self, token: str | Callable[[], str], *, refresh: Callable[[], str] | None = None) -> None:
        self._source = token
        self._refresh = refresh
        self._override: str | None = None

    def _token(self) -> str:
        if self._override is not None:
            return self._override
        return self._source() if callable(self._source) else self._source

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token()}"
        response = yield request
        if response.status_code == httpx.codes.UNAUTHORIZED and self._refresh is not None:
            self._override = self._refresh()
            request.headers["Authorization"] = f"Bearer {self._override}"
            yield request


def make_client_factory(
    *,
    user_agent: str = USER_AGENT,
    verify: bool = True,
    protocol_version: str | None = None,
    on_response: Callable[[httpx.Response], Awaitable[None]] | None = None,
) -> McpHttpClientFactory:
    """Build an ``httpx_client_factory`` that stamps our headers on every client."""

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        merged = {"User-Agent": user_agent, **(headers or {})}
        if protocol_version:
            merged[MCP_PROTOCOL_VERSION] = protocol_version
        hooks: dict[str, list[Callable[..., Any]]] = {"response": [on_response]} if on_response else {}
        return httpx.AsyncClient(
            headers=merged,
            timeout=timeout or httpx.Timeout(30.0, read=300.0),
            auth=auth,
            verify=verify,
            follow_redirects=True,
            event_hooks=hooks,
        )

    return factory


def stdio_parameters(config: ServerConfig) -> StdioServerParameters:
    if not config.command:
        raise ValueError(f"{config.name}: no command configured")
    env = get_default_environment()
    env.update(config.env or {})
    return StdioServerParameters(command=config.command, args=list(config.args), env=env, cwd=config.cwd)


def http_parameters(config: ServerConfig) -> StreamableHttpParameters:
    return StreamableHttpParameters(
        url=config.endpoint,
        headers=dict(config.headers) or None,
        timeout=timedelta(seconds=config.timeout),
        sse_read_timeout=timedelta(seconds=config.sse_read_timeout),
    )


def session_parameters(config: ServerConfig, callbacks: AgentCallbacks | None) -> ClientSessionParameters:
    read_timeout = timedelta(seconds=config.read_timeout_seconds) if config.read_timeout_seconds else None
    if callbacks is None:
        return ClientSessionParameters(read_timeout_seconds=read_timeout)
    return ClientSessionParameters(
        read_timeout_seconds=read_timeout,
        sampling_callback=callbacks.sampling if callbacks.model is not None else None,
        elicitation_callback=callbacks.elicitation,
        list_roots_callback=callbacks.list_roots if callbacks.roots else None,
        logging_callback=callbacks.logging,
        message_handler=callbacks.message_handler,
    )


@asynccontextmanager
async def open_streams(
    config: ServerConfig,
    *,
    auth: httpx.Auth | None = None,
    client_factory: McpHttpClientFactory | None = None,
) -> AsyncIterator[Streams]:
    factory = client_factory or make_client_factory()
    if auth is None and config.bearer_token:
        auth = BearerAuth(config.bearer_token)

    if config.transport == "stdio":
        async with stdio_client(stdio_parameters(config)) as (read, write):
            yield read, write, None
    elif config.transport == "sse":
        async with sse_client(
            config.endpoint,
            headers=dict(config.headers) or None,
            timeout=config.timeout,
            sse_read_timeout=config.sse_read_timeout,
            httpx_client_factory=factory,
            auth=auth,
        ) as (read, write):
            yield read, write, None
    elif config.transport == "streamable_http":
        http = http_parameters(config)
        async with streamablehttp_client(
            http.url,
            headers=http.headers,
            timeout=http.timeout,
            sse_read_timeout=http.sse_read_timeout,
            terminate_on_close=http.terminate_on_close,
            httpx_client_factory=factory,
            auth=auth,
        ) as (read, write, get_session_id):
            yield read, write, get_session_id
    else:
        from mcp.client.websocket import websocket_client

        async with websocket_client(config.endpoint) as (read, write):
            yield read, write, None


@asynccontextmanager
async def connect(
    config: ServerConfig,
    *,
    callbacks: AgentCallbacks | None = None,
    cache: ToolListCache | None = None,
    client_info: types.Implementation | None = None,
    auth: httpx.Auth | None = None,
    client_factory: McpHttpClientFactory | None = None,
    run_id: str | None = None,
) -> AsyncIterator[MCPToolkit]:
    cache = cache or (callbacks.cache if callbacks else None) or ToolListCache(ttl=config.cache_ttl)
    if callbacks is not None and callbacks.cache is None:
        callbacks.cache = cache
    params = session_parameters(config, callbacks)
    async with AsyncExitStack() as stack:
        read, write, get_session_id = await stack.enter_async_context(
            open_streams(config, auth=auth, client_factory=client_factory)
        )
        session = await stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=params.read_timeout_seconds,
                sampling_callback=params.sampling_callback,
                elicitation_callback=params.elicitation_callback,
                list_roots_callback=params.list_roots_callback,
                logging_callback=params.logging_callback,
                message_handler=params.message_handler,
                client_info=client_info or types.Implementation(name="agentwire", version="0.6.0"),
            )
        )
        toolkit = MCPToolkit(session, name=config.name, cache=cache, tool_prefix=config.tool_prefix, run_id=run_id)
        toolkit.get_session_id = get_session_id
        identity = await toolkit.initialize()
        logger.info("connected to %s (%s %s) via %s", config.name, identity.name, identity.version, config.transport)
        yield toolkit


async def run_with_reconnect(
    config: ServerConfig,
    work: Callable[[MCPToolkit], Awaitable[T]],
    *,
    attempts: int = 3,
    backoff: float = 0.5,
    **connect_kwargs: Any,
) -> T:
    """Run ``work`` against a fresh connection, reconnecting on HTTP or session failures."""
    last_error: BaseException | None = None
    for attempt in range(1, attempts + 1):
        try:
            async with connect(config, **connect_kwargs) as toolkit:
                return await work(toolkit)
        except* httpx.HTTPStatusError as group:
            last_error = group.exceptions[0]
        except* SessionExpiredError as group:
            last_error = group.exceptions[0]
        logger.warning("%s: attempt %d/%d failed: %s", config.name, attempt, attempts, last_error)
        if attempt < attempts:
            await anyio.sleep(backoff * attempt)
    raise ConnectionError(f"{config.name}: giving up after {attempts} attempts") from last_error
