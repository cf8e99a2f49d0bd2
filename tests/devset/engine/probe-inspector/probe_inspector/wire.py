"""Wire-level tracing: record every JSON-RPC frame between client and server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Literal

import anyio
from pydantic import ValidationError

import mcp.types as types
from mcp.shared.message import SessionMessage

from probe_inspector.transports import ReadStream, WriteStream


@dataclass
class Frame:
    direction: Literal["send", "recv"]
    kind: str
    method: str | None
    id: str | int | None
    payload: dict[str, Any]

    def line(self) -> str:
        arrow = "->" if self.direction == "send" else "<-"
        return f"{arrow} {self.kind:<12} {self.method or ''}" + (f"#{self.id}" if self.id is not None else "")


def classify(message: types.JSONRPCMessage, direction: Literal["send", "recv"]) -> Frame:
    root = message.root
    payload = root.model_dump(by_alias=True, exclude_none=True)
    match root:
        case types.JSONRPCRequest(method=method, id=request_id):
            return Frame(direction, "request", method, request_id, payload)
        case types.JSONRPCNotification(method=method):
            return Frame(direction, "notification", method, None, payload)
        case types.JSONRPCResponse(id=request_id):
            return Frame(direction, "response", None, request_id, payload)
        case types.JSONRPCError(id=request_id):
            return Frame(direction, "error", None, request_id, payload)


class WireTrace:
    def __init__(self) -> None:
        self.frames: list[Frame] = []

    def record(self, direction: Literal["send", "recv"], item: SessionMessage | Exception) -> None:
        if isinstance(item, Exception):
            self.frames.append(Frame(direction, "transport-error", None, None, {"error": repr(item)}))
        else:
            self.frames.append(classify(item.message, direction))

    def methods(self, direction: Literal["send", "recv"]) -> list[str]:
        return [f.method for f in self.frames if f.method and f.direction == direction]

    def dump(self) -> list[str]:
        return [f.line() for f in self.frames]


@asynccontextmanager
async def tapped(read: ReadStream, write: WriteStream, trace: WireTrace) -> AsyncIterator[tuple[ReadStream, WriteStream]]:
    """Interpose on a transport's streams, recording each frame as it passes."""
    inbound_send, inbound_recv = anyio.create_memory_object_stream[SessionMessage | Exception](16)
    outbound_send, outbound_recv = anyio.create_memory_object_stream[SessionMessage](16)

    async def pump_inbound() -> None:
        async with inbound_send:
            async for item in read:
                trace.record("recv", item)
                await inbound_send.send(item)

    async def pump_outbound() -> None:
        async with outbound_recv:
            async for item in outbound_recv:
                trace.record("send", item)
                await write.send(item)

    async with anyio.create_task_group() as tg:
        tg.start_soon(pump_inbound)
        tg.start_soon(pump_outbound)
        yield inbound_recv, outbound_send
        tg.cancel_scope.cancel()


def parse_frames(lines: Iterable[str]) -> tuple[list[types.JSONRPCMessage], list[int]]:
    """Parse a captured JSONL transcript; returns the messages and the bad line numbers."""
    messages: list[types.JSONRPCMessage] = []
    bad: list[int] = []
    for no, line in enumerate(lines, start=1):
        if line.strip():
            try:
                messages.append(types.JSONRPCMessage.model_validate_json(line))
            except ValidationError:
                bad.append(no)
    return messages, bad


def request_frame(request_id: int, method: str, params: dict[str, Any] | None = None) -> SessionMessage:
    return SessionMessage(
        types.JSONRPCMessage(types.JSONRPCRequest(jsonrpc="2.0", id=request_id, method=method, params=params))
    )


def decode_server_notification(frame: dict[str, Any]) -> types.ServerNotificationType:
    return types.ServerNotification.model_validate({"method": frame["method"], "params": frame.get("params")}).root
