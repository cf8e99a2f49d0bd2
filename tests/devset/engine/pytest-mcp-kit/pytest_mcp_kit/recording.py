"""Like ``create_client_server_memory_streams``, but every ``SessionMessage`` is logged."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp.shared.memory import MessageStream
from mcp.shared.message import ServerMessageMetadata, SessionMessage
from mcp.types import JSONRPCError, JSONRPCMessage, JSONRPCNotification, JSONRPCRequest, JSONRPCResponse, RequestId

Direction = Literal["client->server", "server->client"]
Stream = tuple[MemoryObjectSendStream[SessionMessage | Exception], MemoryObjectReceiveStream[SessionMessage | Exception]]


@dataclass(frozen=True)
class WireFrame:
    direction: Direction
    message: JSONRPCMessage
    related_request_id: RequestId | None = None

    @property
    def payload(self) -> JSONRPCRequest | JSONRPCNotification | JSONRPCResponse | JSONRPCError:
        return self.message.root

    @property
    def method(self) -> str | None:
        payload = self.payload
        return payload.method if isinstance(payload, JSONRPCRequest | JSONRPCNotification) else None

    def to_wire(self) -> dict[str, Any]:
        return self.message.model_dump(by_alias=True, mode="json", exclude_none=True)


@dataclass
class WireLog:
    frames: list[WireFrame] = field(default_factory=list)

    def record(self, direction: Direction, item: SessionMessage | Exception) -> None:
        if isinstance(item, SessionMessage):
            meta = item.metadata
            related = meta.related_request_id if isinstance(meta, ServerMessageMetadata) else None
            self.frames.append(WireFrame(direction, item.message, related))

    def sent_by(self, side: Literal["client", "server"]) -> list[WireFrame]:
        return [f for f in self.frames if f.direction.startswith(side)]

    def methods(self, direction: Direction | None = None) -> list[str]:
        return [f.method for f in self.frames if f.method and direction in (None, f.direction)]

    def requests(self, method: str) -> list[JSONRPCRequest]:
        return [f.payload for f in self.frames if isinstance(f.payload, JSONRPCRequest) and f.method == method]

    def response_to(self, request_id: RequestId) -> JSONRPCResponse | JSONRPCError | None:
        for frame in self.frames:
            payload = frame.payload
            if isinstance(payload, JSONRPCResponse | JSONRPCError) and payload.id == request_id:
                return payload
        return None

    def related_to(self, request_id: RequestId) -> list[WireFrame]:
        return [f for f in self.frames if f.related_request_id is not None and str(f.related_request_id) == str(request_id)]


async def _pump(source: Stream, sink: Stream, direction: Direction, log: WireLog) -> None:
    async with source[1], sink[0]:
        async for item in source[1]:
            log.record(direction, item)
            try:
                await sink[0].send(item)
            except (anyio.BrokenResourceError, anyio.ClosedResourceError):
                break


@dataclass
class RecordingTransport:
    log: WireLog
    client_streams: MessageStream
    server_streams: MessageStream
    to_client: MemoryObjectSendStream[SessionMessage | Exception]
    to_server: MemoryObjectSendStream[SessionMessage | Exception]

    async def inject_to_client(self, message: JSONRPCMessage) -> None:
        """Deliver a frame to the client as if the server had sent it (bypasses the log)."""
        await self.to_client.send(SessionMessage(message))

    async def inject_to_server(self, message: JSONRPCMessage) -> None:
        await self.to_server.send(SessionMessage(message))


@asynccontextmanager
async def recording_memory_streams(buffer_size: int = 32) -> AsyncIterator[RecordingTransport]:
    log = WireLog()
    client_out, server_in, server_out, client_in = (
        anyio.create_memory_object_stream[SessionMessage | Exception](buffer_size) for _ in range(4)
    )
    transport = RecordingTransport(
        log=log,
        client_streams=(client_in[1], client_out[0]),
        server_streams=(server_in[1], server_out[0]),
        to_client=client_in[0].clone(),
        to_server=server_in[0].clone(),
    )
    async with anyio.create_task_group() as tg:
        tg.start_soon(_pump, client_out, server_in, "client->server", log)
        tg.start_soon(_pump, server_out, client_in, "server->client", log)
        try:
            yield transport
        finally:
            for stream in (client_out[0], server_out[0], transport.to_client, transport.to_server, client_in[1], server_in[1]):
                await stream.aclose()
            tg.cancel_scope.cancel()
