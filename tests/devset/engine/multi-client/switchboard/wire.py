"""Recording the JSON-RPC frames that cross a client transport."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import anyio

from mcp.shared.message import SessionMessage
from mcp.types import ErrorData, JSONRPCError, JSONRPCMessage, JSONRPCNotification, JSONRPCRequest, JSONRPCResponse
from switchboard.transports import ReadStream, WriteStream

Frame = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse | JSONRPCError


@dataclass
class Record:
    direction: str
    frame: Frame

    @property
    def wire(self) -> dict[str, Any]:
        return self.frame.model_dump(by_alias=True, mode="json", exclude_none=True)


class WireTap:
    def __init__(self) -> None:
        self.records: list[Record] = []

    def _note(self, direction: str, message: SessionMessage) -> None:
        self.records.append(Record(direction, message.message.root))

    def sent_methods(self) -> list[str]:
        return [r.frame.method for r in self.records if r.direction == "out" and isinstance(r.frame, JSONRPCRequest)]

    def to_jsonl(self) -> str:
        return "\n".join(JSONRPCMessage(r.frame).model_dump_json(by_alias=True, exclude_none=True) for r in self.records)

    @asynccontextmanager
    async def tapped(self, read: ReadStream, write: WriteStream) -> AsyncIterator[tuple[ReadStream, WriteStream]]:
        out_send, out_recv = anyio.create_memory_object_stream[SessionMessage](0)
        in_send, in_recv = anyio.create_memory_object_stream[SessionMessage | Exception](0)

        async def pump_out() -> None:
            async with out_recv:
                async for message in out_recv:
                    self._note("out", message)
                    await write.send(message)

        async def pump_in() -> None:
            async with in_send:
                async for message in read:
                    if not isinstance(message, Exception):
                        self._note("in", message)
                    await in_send.send(message)

        async with anyio.create_task_group() as tg:
            tg.start_soon(pump_out)
            tg.start_soon(pump_in)
            try:
                yield in_recv, out_send
            finally:
                tg.cancel_scope.cancel()


def replay(transcript: str) -> list[Frame]:
    """Parse a JSONL transcript written by :meth:`WireTap.to_jsonl`."""
    return [JSONRPCMessage.model_validate_json(line).root for line in transcript.splitlines() if line.strip()]


def error_frame(request_id: str | int, code: int, message: str) -> SessionMessage:
    return SessionMessage(
        JSONRPCMessage(JSONRPCError(jsonrpc="2.0", id=request_id, error=ErrorData(code=code, message=message)))
    )
