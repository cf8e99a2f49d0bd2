"""Audit trail for kiosk traffic: a relay that records JSON-RPC frames and
helpers that turn protocol objects into plain records for the admin export.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

from mcp import types
from mcp.shared.message import SessionMessage

MessageT = TypeVar("MessageT", SessionMessage, SessionMessage | Exception)


@dataclass
class AuditLog:
    requests: Counter[str] = field(default_factory=Counter)
    notifications: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str | int, int, str]] = field(default_factory=list)
    frames: list[str] = field(default_factory=list)

    def record(self, message: types.JSONRPCMessage) -> None:
        self.frames.append(message.model_dump_json(by_alias=True, exclude_none=True))
        frame = message.root
        if isinstance(frame, types.JSONRPCRequest):
            self.requests[frame.method] += 1
        elif isinstance(frame, types.JSONRPCNotification):
            self.notifications[frame.method] += 1
        elif isinstance(frame, types.JSONRPCError):
            self.errors.append((frame.id, frame.error.code, frame.error.message))

    def replay(self, lines: Iterable[str]) -> int:
        """Load frames from a saved log; returns how many were understood."""
        loaded = 0
        for line in lines:
            line = line.strip()
            if not line:
                continue
            try:
                self.record(types.JSONRPCMessage.model_validate_json(line))
            except ValueError:
                continue
            loaded += 1
        return loaded


async def relay(
    source: MemoryObjectReceiveStream[MessageT],
    sink: MemoryObjectSendStream[MessageT],
    audit: AuditLog,
) -> None:
    """Copy messages from one side to the other, recording each frame."""
    async with source, sink:
        async for item in source:
            if isinstance(item, SessionMessage):
                audit.record(item.message)
            await sink.send(item)


def notification_kind(raw: dict[str, Any]) -> str:
    """Name the server notification in a raw dict, e.g. from a webhook body."""
    notification = types.ServerNotification.model_validate(raw)
    return type(notification.root).__name__


def render_blocks(blocks: Sequence[types.Content]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, types.TextContent):
            parts.append(block.text)
        elif isinstance(block, types.ImageContent):
            parts.append(f"[image {block.mimeType}]")
        elif isinstance(block, types.EmbeddedResource):
            parts.append(f"[resource {block.resource.uri}]")
        else:
            parts.append(f"[{block.type}]")
    return "\n".join(parts)


def tool_manifest(tools: Sequence[types.Tool]) -> list[dict[str, Any]]:
    """What the admin console stores: exactly the fields the desk advertised."""
    return [tool.model_dump(exclude_none=True) for tool in tools]


def result_record(name: str, result: types.CallToolResult) -> dict[str, Any]:
    record = result.model_dump(exclude_none=True, mode="json")
    record["tool"] = name
    record["text"] = render_blocks(result.content)
    return record


def export_lines(records: Iterable[dict[str, Any]]) -> str:
    return "\n".join(json.dumps(r, sort_keys=True) for r in records)
