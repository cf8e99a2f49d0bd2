"""Record every JSON-RPC message crossing the hub, and replay recordings.

Wraps the anyio memory streams that `stdio_server()` yields.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, TextIO

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.shared.message import SessionMessage
from mcp.types import (
    ClientRequest,
    JSONRPCMessage,
    JSONRPCNotification,
    JSONRPCRequest,
    JSONRPCResponse,
    ServerNotification,
)


class Wiretap:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: TextIO | None = None

    def __enter__(self) -> Wiretap:
        self._fh = self.path.open("a", encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh:
            self._fh.close()

    def record(self, direction: str, message: JSONRPCMessage) -> None:
        if self._fh is None:
            return
        entry = {"t": time.time(), "dir": direction, "msg": message.model_dump(by_alias=True, exclude_none=True)}
        self._fh.write(json.dumps(entry) + "\n")
        self._fh.flush()

    async def tap_incoming(
        self,
        source: MemoryObjectReceiveStream[SessionMessage | Exception],
        sink: MemoryObjectSendStream[SessionMessage | Exception],
    ) -> None:
        async with source, sink:
            async for item in source:
                if isinstance(item, SessionMessage):
                    self.record("in", item.message)
                await sink.send(item)

    async def tap_outgoing(
        self,
        source: MemoryObjectReceiveStream[SessionMessage],
        sink: MemoryObjectSendStream[SessionMessage],
    ) -> None:
        async with source, sink:
            async for item in source:
                self.record("out", item.message)
                await sink.send(item)


def describe(message: JSONRPCMessage) -> str:
    inner = message.root
    if isinstance(inner, JSONRPCRequest):
        try:
            typed = ClientRequest.model_validate(inner.model_dump(by_alias=True)).root
            return f"request {inner.id}: {type(typed).__name__}"
        except ValueError:
            return f"request {inner.id}: {inner.method} (unknown)"
    if isinstance(inner, JSONRPCNotification):
        try:
            note = ServerNotification.model_validate(inner.model_dump(by_alias=True)).root
            return f"notification {type(note).__name__}"
        except ValueError:
            return f"notification {inner.method}"
    if isinstance(inner, JSONRPCResponse):
        return f"response {inner.id}"
    return f"error {inner.id}: {inner.error.message}"


def load_recording(path: Path) -> list[tuple[str, JSONRPCMessage]]:
    out: list[tuple[str, JSONRPCMessage]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry: dict[str, Any] = json.loads(line)
        out.append((entry["dir"], JSONRPCMessage.model_validate(entry["msg"])))
    return out


async def inject_notification(stream: MemoryObjectSendStream[SessionMessage], method: str, params: dict[str, Any]) -> None:
    """Push a synthetic notification to the downstream client (used in demos)."""
    note = JSONRPCNotification(jsonrpc="2.0", method=method, params=params)
    await stream.send(SessionMessage(JSONRPCMessage(note)))
    await anyio.lowlevel.checkpoint()
