"""A pool of long-lived, self-healing client sessions."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

import anyio
import httpx
from pydantic import FileUrl

from mcp import ClientSession, McpError, types
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder

from . import __version__
from .inventory import ServerProfile, list_all_tools
from .transport import TransportOpener

logger = logging.getLogger(__name__)

T = TypeVar("T")

# Streamable HTTP reports an expired server-side session with this positive code.
SESSION_TERMINATED = 32600

RECONNECT_CODES = frozenset({types.CONNECTION_CLOSED, httpx.codes.REQUEST_TIMEOUT, SESSION_TERMINATED})

CLIENT_INFO = types.Implementation(name="oauthgate", version=__version__)

ServerMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


def should_reconnect(exc: BaseException) -> bool:
    if isinstance(exc, McpError):
        return exc.error.code in RECONNECT_CODES
    return isinstance(exc, (anyio.ClosedResourceError, anyio.BrokenResourceError, anyio.EndOfStream))


def describe_error(exc: McpError) -> str:
    code = exc.error.code
    if code == httpx.codes.REQUEST_TIMEOUT:
        return f"request timed out ({exc.error.message})"
    if code == types.CONNECTION_CLOSED:
        return "connection closed by server"
    if code == SESSION_TERMINATED:
        return "server session expired"
    if code == types.METHOD_NOT_FOUND:
        return f"method not supported: {exc.error.message}"
    return f"error {code}: {exc.error.message}"


@dataclass
class ServerHandle:
    name: str
    opener: TransportOpener
    roots: list[str] = field(default_factory=lambda: list[str]())
    session: ClientSession | None = None
    profile: ServerProfile | None = None
    stack: AsyncExitStack | None = None
    connects: int = 0
    tools_cache: list[types.Tool] | None = None
    log_records: list[types.LoggingMessageNotificationParams] = field(
        default_factory=lambda: list[types.LoggingMessageNotificationParams]()
    )
    last_rtt: float | None = None

    @property
    def connected(self) -> bool:
        return self.session is not None


class SessionPool:
    def __init__(
        self,
        *,
        read_timeout: timedelta = timedelta(seconds=30),
        max_reconnects: int = 2,
        client_info: types.Implementation = CLIENT_INFO,
    ):
        self.read_timeout = read_timeout
        self.max_reconnects = max_reconnects
        self.client_info = client_info
        self._handles: dict[str, ServerHandle] = {}
        self._lock = anyio.Lock()

    async def __aenter__(self) -> SessionPool:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def register(self, name: str, opener: TransportOpener, *, roots: list[str] | None = None) -> ServerHandle:
        if name in self._handles:
            raise ValueError(f"server {name!r} already registered")
        handle = ServerHandle(name=name, opener=opener, roots=list(roots or []))
        self._handles[name] = handle
        return handle

    def handle(self, name: str) -> ServerHandle:
        try:
            return self._handles[name]
        except KeyError:
            raise KeyError(f"unknown server {name!r}") from None

    @property
    def names(self) -> list[str]:
        return sorted(self._handles)

    # --- connection lifecycle ----------------------------------------------------

    async def session(self, name: str) -> ClientSession:
        handle = self.handle(name)
        async with self._lock:
            if handle.session is None:
                await self._connect(handle)
        assert handle.session is not None
        return handle.session

    async def profile(self, name: str) -> ServerProfile:
        await self.session(name)
        profile = self.handle(name).profile
        assert profile is not None
        return profile

    async def _connect(self, handle: ServerHandle) -> None:
        stack = AsyncExitStack()
        try:
            read_stream, write_stream = await stack.enter_async_context(handle.opener())
            session = await stack.enter_async_context(
                ClientSession(
                    read_stream,
                    write_stream,
                    read_timeout_seconds=self.read_timeout,
                    message_handler=self._message_handler(handle),
                    logging_callback=self._logging_callback(handle),
                    list_roots_callback=self._roots_callback(handle),
                    client_info=self.client_info,
                )
            )
            init = await session.initialize()
        except BaseException:
            await stack.aclose()
            raise
        handle.session = session
        handle.stack = stack
        handle.profile = ServerProfile.from_initialize(init)
        handle.tools_cache = None
        handle.connects += 1
        logger.info(
            "connected to %s (%s %s, protocol %s)",
            handle.name,
            init.serverInfo.name,
            init.serverInfo.version,
            init.protocolVersion,
        )

    async def disconnect(self, name: str) -> None:
        handle = self.handle(name)
        stack, handle.stack, handle.session = handle.stack, None, None
        if stack is not None:
            try:
                await stack.aclose()
            except Exception:
                logger.debug("error while closing %s", name, exc_info=True)

    async def close(self) -> None:
        for name in list(self._handles):
            await self.disconnect(name)

    # --- calls with reconnect ---------------------------------------------------------

    async def run(self, name: str, operation: Callable[[ClientSession], Awaitable[T]]) -> T:
        attempts = 0
        while True:
            session = await self.session(name)
            try:
                return await operation(session)
            except Exception as exc:
                if not should_reconnect(exc) or attempts >= self.max_reconnects:
                    raise
                attempts += 1
                reason = describe_error(exc) if isinstance(exc, McpError) else type(exc).__name__
                logger.warning("%s: %s; reconnecting (attempt %d)", name, reason, attempts)
                await self.disconnect(name)

    async def call_tool(
        self,
        name: str,
        tool: str,
        arguments: dict[str, Any] | None = None,
        *,
        timeout: timedelta | None = None,
    ) -> types.CallToolResult:
        async def invoke(session: ClientSession) -> types.CallToolResult:
            return await session.call_tool(tool, arguments or {}, read_timeout_seconds=timeout)

        return await self.run(name, invoke)

    async def ping(self, name: str) -> float:
        async def probe(session: ClientSession) -> types.EmptyResult:
            return await session.send_ping()

        started = time.perf_counter()
        await self.run(name, probe)
        rtt = time.perf_counter() - started
        self.handle(name).last_rtt = rtt
        return rtt

    async def ping_all(self) -> dict[str, float | None]:
        results: dict[str, float | None] = {}
        for name in self.names:
            if not self.handle(name).connected:
                results[name] = None
                continue
            try:
                results[name] = await self.ping(name)
            except McpError as exc:
                logger.warning("%s: ping failed: %s", name, describe_error(exc))
                results[name] = None
        return results

    async def tools(self, name: str, *, refresh: bool = False) -> list[types.Tool]:
        handle = self.handle(name)
        if refresh or handle.tools_cache is None or not (handle.profile and handle.profile.tools_list_changed):
            handle.tools_cache = await self.run(name, list_all_tools)
        return handle.tools_cache

    # --- callbacks -----------------------------------------------------------------

    def _message_handler(self, handle: ServerHandle):
        async def on_message(message: ServerMessage) -> None:
            if isinstance(message, Exception):
                logger.warning("%s: transport error: %s", handle.name, message)
                return
            if isinstance(message, RequestResponder):
                return
            notification = message.root
            if isinstance(notification, types.ToolListChangedNotification):
                handle.tools_cache = None
            elif isinstance(notification, types.ResourceListChangedNotification):
                logger.debug("%s: resource list changed", handle.name)

        return on_message

    def _logging_callback(self, handle: ServerHandle):
        async def on_log(params: types.LoggingMessageNotificationParams) -> None:
            handle.log_records.append(params)

        return on_log

    def _roots_callback(self, handle: ServerHandle):
        async def list_roots(context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
            return types.ListRootsResult(
                roots=[types.Root(uri=FileUrl(uri), name=uri.rsplit("/", 1)[-1] or None) for uri in handle.roots]
            )

        return list_roots
