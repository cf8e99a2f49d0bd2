"""Wire-level recording of JSON-RPC traffic.

``Transcript`` keeps every frame that crossed an in-process connection; it is
what ``kgraph replay`` and the protocol tests look at.  Frames can be written
as JSON lines and parsed back.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

import anyio
import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.client.session import ClientSession, MessageHandlerFnT
from mcp.server.lowlevel import Server
from mcp.server.models import InitializationOptions
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage

Direction = Literal["c2s", "s2c"]
Frame = types.JSONRPCRequest | types.JSONRPCNotification | types.JSONRPCResponse | types.JSONRPCError
T = TypeVar("T", SessionMessage, SessionMessage | Exception)


@dataclass
class Transcript:
    frames: list[tuple[Direction, Frame]] = field(default_factory=list)

    def methods(self, direction: Direction) -> list[str]:
        return [
            frame.method
            for where, frame in self.frames
            if where == direction and isinstance(frame, types.JSONRPCRequest | types.JSONRPCNotification)
        ]

    def errors(self) -> list[types.ErrorData]:
        return [frame.error for _, frame in self.frames if isinstance(frame, types.JSONRPCError)]

    def to_jsonl(self) -> str:
        return "\n".join(
            types.JSONRPCMessage(frame).model_dump_json(by_alias=True, exclude_none=True) for _, frame in self.frames
        )


def parse_frame(line: str) -> Frame:
    return types.JSONRPCMessage.model_validate_json(line).root


def frame_message(payload: dict[str, Any]) -> SessionMessage:
    return SessionMessage(types.JSONRPCMessage.model_validate(payload))


async def _pump(
    source: MemoryObjectReceiveStream[T], sink: MemoryObjectSendStream[T], transcript: Transcript, direction: Direction
) -> None:
    async with sink:
        async for item in source:
            if isinstance(item, SessionMessage):
                transcript.frames.append((direction, item.message.root))
            await sink.send(item)


@asynccontextmanager
async def recorded_session(
    server: Server[Any, Any], init_options: InitializationOptions, *, message_handler: MessageHandlerFnT | None = None
) -> AsyncIterator[tuple[ClientSession, Transcript]]:
    """Connect a ClientSession to ``server`` with every frame recorded."""
    transcript = Transcript()
    tap_c2s_send, tap_c2s_recv = anyio.create_memory_object_stream[SessionMessage | Exception](16)
    tap_s2c_send, tap_s2c_recv = anyio.create_memory_object_stream[SessionMessage](16)
    async with create_client_server_memory_streams() as ((client_read, client_write), (server_read, server_write)):
        async with anyio.create_task_group() as tg:
            tg.start_soon(_pump, server_read, tap_c2s_send, transcript, "c2s")
            tg.start_soon(_pump, tap_s2c_recv, server_write, transcript, "s2c")
            tg.start_soon(server.run, tap_c2s_recv, tap_s2c_send, init_options)
            async with ClientSession(client_read, client_write, message_handler=message_handler) as session:
                await session.initialize()
                yield session, transcript
            tg.cancel_scope.cancel()
