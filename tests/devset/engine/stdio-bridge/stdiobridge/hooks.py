"""Message-level hooks on the upstream link.

A :class:`MessageTap` sits between the transport streams (streamable HTTP, SSE
or in-memory) and the ``ClientSession`` that talks to the upstream server.
Every ``SessionMessage`` passes through a chain of hooks in each direction; a
hook may inspect it, return a rewritten copy, or return ``None`` to drop it.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Literal

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from pydantic import ValidationError

from mcp.shared.message import SessionMessage
from mcp.types import (
    ClientNotification,
    JSONRPCError,
    JSONRPCMessage,
    JSONRPCNotification,
    JSONRPCRequest,
    JSONRPCResponse,
    LoggingMessageNotification,
    RequestId,
    ServerNotification,
)

logger = logging.getLogger(__name__)

Direction = Literal["outbound", "inbound"]
Hook = Callable[[SessionMessage, Direction], SessionMessage | None | Awaitable[SessionMessage | None]]
ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]
WriteStream = MemoryObjectSendStream[SessionMessage]

LOG_LEVELS = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


Payload = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse | JSONRPCError


def payload_of(message: SessionMessage) -> Payload:
    """The concrete JSON-RPC object inside a session message."""
    return message.message.root


def describe(message: SessionMessage) -> str:
    """One-line description used in debug logs and the traffic recorder."""
    root = payload_of(message)
    if isinstance(root, JSONRPCRequest):
        return f"request {root.method} id={root.id!r}"
    if isinstance(root, JSONRPCNotification):
        return f"notification {root.method}"
    if isinstance(root, JSONRPCResponse):
        return f"response id={root.id!r}"
    return f"error id={root.id!r} code={root.error.code}"


def rebuild(message: SessionMessage, root: Payload) -> SessionMessage:
    return SessionMessage(message=JSONRPCMessage(root), metadata=message.metadata)


def parse_frame(raw: str | bytes) -> SessionMessage:
    """Parse a raw JSON-RPC line (as written by a stdio peer) into a SessionMessage."""
    return SessionMessage(message=JSONRPCMessage.model_validate_json(raw))


def dump_frame(message: SessionMessage) -> str:
    return message.message.model_dump_json(by_alias=True, exclude_none=True)


class IdNamespacer:
    """Give outbound request ids a bridge-specific prefix and map responses back.

    Some upstream gateways multiplex several clients onto one session and need
    globally unique ids; plain integers from every client collide.
    """

    def __init__(self, prefix: str = "bridge") -> None:
        self.prefix = prefix
        self._counter = itertools.count(1)
        self._pending: dict[str, RequestId] = {}

    def __call__(self, message: SessionMessage, direction: Direction) -> SessionMessage:
        root = payload_of(message)
        if direction == "outbound" and isinstance(root, JSONRPCRequest):
            wire_id = f"{self.prefix}-{next(self._counter)}"
            self._pending[wire_id] = root.id
            return rebuild(message, root.model_copy(update={"id": wire_id}))
        if direction == "inbound" and isinstance(root, JSONRPCResponse | JSONRPCError):
            original = self._pending.pop(str(root.id), None)
            if original is not None:
                return rebuild(message, root.model_copy(update={"id": original}))
        return message

    @property
    def in_flight(self) -> int:
        return len(self._pending)


class ArgumentScrubber:
    """Drop named arguments from outbound ``tools/call`` requests."""

    def __init__(self, blocked: Sequence[str]) -> None:
        self.blocked = {name.lower() for name in blocked}
        self.scrubbed: list[tuple[str, str]] = []

    def __call__(self, message: SessionMessage, direction: Direction) -> SessionMessage:
        root = payload_of(message)
        if direction != "outbound" or not isinstance(root, JSONRPCRequest) or root.method != "tools/call":
            return message
        params = dict(root.params or {})
        arguments = dict(params.get("arguments") or {})
        removed = [key for key in arguments if key.lower() in self.blocked]
        if not removed:
            return message
        for key in removed:
            arguments.pop(key)
            self.scrubbed.append((params.get("name", "?"), key))
        params["arguments"] = arguments
        return rebuild(message, root.model_copy(update={"params": params}))


class LogLevelFilter:
    """Drop inbound ``notifications/message`` below a threshold before they reach the session."""

    def __init__(self, minimum: str = "info") -> None:
        self.minimum = minimum
        self.dropped = 0

    def __call__(self, message: SessionMessage, direction: Direction) -> SessionMessage | None:
        root = payload_of(message)
        if direction != "inbound" or not isinstance(root, JSONRPCNotification):
            return message
        try:
            notification = ServerNotification.model_validate(root.model_dump(by_alias=True, exclude_none=True))
        except ValidationError:
            return message
        if isinstance(notification.root, LoggingMessageNotification):
            level = notification.root.params.level
            if LOG_LEVELS.index(level) < LOG_LEVELS.index(self.minimum):
                self.dropped += 1
                return None
        return message


@dataclass
class Frame:
    direction: Direction
    summary: str
    method: str | None
    id: RequestId | None
    raw: str


@dataclass
class TrafficRecorder:
    """Keeps the last ``limit`` frames for diagnostics (``bridge --dump-traffic``)."""

    limit: int = 500
    frames: list[Frame] = field(default_factory=list)

    def __call__(self, message: SessionMessage, direction: Direction) -> SessionMessage:
        root = payload_of(message)
        method = root.method if isinstance(root, JSONRPCRequest | JSONRPCNotification) else None
        frame_id = None if isinstance(root, JSONRPCNotification) else root.id
        self.frames.append(Frame(direction, describe(message), method, frame_id, dump_frame(message)))
        if len(self.frames) > self.limit:
            del self.frames[: len(self.frames) - self.limit]
        return message

    def methods(self, direction: Direction) -> list[str]:
        return [f.method for f in self.frames if f.direction == direction and f.method is not None]

    def notifications(self) -> list[ServerNotification | ClientNotification]:
        parsed: list[ServerNotification | ClientNotification] = []
        for frame in self.frames:
            if frame.method is None or frame.id is not None:
                continue
            payload = json.loads(frame.raw)
            payload.pop("jsonrpc", None)
            if frame.direction == "inbound":
                parsed.append(ServerNotification.model_validate(payload))
            else:
                parsed.append(ClientNotification.model_validate(payload))
        return parsed


class MessageTap:
    """Runs hook chains between a transport and a session."""

    def __init__(self, hooks: Sequence[Hook] = (), *, buffer: int = 16) -> None:
        self.hooks: list[Hook] = list(hooks)
        self.buffer = buffer
        self.counts: dict[Direction, int] = {"outbound": 0, "inbound": 0}

    def add(self, hook: Hook) -> Hook:
        self.hooks.append(hook)
        return hook

    async def _apply(self, message: SessionMessage, direction: Direction) -> SessionMessage | None:
        chain = self.hooks if direction == "outbound" else list(reversed(self.hooks))
        current: SessionMessage | None = message
        for hook in chain:
            if current is None:
                break
            outcome = hook(current, direction)
            current = await outcome if isinstance(outcome, Awaitable) else outcome
        return current

    async def _pump_inbound(self, source: ReadStream, sink: MemoryObjectSendStream[SessionMessage | Exception]) -> None:
        async with sink:
            try:
                async for item in source:
                    if isinstance(item, Exception):
                        await sink.send(item)
                        continue
                    self.counts["inbound"] += 1
                    processed = await self._apply(item, "inbound")
                    if processed is not None:
                        logger.debug("<- %s", describe(processed))
                        await sink.send(processed)
            except (anyio.BrokenResourceError, anyio.ClosedResourceError):
                logger.debug("inbound pump stopped: session side closed")

    async def _pump_outbound(self, source: MemoryObjectReceiveStream[SessionMessage], sink: WriteStream) -> None:
        async with source:
            try:
                async for item in source:
                    self.counts["outbound"] += 1
                    processed = await self._apply(item, "outbound")
                    if processed is not None:
                        logger.debug("-> %s", describe(processed))
                        await sink.send(processed)
            except (anyio.BrokenResourceError, anyio.ClosedResourceError):
                logger.debug("outbound pump stopped: transport closed")

    @asynccontextmanager
    async def attach(self, read_stream: ReadStream, write_stream: WriteStream) -> AsyncIterator[tuple[ReadStream, WriteStream]]:
        in_send, in_recv = anyio.create_memory_object_stream[SessionMessage | Exception](self.buffer)
        out_send, out_recv = anyio.create_memory_object_stream[SessionMessage](self.buffer)
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._pump_inbound, read_stream, in_send)
            tg.start_soon(self._pump_outbound, out_recv, write_stream)
            try:
                yield in_recv, out_send
            finally:
                tg.cancel_scope.cancel()
