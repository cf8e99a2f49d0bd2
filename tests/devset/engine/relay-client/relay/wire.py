"""Frame-level tooling: a tap that records JSON-RPC traffic, and frame (de)coding."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Literal

import anyio
import mcp.types as types
from mcp.shared.message import SessionMessage

from relay.transports import ReadStream, WriteStream

AnyFrame = types.JSONRPCRequest | types.JSONRPCNotification | types.JSONRPCResponse | types.JSONRPCError


@dataclass
class Frame:
    direction: Literal["out", "in"]
    payload: dict[str, Any]

    @property
    def method(self) -> str | None:
        return self.payload.get("method")


def decode(raw: str | bytes) -> AnyFrame:
    return types.JSONRPCMessage.model_validate_json(raw).root


def encode(frame: AnyFrame) -> str:
    return types.JSONRPCMessage(frame).model_dump_json(by_alias=True, exclude_none=True)


def error_reply(request_id: types.RequestId, code: int, message: str) -> SessionMessage:
    error = types.JSONRPCError(jsonrpc="2.0", id=request_id, error=types.ErrorData(code=code, message=message))
    return SessionMessage(types.JSONRPCMessage(error))


def server_notification(payload: dict[str, Any]) -> types.ServerNotificationType:
    return types.ServerNotification.model_validate(payload).root


@asynccontextmanager
async def tapped(read: ReadStream, write: WriteStream) -> AsyncIterator[tuple[ReadStream, WriteStream, list[Frame]]]:
    """Wrap a transport's streams; every frame in either direction lands in the list."""
    frames: list[Frame] = []
    out_send, out_recv = anyio.create_memory_object_stream[SessionMessage](16)
    in_send, in_recv = anyio.create_memory_object_stream[SessionMessage | Exception](16)

    def record(direction: Literal["out", "in"], message: SessionMessage) -> None:
        frames.append(Frame(direction, message.message.model_dump(by_alias=True, mode="json", exclude_none=True)))

    async def pump_out() -> None:
        async with out_recv:
            async for message in out_recv:
                record("out", message)
                await write.send(message)

    async def pump_in() -> None:
        async with in_send:
            async for message in read:
                if isinstance(message, SessionMessage):
                    record("in", message)
                await in_send.send(message)

    async with anyio.create_task_group() as tg:
        tg.start_soon(pump_out)
        tg.start_soon(pump_in)
        try:
            yield in_recv, out_send, frames
        finally:
            tg.cancel_scope.cancel()
