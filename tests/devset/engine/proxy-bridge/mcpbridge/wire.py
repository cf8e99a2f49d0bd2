"""JSON-RPC frame helpers: parsing, classification, a stream tap and the audit trail."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from pydantic import ValidationError

from mcp import types
from mcp.shared.message import SessionMessage

logger = logging.getLogger(__name__)

Frame = types.JSONRPCRequest | types.JSONRPCNotification | types.JSONRPCResponse | types.JSONRPCError


def parse_frame(line: str) -> Frame | None:
    """Parse one line of JSON-RPC; ``None`` when it is not a valid MCP frame."""
    try:
        return types.JSONRPCMessage.model_validate_json(line).root
    except ValidationError:
        logger.warning("dropping malformed frame: %.120s", line)
        return None


def encode_frame(frame: Frame) -> str:
    return types.JSONRPCMessage(frame).model_dump_json(by_alias=True, exclude_none=True)


def classify_client_request(frame: types.JSONRPCRequest) -> types.ClientRequestType:
    """Turn a raw request frame into the typed request model."""
    payload = frame.model_dump(by_alias=True, mode="json", exclude_none=True, exclude={"jsonrpc", "id"})
    return types.ClientRequest.model_validate(payload).root


def classify_client_notification(frame: types.JSONRPCNotification) -> types.ClientNotificationType:
    payload = frame.model_dump(by_alias=True, mode="json", exclude_none=True, exclude={"jsonrpc"})
    return types.ClientNotification.model_validate(payload).root


@dataclass
class TapRecord:
    direction: str
    method: str | None
    raw: dict[str, Any]


@dataclass
class WireTap:
    """Records every frame pumped from one memory stream into another."""

    records: list[TapRecord] = field(default_factory=list)

    def methods(self, direction: str) -> list[str]:
        return [r.method for r in self.records if r.method and r.direction == direction]

    async def pump(
        self,
        direction: str,
        source: MemoryObjectReceiveStream[SessionMessage | Exception],
        sink: MemoryObjectSendStream[SessionMessage | Exception],
    ) -> None:
        async with sink:
            try:
                async for item in source:
                    if isinstance(item, SessionMessage):
                        root = item.message.root
                        method = root.method if isinstance(root, types.JSONRPCRequest | types.JSONRPCNotification) else None
                        raw = item.message.model_dump(by_alias=True, mode="json", exclude_none=True)
                        self.records.append(TapRecord(direction, method, raw))
                    await sink.send(item)
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                logger.debug("tap %s closed", direction)


class AuditTrail:
    """JSON-able history of forwarded tool calls, newest last."""

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self.entries: list[dict[str, Any]] = []

    def record_call(self, upstream: str, tool: str, result: types.CallToolResult) -> dict[str, Any]:
        dumped = result.model_dump(exclude_none=True)
        entry = {
            "upstream": upstream,
            "tool": tool,
            "isError": dumped.get("isError", False),
            "hasStructured": "structuredContent" in dumped,
        }
        self.entries = [*self.entries, entry][-self.limit :]
        return entry

    def failures(self) -> list[dict[str, Any]]:
        return [entry for entry in self.entries if entry["isError"]]
