"""A wire tap for in-process sessions: records JSON-RPC frames as they pass."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import anyio
import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.shared.memory import MessageStream, create_client_server_memory_streams
from mcp.shared.message import SessionMessage


def parse_frame(line: str) -> types.JSONRPCRequest | types.JSONRPCNotification | types.JSONRPCResponse | types.JSONRPCError:
    """Parse one recorded line back into its concrete JSON-RPC type."""
    return types.JSONRPCMessage.model_validate_json(line).root


@dataclass
class WireTap:
    frames: list[tuple[str, str]] = field(default_factory=list)
    """(direction, raw JSON) pairs in arrival order."""

    def methods(self, direction: str) -> list[str]:
        found: list[str] = []
        for d, raw in self.frames:
            frame = parse_frame(raw)
            if d == direction and isinstance(frame, types.JSONRPCRequest | types.JSONRPCNotification):
                found.append(frame.method)
        return found

    async def _pump(
        self,
        direction: str,
        source: MemoryObjectReceiveStream[SessionMessage | Exception],
        sink: MemoryObjectSendStream[SessionMessage],
    ) -> None:
        async for item in source:
            if isinstance(item, Exception):
                continue
            frame = item.message.root
            self.frames.append((direction, frame.model_dump_json(by_alias=True, exclude_none=True)))
            try:
                await sink.send(item)
            except (anyio.BrokenResourceError, anyio.ClosedResourceError):
                return

    @asynccontextmanager
    async def attach(self) -> AsyncIterator[tuple[MessageStream, MessageStream]]:
        """Yield (client_streams, server_streams) with this tap in between."""
        async with create_client_server_memory_streams() as (client_side, (from_client, to_client)):
            async with create_client_server_memory_streams() as ((from_server, to_server), server_side):
                async with anyio.create_task_group() as tg:
                    tg.start_soon(self._pump, "c2s", from_client, to_server)
                    tg.start_soon(self._pump, "s2c", from_server, to_client)
                    yield client_side, server_side
                    tg.cancel_scope.cancel()
