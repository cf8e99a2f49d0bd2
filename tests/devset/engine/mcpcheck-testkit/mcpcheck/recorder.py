"""Record what a server sends to the client.

:class:`MessageRecorder` plugs into ``ClientSession(message_handler=...)`` and
``logging_callback=...``; :class:`WireTap` sits on the memory streams and keeps
the raw JSON-RPC frames in both directions so tests can assert on the wire.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import anyio
import mcp.types as types
from anyio.abc import TaskStatus
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.shared.message import SessionMessage
from mcp.shared.session import RequestResponder
from pydantic import ValidationError

Direction = Literal["out", "in"]
IncomingMessage = RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception


@dataclass
class RecordedNotification:
    method: str
    params: dict[str, Any]


@dataclass
class ProgressEvent:
    token: str | int
    progress: float
    total: float | None
    message: str | None


@dataclass
class MessageRecorder:
    """Collects notifications, server requests and transport errors."""

    notifications: list[RecordedNotification] = field(default_factory=list)
    logs: list[types.LoggingMessageNotificationParams] = field(default_factory=list)
    progress: list[ProgressEvent] = field(default_factory=list)
    updated_uris: list[str] = field(default_factory=list)
    server_requests: list[str] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._arrived = anyio.Event()

    async def __call__(self, message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
            return
        if isinstance(message, RequestResponder):
            self.server_requests.append(message.request.root.method)
            return
        notification = message.root
        params = notification.params.model_dump(mode="json", exclude_none=True) if notification.params else {}
        self.notifications.append(RecordedNotification(method=notification.method, params=params))
        if isinstance(notification, types.ProgressNotification):
            p = notification.params
            self.progress.append(ProgressEvent(p.progressToken, p.progress, p.total, p.message))
        elif isinstance(notification, types.ResourceUpdatedNotification):
            self.updated_uris.append(str(notification.params.uri))
        self._arrived.set()
        self._arrived = anyio.Event()

    async def on_log(self, params: types.LoggingMessageNotificationParams) -> None:
        """Use as ``logging_callback``."""
        self.logs.append(params)

    def methods(self) -> list[str]:
        return [n.method for n in self.notifications]

    def log_lines(self, *, min_level: types.LoggingLevel = "debug") -> list[str]:
        order: list[types.LoggingLevel] = [
            "debug",
            "info",
            "notice",
            "warning",
            "error",
            "critical",
            "alert",
            "emergency",
        ]
        floor = order.index(min_level)
        return [str(p.data) for p in self.logs if order.index(p.level) >= floor]

    async def wait_for(self, method: str, *, timeout: float = 2.0) -> RecordedNotification:
        with anyio.fail_after(timeout):
            while True:
                for n in self.notifications:
                    if n.method == method:
                        return n
                await self._arrived.wait()


@dataclass
class Frame:
    direction: Direction
    payload: dict[str, Any]

    @property
    def method(self) -> str | None:
        return self.payload.get("method")

    @property
    def is_request(self) -> bool:
        return "method" in self.payload and "id" in self.payload


@dataclass
class WireTap:
    """Copies every JSON-RPC frame that crosses the memory transport."""

    frames: list[Frame] = field(default_factory=list)

    def _record(self, direction: Direction, item: SessionMessage | Exception) -> None:
        if isinstance(item, Exception):
            return
        root = item.message.root
        self.frames.append(Frame(direction, root.model_dump(by_alias=True, mode="json", exclude_none=True)))

    async def splice_outbound(
        self,
        sink: MemoryObjectSendStream[SessionMessage | Exception],
        *,
        task_status: TaskStatus[MemoryObjectSendStream[SessionMessage | Exception]] = anyio.TASK_STATUS_IGNORED,
    ) -> None:
        send, receive = anyio.create_memory_object_stream[SessionMessage | Exception](1)
        task_status.started(send)
        async with receive:
            async for item in receive:
                self._record("out", item)
                await sink.send(item)

    async def splice_inbound(
        self,
        source: MemoryObjectReceiveStream[SessionMessage | Exception],
        *,
        task_status: TaskStatus[MemoryObjectReceiveStream[SessionMessage | Exception]] = anyio.TASK_STATUS_IGNORED,
    ) -> None:
        send, receive = anyio.create_memory_object_stream[SessionMessage | Exception](1)
        task_status.started(receive)
        async with send:
            async for item in source:
                self._record("in", item)
                await send.send(item)

    def outbound(self) -> list[dict[str, Any]]:
        return [f.payload for f in self.frames if f.direction == "out"]

    def inbound(self) -> list[dict[str, Any]]:
        return [f.payload for f in self.frames if f.direction == "in"]

    def request_methods(self) -> list[str]:
        return [f.payload["method"] for f in self.frames if f.direction == "out" and f.is_request]

    def last_request(self, method: str) -> dict[str, Any]:
        for frame in reversed(self.frames):
            if frame.direction == "out" and frame.method == method:
                return frame.payload
        raise KeyError(method)

    @staticmethod
    def parse_transcript(lines: list[str]) -> tuple[list[types.JSONRPCMessage], list[str]]:
        """Parse a captured stdio transcript; lines that are not valid JSON-RPC are returned separately."""
        parsed: list[types.JSONRPCMessage] = []
        rejected: list[str] = []
        for line in filter(None, (raw.strip() for raw in lines)):
            try:
                parsed.append(types.JSONRPCMessage.model_validate_json(line))
            except ValidationError:
                rejected.append(line)
        return parsed, rejected

    @staticmethod
    def parse(raw: str) -> types.JSONRPCRequest | types.JSONRPCNotification | types.JSONRPCResponse | types.JSONRPCError:
        """Parse one captured line from a stdio transcript."""
        return types.JSONRPCMessage.model_validate_json(raw).root
