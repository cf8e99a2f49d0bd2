"""In-memory client/server pairs.

:func:`connect` hands back an initialized ``ClientSession``; :func:`open_connection`
builds the pair by hand so it can also tap the traffic and keep the ``InitializeResult``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

import mcp.types as types
from mcp import ClientSession
from mcp.client.session import ElicitationFnT, ListRootsFnT, LoggingFnT, MessageHandlerFnT, SamplingFnT
from mcp.server.lowlevel import NotificationOptions
from mcp.shared.memory import create_client_server_memory_streams, create_connected_server_and_client_session
from mcp.shared.message import SessionMessage
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from wiretest.recording import CLIENT_TO_SERVER, SERVER_TO_CLIENT, Direction, Recorder
from wiretest.targets import AnyServer, init_options, lowlevel

DEFAULT_READ_TIMEOUT = timedelta(seconds=5)
CLIENT_INFO = types.Implementation(name="wiretest", version="0.6.2")


@dataclass
class ClientCallbacks:
    sampling: SamplingFnT | None = None
    elicitation: ElicitationFnT | None = None
    list_roots: ListRootsFnT | None = None
    logging: LoggingFnT | None = None
    message_handler: MessageHandlerFnT | None = None


@asynccontextmanager
async def connect(
    server: AnyServer,
    *,
    callbacks: ClientCallbacks | None = None,
    read_timeout: timedelta | None = DEFAULT_READ_TIMEOUT,
    raise_exceptions: bool = False,
) -> AsyncIterator[ClientSession]:
    cb = callbacks or ClientCallbacks()
    async with create_connected_server_and_client_session(
        lowlevel(server),
        read_timeout_seconds=read_timeout,
        sampling_callback=cb.sampling,
        list_roots_callback=cb.list_roots,
        logging_callback=cb.logging,
        message_handler=cb.message_handler,
        client_info=CLIENT_INFO,
        raise_exceptions=raise_exceptions,
        elicitation_callback=cb.elicitation,
    ) as session:
        yield session


@dataclass
class Connection:
    session: ClientSession
    init: types.InitializeResult
    recorder: Recorder | None = None
    _client_write: MemoryObjectSendStream[SessionMessage] | None = field(default=None, repr=False)

    @property
    def server_info(self) -> types.Implementation:
        return self.init.serverInfo

    @property
    def server_name(self) -> str:
        return self.server_info.name

    @property
    def server_version(self) -> str:
        return self.server_info.version

    @property
    def protocol_version(self) -> str | int:
        return self.init.protocolVersion

    @property
    def capabilities(self) -> types.ServerCapabilities:
        caps = self.session.get_server_capabilities()
        assert caps is not None, "session was not initialized"
        return caps

    def supports(self, feature: str) -> bool:
        return getattr(self.capabilities, feature, None) is not None

    def announces_list_changes(self, feature: str) -> bool:
        return bool(getattr(getattr(self.capabilities, feature, None), "listChanged", False))

    def pending_outbound(self) -> int:
        if self._client_write is None:
            return 0
        return self._client_write.statistics().current_buffer_used

    async def ping(self) -> types.EmptyResult:
        return await self.session.send_request(types.ClientRequest(types.PingRequest()), types.EmptyResult)

    async def roots_changed(self) -> None:
        await self.session.send_notification(types.ClientNotification(types.RootsListChangedNotification()))


async def _pump(
    source: MemoryObjectReceiveStream[SessionMessage | Exception],
    sink: MemoryObjectSendStream[SessionMessage],
    recorder: Recorder,
    direction: Direction,
) -> None:
    async with source, sink:
        async for item in source:
            recorder.capture(direction, item)
            if isinstance(item, Exception):
                continue
            try:
                await sink.send(item)
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                return


@asynccontextmanager
async def open_connection(
    server: AnyServer,
    *,
    callbacks: ClientCallbacks | None = None,
    read_timeout: timedelta | None = DEFAULT_READ_TIMEOUT,
    notification_options: NotificationOptions | None = None,
    experimental: dict[str, dict[str, Any]] | None = None,
    tap: Recorder | None = None,
    raise_exceptions: bool = False,
) -> AsyncIterator[Connection]:
    srv = lowlevel(server)
    cb = callbacks or ClientCallbacks()
    options = init_options(srv, notification_options=notification_options, experimental=experimental)

    async with create_client_server_memory_streams() as (client_streams, server_streams):
        client_read, client_write = client_streams
        server_read, server_write = server_streams
        async with anyio.create_task_group() as tg:
            if tap is not None:
                up_send, up_recv = anyio.create_memory_object_stream[SessionMessage | Exception](8)
                down_send, down_recv = anyio.create_memory_object_stream[SessionMessage | Exception](8)
                tg.start_soon(_pump, up_recv, client_write, tap, CLIENT_TO_SERVER)
                tg.start_soon(_pump, down_recv, server_write, tap, SERVER_TO_CLIENT)
                client_out: MemoryObjectSendStream[SessionMessage] = up_send
                server_out: MemoryObjectSendStream[SessionMessage] = down_send
            else:
                client_out, server_out = client_write, server_write

            tg.start_soon(
                lambda: srv.run(server_read, server_out, options, raise_exceptions=raise_exceptions, stateless=False)
            )
            try:
                async with ClientSession(
                    client_read,
                    client_out,
                    read_timeout_seconds=read_timeout,
                    sampling_callback=cb.sampling,
                    elicitation_callback=cb.elicitation,
                    list_roots_callback=cb.list_roots,
                    logging_callback=cb.logging,
                    message_handler=cb.message_handler,
                    client_info=CLIENT_INFO,
                ) as session:
                    init = await session.initialize()
                    conn = Connection(session=session, init=init, recorder=tap, _client_write=client_out)
                    if conn.protocol_version not in SUPPORTED_PROTOCOL_VERSIONS:
                        raise AssertionError(f"server negotiated unsupported version {conn.protocol_version}")
                    yield conn
            finally:
                tg.cancel_scope.cancel()
