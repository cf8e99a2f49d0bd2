"""A message tap that sits between a transport and a ClientSession.

The tap sees every SessionMessage in both directions, records a summary of it,
can rewrite or drop it through filters, and can inject synthesized messages
towards the session (handy for replaying captured traffic in tests).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import anyio
import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.shared.message import SessionMessage

from streamkit._types import Direction, ReadStream, StreamPair, WriteStream
from streamkit.codec import describe, kind_of, make_notification

logger = logging.getLogger("streamkit.tap")

TapFilter = Callable[[Direction, SessionMessage], SessionMessage | None]
"""Return the (possibly rewritten) message, or None to drop it."""

_LEVELS: list[types.LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


@dataclass(frozen=True)
class TapRecord:
    direction: Direction
    kind: str
    method: str | None
    request_id: types.RequestId | None
    dropped: bool = False
    summary: str = ""


@dataclass
class MessageTap:
    filters: Sequence[TapFilter] = ()
    max_records: int = 500
    records: list[TapRecord] = field(default_factory=lambda: [])
    _inbound: MemoryObjectSendStream[SessionMessage | Exception] | None = field(default=None, repr=False)

    # -- inspection -----------------------------------------------------------------

    def methods(self, direction: Direction) -> list[str]:
        return [r.method for r in self.records if r.direction == direction and r.method and not r.dropped]

    def dropped(self) -> list[TapRecord]:
        return [r for r in self.records if r.dropped]

    def _record(self, direction: Direction, item: SessionMessage | Exception, dropped: bool = False) -> None:
        if isinstance(item, Exception):
            record = TapRecord(direction, "exception", None, None, dropped, repr(item))
        else:
            root = item.message.root
            method = root.method if isinstance(root, types.JSONRPCRequest | types.JSONRPCNotification) else None
            request_id = None if isinstance(root, types.JSONRPCNotification) else root.id
            record = TapRecord(direction, kind_of(item), method, request_id, dropped, describe(item))
        logger.debug("%s %s%s", direction, record.summary, " (dropped)" if dropped else "")
        self.records.append(record)
        if len(self.records) > self.max_records:
            del self.records[: len(self.records) - self.max_records]

    def _apply(self, direction: Direction, message: SessionMessage) -> SessionMessage | None:
        current: SessionMessage | None = message
        for tap_filter in self.filters:
            if current is None:
                break
            current = tap_filter(direction, current)
        return current

    # -- plumbing -------------------------------------------------------------------

    async def _pump_inbound(self, source: ReadStream, sink: MemoryObjectSendStream[SessionMessage | Exception]) -> None:
        async with sink:
            async for item in source:
                if isinstance(item, Exception):
                    self._record("server->client", item)
                    await sink.send(item)
                    continue
                out = self._apply("server->client", item)
                self._record("server->client", item, dropped=out is None)
                if out is not None:
                    await sink.send(out)

    async def _pump_outbound(self, source: MemoryObjectReceiveStream[SessionMessage], sink: WriteStream) -> None:
        async for item in source:
            out = self._apply("client->server", item)
            self._record("client->server", item, dropped=out is None)
            if out is not None:
                await sink.send(out)

    @asynccontextmanager
    async def wrap(self, transport_streams: StreamPair, buffer: int = 16) -> AsyncIterator[StreamPair]:
        """Interpose the tap on a transport's (read, write) pair.

        Yields the pair to hand to ClientSession instead of the original one.
        """
        read, write = transport_streams
        inbound_send, inbound_recv = anyio.create_memory_object_stream[SessionMessage | Exception](buffer)
        outbound_send, outbound_recv = anyio.create_memory_object_stream[SessionMessage](buffer)
        self._inbound = inbound_send
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._pump_inbound, read, inbound_send)
            tg.start_soon(self._pump_outbound, outbound_recv, write)
            try:
                yield inbound_recv, outbound_send
            finally:
                self._inbound = None
                tg.cancel_scope.cancel()

    async def inject(self, message: SessionMessage) -> None:
        """Deliver a synthesized server->client message to the session."""
        if self._inbound is None:
            raise RuntimeError("tap is not wrapped around a live transport")
        self._record("server->client", message)
        await self._inbound.send(message)

    async def inject_log(self, level: types.LoggingLevel, data: Any, logger_name: str = "streamkit") -> None:
        params = {"level": level, "data": data, "logger": logger_name}
        await self.inject(make_notification("notifications/message", params))


# -- ready-made filters -------------------------------------------------------------


def drop_logs_below(threshold: types.LoggingLevel) -> TapFilter:
    """Drop server log notifications below ``threshold``."""
    minimum = _LEVELS.index(threshold)

    def _filter(direction: Direction, message: SessionMessage) -> SessionMessage | None:
        root = message.message.root
        if direction != "server->client" or not isinstance(root, types.JSONRPCNotification):
            return message
        if root.method != "notifications/message" or not root.params:
            return message
        level = root.params.get("level", "info")
        if level in _LEVELS and _LEVELS.index(level) < minimum:
            return None
        return message

    return _filter


def redact_arguments(keys: set[str], placeholder: str = "***") -> TapFilter:
    """Mask selected tools/call arguments before they leave the client."""

    def _filter(direction: Direction, message: SessionMessage) -> SessionMessage | None:
        root = message.message.root
        if direction != "client->server" or not isinstance(root, types.JSONRPCRequest):
            return message
        if root.method != "tools/call" or not root.params:
            return message
        arguments = dict(root.params.get("arguments") or {})
        if not keys & arguments.keys():
            return message
        for key in keys & arguments.keys():
            arguments[key] = placeholder
        rewritten = root.model_copy(update={"params": {**root.params, "arguments": arguments}})
        return SessionMessage(types.JSONRPCMessage(rewritten), metadata=message.metadata)

    return _filter
