"""Shared helpers for driving a DocServer in-process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import anyio
import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.client.session import ClientSession, LoggingFnT, MessageHandlerFnT
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.message import SessionMessage

from docstore import wire
from docstore.server import DocServer
from docstore.settings import ServerSettings
from docstore.storage import Document, DocumentStore, seed_documents


def make_server(page_size: int = 25, extra_docs: int = 0) -> DocServer:
    docs = seed_documents()
    for i in range(extra_docs):
        docs.append(Document("bulk", f"item-{i:02d}", f"Bulk item {i}", f"Generated body number {i}."))
    return DocServer(store=DocumentStore(docs), settings=ServerSettings(page_size=page_size))


@asynccontextmanager
async def connected(
    server: DocServer,
    *,
    message_handler: MessageHandlerFnT | None = None,
    logging_callback: LoggingFnT | None = None,
    client_name: str = "docstore-tests",
) -> AsyncIterator[ClientSession]:
    async with create_connected_server_and_client_session(
        server,
        read_timeout_seconds=timedelta(seconds=10),
        message_handler=message_handler,
        logging_callback=logging_callback,
        client_info=types.Implementation(name=client_name, version="0.0.1"),
        raise_exceptions=False,
    ) as session:
        yield session


class LogSink:
    def __init__(self) -> None:
        self.messages: list[types.LoggingMessageNotificationParams] = []

    async def __call__(self, params: types.LoggingMessageNotificationParams) -> None:
        self.messages.append(params)

    @property
    def data(self) -> list[Any]:
        return [m.data for m in self.messages]


class RawPeer:
    """Talks JSON-RPC frames directly to ``server.run`` over memory streams."""

    def __init__(
        self,
        send: MemoryObjectSendStream[SessionMessage | Exception],
        receive: MemoryObjectReceiveStream[SessionMessage],
    ) -> None:
        self._send = send
        self._receive = receive
        self.notifications: list[SessionMessage] = []

    async def send(self, message: SessionMessage) -> None:
        await self._send.send(message)

    async def next_frame(self, timeout: float = 5.0) -> SessionMessage:
        with anyio.fail_after(timeout):
            return await self._receive.receive()

    async def call(self, method: str, params: dict[str, Any] | None = None) -> SessionMessage:
        message = wire.request(method, params)
        sent = wire.frame(message)
        assert isinstance(sent, types.JSONRPCRequest)
        await self.send(message)
        while True:
            reply = await self.next_frame()
            body = wire.frame(reply)
            if isinstance(body, types.JSONRPCNotification):
                self.notifications.append(reply)
                continue
            if isinstance(body, types.JSONRPCResponse | types.JSONRPCError) and body.id == sent.id:
                return reply

    async def handshake(self) -> dict[str, Any]:
        await self.send(wire.initialize_request())
        result = wire.result_of(await self.next_frame())
        await self.send(wire.notification("notifications/initialized"))
        return result


@asynccontextmanager
async def raw_peer(server: DocServer) -> AsyncIterator[RawPeer]:
    client_to_server_send, client_to_server_receive = anyio.create_memory_object_stream[SessionMessage | Exception](16)
    server_to_client_send, server_to_client_receive = anyio.create_memory_object_stream[SessionMessage](16)
    async with anyio.create_task_group() as tg:
        tg.start_soon(
            server.run,
            client_to_server_receive,
            server_to_client_send,
            server.create_initialization_options(),
        )
        try:
            yield RawPeer(client_to_server_send, server_to_client_receive)
        finally:
            tg.cancel_scope.cancel()
