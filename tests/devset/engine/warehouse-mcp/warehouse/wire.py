"""Audit helpers over captured JSON-RPC traffic (one JSON message per line).

The gateway in front of the warehouse tees every MCP frame to a log; these
helpers turn that log into per-tool usage records and catalog snapshots.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

import mcp.types as types
from mcp.shared.message import SessionMessage
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS


@dataclass(frozen=True)
class ToolCallRecord:
    request_id: types.RequestId
    tool: str
    arguments: dict[str, Any]


@dataclass
class TrafficSummary:
    requests: Counter[str]
    notifications: Counter[str]
    tool_calls: list[ToolCallRecord]
    errors: list[types.ErrorData]
    rejected_lines: int = 0
    protocol_version: str | None = None

    @property
    def supported(self) -> bool:
        return self.protocol_version is None or self.protocol_version in SUPPORTED_PROTOCOL_VERSIONS


def parse_frame(line: str) -> types.JSONRPCRequest | types.JSONRPCNotification | types.JSONRPCResponse | types.JSONRPCError:
    return types.JSONRPCMessage.model_validate_json(line).root


def summarize(lines: Iterable[str]) -> TrafficSummary:
    summary = TrafficSummary(requests=Counter(), notifications=Counter(), tool_calls=[], errors=[])
    for raw in lines:
        if not raw.strip():
            continue
        try:
            frame = parse_frame(raw)
        except ValidationError:
            summary.rejected_lines += 1
            continue
        if isinstance(frame, types.JSONRPCRequest):
            summary.requests[frame.method] += 1
            try:
                request = types.ClientRequest.model_validate(frame.model_dump(by_alias=True, exclude_none=True)).root
            except ValidationError:
                continue
            if isinstance(request, types.CallToolRequest):
                summary.tool_calls.append(
                    ToolCallRecord(frame.id, request.params.name, dict(request.params.arguments or {}))
                )
            elif isinstance(request, types.InitializeRequest):
                summary.protocol_version = str(request.params.protocolVersion)
        elif isinstance(frame, types.JSONRPCNotification):
            summary.notifications[frame.method] += 1
        elif isinstance(frame, types.JSONRPCError):
            summary.errors.append(frame.error)
    return summary


def frame_for(message: SessionMessage) -> str:
    """Serialise an outgoing session message exactly as the transport would."""
    return message.message.model_dump_json(by_alias=True, exclude_none=True)


def notification_frame(notification: types.ServerNotification) -> SessionMessage:
    payload = notification.model_dump(by_alias=True, mode="json", exclude_none=True)
    return SessionMessage(types.JSONRPCMessage(types.JSONRPCNotification(jsonrpc="2.0", **payload)))


def snapshot_tools(tools: Sequence[types.Tool]) -> list[dict[str, Any]]:
    """Stable, diff-friendly view of the tool catalog stored with each release."""
    snapshot: list[dict[str, Any]] = []
    for tool in sorted(tools, key=lambda t: t.name):
        entry = tool.model_dump(exclude_none=True)
        entry.pop("_meta", None)
        entry.pop("meta", None)
        snapshot.append(entry)
    return snapshot


def snapshot_json(tools: Sequence[types.Tool]) -> str:
    return json.dumps(snapshot_tools(tools), indent=2, sort_keys=True)


def is_current_protocol(version: str) -> bool:
    return version == types.LATEST_PROTOCOL_VERSION
