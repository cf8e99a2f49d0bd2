"""JSON-RPC traffic capture for `agentmesh --debug-wire`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Literal

import anyio
import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.shared.message import SessionMessage


@dataclass
class WireFrame:
    direction: Literal["in", "out"]
    method: str | None
    id: str | int | None
    raw: str


class WireTap:
    def __init__(self) -> None:
        self.frames: list[WireFrame] = []

    def _record(self, direction: Literal["in", "out"], message: types.JSONRPCMessage) -> None:
        root = message.root
        method = root.method if isinstance(root, (types.JSONRPCRequest, types.JSONRPCNotification)) else None
        request_id = None if isinstance(root, types.JSONRPCNotification) else root.id
        self.frames.append(WireFrame(direction, method, request_id, message.model_dump_json(exclude_none=True)))

    def requests(self, method: str) -> list[WireFrame]:
        return [f for f in self.frames if f.method == method and f.id is not None]

    @asynccontextmanager
    async def wrap(
        self, read: MemoryObjectReceiveStream[SessionMessage | Exception], write: MemoryObjectSendStream[SessionMessage]
    ) -> AsyncIterator[
        tuple[MemoryObjectReceiveStream[SessionMessage | Exception], MemoryObjectSendStream[SessionMessage]]
    ]:
        in_send, in_recv = anyio.create_memory_object_stream[SessionMessage | Exception](32)
        out_send, out_recv = anyio.create_memory_object_stream[SessionMessage](32)

        async def pump_in() -> None:
            async with in_send:
                async for item in read:
                    if isinstance(item, SessionMessage):
                        self._record("in", item.message)
                    await in_send.send(item)

        async def pump_out() -> None:
            async with out_recv:
                async for item in out_recv:
                    self._record("out", item.message)
                    await write.send(item)

        async with anyio.create_task_group() as tg:
            tg.start_soon(pump_in)
            tg.start_soon(pump_out)
            yield in_recv, out_send
            tg.cancel_scope.cancel()


def tool_calls_in(lines: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """Pull (tool name, arguments) out of captured JSON-RPC lines."""
    calls: list[tuple[str, dict[str, Any]]] = []
    for line in lines:
        message = types.JSONRPCMessage.model_validate_json(line).root
        if not isinstance(message, types.JSONRPCRequest) or message.method != "tools/call":
            continue
        typed = types.ClientRequest.model_validate(message.model_dump(exclude={"jsonrpc", "id"})).root
        if isinstance(typed, types.CallToolRequest):
            calls.append((typed.params.name, typed.params.arguments or {}))
    return calls
