"""Catalogue snapshots and raw JSON-RPC frame helpers used by ops tooling."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import mcp.types as types

Frame = types.JSONRPCRequest | types.JSONRPCNotification | types.JSONRPCResponse | types.JSONRPCError


def catalog_snapshot(tools: list[types.Tool]) -> list[dict[str, Any]]:
    """Stable, diffable description of a tool catalogue (wire field names)."""
    snapshot = []
    for tool in sorted(tools, key=lambda t: t.name):
        entry = tool.model_dump(exclude_none=True)
        entry["fingerprint"] = schema_fingerprint(tool)
        snapshot.append(entry)
    return snapshot


def schema_fingerprint(tool: types.Tool) -> str:
    blob = json.dumps([tool.inputSchema, tool.outputSchema], sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def request_frame(request_id: int, request: types.ClientRequest) -> str:
    payload = request.model_dump(by_alias=True, exclude_none=True, mode="json")
    message = types.JSONRPCMessage(types.JSONRPCRequest(jsonrpc="2.0", id=request_id, **payload))
    return message.model_dump_json(by_alias=True, exclude_none=True)


def parse_frame(raw: str) -> Frame:
    return types.JSONRPCMessage.model_validate_json(raw).root


def result_of(raw: str, result_type: type[types.ListToolsResult]) -> types.ListToolsResult:
    frame = parse_frame(raw)
    if isinstance(frame, types.JSONRPCError):
        raise RuntimeError(f"server answered with error {frame.error.code}: {frame.error.message}")
    if not isinstance(frame, types.JSONRPCResponse):
        raise RuntimeError(f"expected a response, got {type(frame).__name__}")
    return result_type.model_validate(frame.result)
