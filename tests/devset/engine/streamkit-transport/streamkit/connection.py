"""Connection layer: open a transport, optionally tap it, and hand back an
initialized session together with what the handshake told us."""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import mcp.types as types
from mcp.client.session import ClientSession
from mcp.server.lowlevel import Server
from mcp.shared.exceptions import McpError
from mcp.shared.message import MessageMetadata
from mcp.shared.session import ProgressFnT, ReceiveResultT

from streamkit._types import SessionFactory, StreamPair
from streamkit.loopback import serve_in_memory
from streamkit.tap import MessageTap
from streamkit.transports import TransportSpec, open_transport

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConnectionInfo:
    transport: str
    server_name: str
    server_version: str
    protocol_version: str
    capabilities: types.ServerCapabilities
    instructions: str | None = None
    session_id: str | None = None

    @property
    def supports_tools(self) -> bool:
        return self.capabilities.tools is not None

    @property
    def supports_logging(self) -> bool:
        return self.capabilities.logging is not None

    def summary(self) -> str:
        return f"{self.server_name} {self.server_version} via {self.transport} (protocol {self.protocol_version})"


class MeteredSession(ClientSession):
    """ClientSession that counts traffic per method and tracks request latency."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request_counts: Counter[str] = Counter()
        self.notification_counts: Counter[str] = Counter()
        self.latencies: defaultdict[str, list[float]] = defaultdict(list)
        self.failures: Counter[int] = Counter()

    async def send_request(
        self,
        request: types.ClientRequest,
        result_type: type[ReceiveResultT],
        request_read_timeout_seconds: timedelta | None = None,
        metadata: MessageMetadata = None,
        progress_callback: ProgressFnT | None = None,
    ) -> ReceiveResultT:
        method = request.root.method
        self.request_counts[method] += 1
        started = time.perf_counter()
        try:
            return await super().send_request(
                request, result_type, request_read_timeout_seconds, metadata, progress_callback
            )
        except McpError as exc:
            self.failures[exc.error.code] += 1
            raise
        finally:
            self.latencies[method].append(time.perf_counter() - started)

    async def send_notification(
        self,
        notification: types.ClientNotification,
        related_request_id: types.RequestId | None = None,
    ) -> None:
        self.notification_counts[notification.root.method] += 1
        await super().send_notification(notification, related_request_id)


async def probe(session: ClientSession, timeout: timedelta = timedelta(seconds=5)) -> bool:
    """Ping the server; False if it does not answer within ``timeout``."""
    try:
        await session.send_request(
            types.ClientRequest(types.PingRequest()),
            types.EmptyResult,
            request_read_timeout_seconds=timeout,
        )
    except McpError as exc:
        if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
            logger.info("ping timed out after %ss", timeout.total_seconds())
            return False
        raise
    return True


class Connector:
    """Builds sessions for transport specs with shared settings."""

    def __init__(
        self,
        session_factory: SessionFactory = ClientSession,
        *,
        read_timeout: timedelta | None = timedelta(seconds=30),
        client_info: types.Implementation | None = None,
        tap: MessageTap | None = None,
        **session_kwargs: Any,
    ) -> None:
        self._factory = session_factory
        self._read_timeout = read_timeout
        self._client_info = client_info or types.Implementation(name="streamkit", version="0.4.1")
        self._tap = tap
        self._session_kwargs = session_kwargs

    @asynccontextmanager
    async def attach(
        self,
        streams: StreamPair,
        *,
        transport: str = "memory",
        session_id: Callable[[], str | None] | None = None,
    ) -> AsyncIterator[tuple[ClientSession, ConnectionInfo]]:
        """Run the handshake over an already-open stream pair."""
        async with AsyncExitStack() as stack:
            if self._tap is not None:
                streams = await stack.enter_async_context(self._tap.wrap(streams))
            read, write = streams
            session = await stack.enter_async_context(
                self._factory(
                    read,
                    write,
                    read_timeout_seconds=self._read_timeout,
                    client_info=self._client_info,
                    **self._session_kwargs,
                )
            )
            result = await session.initialize()
            info = ConnectionInfo(
                transport=transport,
                server_name=result.serverInfo.name,
                server_version=result.serverInfo.version,
                protocol_version=str(result.protocolVersion),
                capabilities=session.get_server_capabilities() or result.capabilities,
                instructions=result.instructions,
                session_id=session_id() if session_id else None,
            )
            logger.info("connected: %s", info.summary())
            yield session, info

    @asynccontextmanager
    async def connect(self, spec: TransportSpec) -> AsyncIterator[tuple[ClientSession, ConnectionInfo]]:
        async with open_transport(spec) as opened:
            async with self.attach(opened.streams, transport=opened.kind, session_id=opened.session_id) as pair:
                yield pair

    @asynccontextmanager
    async def in_process(
        self, server: Server[Any, Any], *, raise_exceptions: bool = True
    ) -> AsyncIterator[tuple[ClientSession, ConnectionInfo]]:
        async with serve_in_memory(server, raise_exceptions=raise_exceptions) as streams:
            async with self.attach(streams) as pair:
                yield pair
