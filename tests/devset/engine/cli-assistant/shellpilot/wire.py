"""Recording and replaying raw JSON-RPC traffic (``shellpilot --trace``)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp.shared.message import SessionMessage
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import (
    LATEST_PROTOCOL_VERSION,
    CancelledNotification,
    CancelledNotificationParams,
    ClientNotification,
    JSONRPCError,
    JSONRPCMessage,
    JSONRPCNotification,
    JSONRPCRequest,
    JSONRPCResponse,
    RequestId,
)

Direction = Literal["out", "in"]
Frame = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse | JSONRPCError
_Item = TypeVar("_Item", SessionMessage, SessionMessage | Exception)


@dataclass
class WireRecorder:
    frames: list[tuple[Direction, Frame]] = field(default_factory=list)

    def record(self, direction: Direction, message: SessionMessage) -> None:
        self.frames.append((direction, message.message.root))

    def methods(self, direction: Direction | None = None) -> list[str]:
        return [
            frame.method
            for d, frame in self.frames
            if isinstance(frame, JSONRPCRequest | JSONRPCNotification) and (direction is None or d == direction)
        ]

    def dump_lines(self) -> list[str]:
        return [
            json.dumps({"dir": d, "msg": frame.model_dump(by_alias=True, mode="json", exclude_none=True)})
            for d, frame in self.frames
        ]

    def save(self, path: Path) -> None:
        path.write_text("\n".join(self.dump_lines()) + "\n", encoding="utf-8")

    async def pump(
        self,
        direction: Direction,
        source: MemoryObjectReceiveStream[_Item],
        sink: MemoryObjectSendStream[_Item],
    ) -> None:
        async with source, sink:
            async for item in source:
                if isinstance(item, SessionMessage):
                    self.record(direction, item)
                try:
                    await sink.send(item)
                except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                    return


def parse_frame(line: str) -> Frame:
    return JSONRPCMessage.model_validate_json(line).root


def load_trace(lines: Iterable[str]) -> list[tuple[Direction, Frame]]:
    frames: list[tuple[Direction, Frame]] = []
    for line in lines:
        if not line.strip():
            continue
        raw: dict[str, Any] = json.loads(line)
        direction: Direction = "in" if raw.get("dir") == "in" else "out"
        frames.append((direction, JSONRPCMessage.model_validate(raw["msg"]).root))
    return frames


def summarize(frames: list[tuple[Direction, Frame]]) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    negotiated: str | None = None
    for _, frame in frames:
        if isinstance(frame, JSONRPCRequest | JSONRPCNotification):
            counts[frame.method] += 1
        elif isinstance(frame, JSONRPCResponse) and "protocolVersion" in frame.result:
            negotiated = str(frame.result["protocolVersion"])
    return {
        "methods": dict(counts),
        "errors": sum(1 for _, f in frames if isinstance(f, JSONRPCError)),
        "protocolVersion": negotiated,
        "current": negotiated == LATEST_PROTOCOL_VERSION,
        "supported": negotiated in SUPPORTED_PROTOCOL_VERSIONS if negotiated else False,
    }


def cancel_message(request_id: RequestId, reason: str) -> SessionMessage:
    """Build the wire message that cancels an in-flight request."""
    notification = ClientNotification(
        CancelledNotification(
            method="notifications/cancelled",
            params=CancelledNotificationParams(requestId=request_id, reason=reason),
        )
    )
    payload = notification.model_dump(by_alias=True, mode="json", exclude_none=True)
    return SessionMessage(JSONRPCMessage(JSONRPCNotification(jsonrpc="2.0", **payload)))
