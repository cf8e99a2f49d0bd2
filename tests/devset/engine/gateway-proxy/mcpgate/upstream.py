"""Client-side connections to the servers the gateway fronts."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Generator
from contextlib import AsyncExitStack
from datetime import timedelta
from typing import Any, Literal, Protocol, TypeVar

import anyio
import httpx
from anyio.abc import TaskStatus
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from pydantic import AnyUrl

import mcp.types as types
from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.client.stdio import get_default_environment
from mcp.client.streamable_http import MCP_SESSION_ID, GetSessionIdCallback, streamablehttp_client
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client
from mcp.shared.message import SessionMessage
from mcp.shared.session import ProgressFnT, RequestResponder
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from mcpgate import errors
from mcpgate.config import UpstreamSpec
from mcpgate.version import __version__

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R", bound=types.PaginatedResult)
ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]
IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception

MAX_PAGES = 50


class UpstreamListener(Protocol):
    async def catalog_changed(self, upstream: Upstream, method: str) -> None: ...

    async def resource_updated(self, upstream: Upstream, uri: AnyUrl) -> None: ...

    async def upstream_log(self, upstream: Upstream, params: types.LoggingMessageNotificationParams) -> None: ...


class BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


class Upstream:
    def __init__(
        self,
        spec: UpstreamSpec,
        listener: UpstreamListener | None = None,
        *,
        http_client_factory: McpHttpClientFactory | None = None,
    ) -> None:
        self.spec = spec
        self.name = spec.name
        self.state: Literal["idle", "ready", "down"] = "idle"
        self.last_error: str | None = None
        self.dirty = False
        self.session: ClientSession | None = None
        self.init_result: types.InitializeResult | None = None
        self._listener = listener
        self._http_client_factory = http_client_factory or create_mcp_http_client
        self._get_session_id: GetSessionIdCallback | None = None
        self._stop: anyio.Event | None = None
        self._closed: anyio.Event | None = None

    @property
    def server_info(self) -> types.Implementation | None:
        return self.init_result.serverInfo if self.init_result else None

    @property
    def protocol_version(self) -> str | None:
        return str(self.init_result.protocolVersion) if self.init_result else None

    @property
    def capabilities(self) -> types.ServerCapabilities | None:
        return self.session.get_server_capabilities() if self.session else None

    @property
    def session_id(self) -> str | None:
        return self._get_session_id() if self._get_session_id else None

    def require_session(self) -> ClientSession:
        if self.session is None or self.state != "ready":
            raise errors.upstream_unavailable(self.name)
        return self.session

    # ------------------------------------------------------------- lifecycle

    async def run(
        self,
        *,
        streams: tuple[ReadStream, WriteStream] | None = None,
        task_status: TaskStatus[ClientSession] = anyio.TASK_STATUS_IGNORED,
    ) -> None:
        """Own the transport and session until :meth:`stop` is called.

        Each upstream runs as its own task so that transports with internal
        task groups can be torn down independently of the others.
        """
        self._stop, self._closed = anyio.Event(), anyio.Event()
        started = False
        try:
            async with AsyncExitStack() as stack:
                read, write = streams if streams is not None else await self._open_transport(stack)
                session = await self._start(stack, read, write)
                started = True
                task_status.started(session)
                await self._stop.wait()
        except Exception as exc:
            self.mark_down(exc)
            if not started:
                raise
            logger.exception("upstream %s crashed", self.name)
        finally:
            self.state, self.session = "down", None
            self._closed.set()

    async def _open_transport(self, stack: AsyncExitStack) -> tuple[ReadStream, WriteStream]:
        spec = self.spec
        if spec.transport == "stdio" and spec.command:
            env = {**get_default_environment(), **spec.env}
            params = StdioServerParameters(command=spec.command, args=spec.args, env=env, cwd=spec.cwd)
            return await stack.enter_async_context(stdio_client(params))
        if spec.transport == "streamable-http" and spec.url:
            read, write, get_session_id = await stack.enter_async_context(
                streamablehttp_client(
                    spec.url,
                    headers=spec.headers or None,
                    timeout=timedelta(seconds=spec.timeout),
                    sse_read_timeout=timedelta(seconds=spec.sse_read_timeout),
                    httpx_client_factory=self._http_client_factory,
                    auth=BearerAuth(spec.bearer_token) if spec.bearer_token else None,
                )
            )
            self._get_session_id = get_session_id
            return read, write
        raise ValueError(f"upstream {spec.name!r}: cannot open a {spec.transport} transport")

    async def _start(self, stack: AsyncExitStack, read: ReadStream, write: WriteStream) -> ClientSession:
        read_timeout = self.spec.read_timeout_seconds
        session = await stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=timedelta(seconds=read_timeout) if read_timeout else None,
                logging_callback=self._on_log,
                message_handler=self._on_message,
                client_info=types.Implementation(name="mcpgate", version=__version__),
            )
        )
        with anyio.fail_after(self.spec.timeout):
            self.init_result = await session.initialize()
        if self.init_result.protocolVersion not in SUPPORTED_PROTOCOL_VERSIONS:
            logger.warning("%s negotiated unknown protocol %s", self.name, self.init_result.protocolVersion)
        self.session, self.state = session, "ready"
        if self.session_id:
            logger.info("%s: %s=%s", self.name, MCP_SESSION_ID, self.session_id)
        return session

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()

    async def close(self) -> None:
        self.stop()
        if self._closed is not None:
            await self._closed.wait()

    def mark_down(self, exc: BaseException) -> None:
        self.state = "down"
        self.last_error = str(exc) or type(exc).__name__

    # --------------------------------------------------------- notifications

    async def _on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        if self._listener is not None:
            await self._listener.upstream_log(self, params)

    async def _on_message(self, message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            self.last_error = repr(message)
            return
        if isinstance(message, RequestResponder) or self._listener is None:
            return
        match message.root:
            case (
                types.ToolListChangedNotification()
                | types.PromptListChangedNotification()
                | types.ResourceListChangedNotification()
            ) as notification:
                self.dirty = True
                await self._listener.catalog_changed(self, notification.method)
            case types.ResourceUpdatedNotification(params=params):
                await self._listener.resource_updated(self, params.uri)
            case _:
                pass

    # ------------------------------------------------------------- listings

    async def _drain(
        self, fetch: Callable[[types.Cursor | None], Awaitable[R]], items_of: Callable[[R], list[T]]
    ) -> list[T]:
        items: list[T] = []
        cursor: types.Cursor | None = None
        for _ in range(MAX_PAGES):
            page = await fetch(cursor)
            items.extend(items_of(page))
            if page.nextCursor is None or page.nextCursor == cursor:
                return items
            cursor = page.nextCursor
        raise RuntimeError(f"{self.name} paginated past {MAX_PAGES} pages")

    async def list_tools(self) -> list[types.Tool]:
        session = self.require_session()
        return await self._drain(lambda c: session.list_tools(cursor=c), lambda r: r.tools)

    async def list_resources(self) -> list[types.Resource]:
        session = self.require_session()
        return await self._drain(lambda c: session.list_resources(cursor=c), lambda r: r.resources)

    async def list_prompts(self) -> list[types.Prompt]:
        session = self.require_session()
        return await self._drain(lambda c: session.list_prompts(cursor=c), lambda r: r.prompts)

    # ------------------------------------------------------------ forwarding

    async def call_tool(
        self, tool: str, arguments: dict[str, Any] | None, *, progress_callback: ProgressFnT | None = None
    ) -> types.CallToolResult:
        seconds = self.spec.timeout_for(tool)
        return await self.require_session().call_tool(
            tool,
            arguments,
            read_timeout_seconds=timedelta(seconds=seconds) if seconds else None,
            progress_callback=progress_callback,
        )

    async def read_resource(self, uri: str | AnyUrl) -> types.ReadResourceResult:
        return await self.require_session().read_resource(AnyUrl(str(uri)))

    async def get_prompt(self, name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        return await self.require_session().get_prompt(name, arguments)

    async def subscribe(self, uri: AnyUrl) -> None:
        await self.require_session().subscribe_resource(uri)

    async def set_logging_level(self, level: types.LoggingLevel) -> bool:
        caps = self.capabilities
        if caps is None or caps.logging is None:
            return False
        await self.require_session().set_logging_level(level)
        return True

    def describe(self) -> dict[str, Any]:
        info, caps = self.server_info, self.capabilities
        return {
            "name": self.name,
            "transport": self.spec.transport,
            "state": self.state,
            "serverInfo": info.model_dump(exclude_none=True) if info else None,
            "protocolVersion": self.protocol_version,
            "sessionId": self.session_id,
            "instructions": self.init_result.instructions if self.init_result else None,
            "toolsListChanged": bool(caps and caps.tools and caps.tools.listChanged),
            "logging": bool(caps and caps.logging is not None),
            "lastError": self.last_error,
        }
