"""JSON-RPC framing helpers shared by the relay modes."""

from __future__ import annotations

import logging
from typing import Any

from mcp.shared.message import SessionMessage
from mcp.shared.version import LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import (
    PARSE_ERROR,
    ErrorData,
    JSONRPCError,
    JSONRPCMessage,
    JSONRPCNotification,
    JSONRPCRequest,
    JSONRPCResponse,
)
from pydantic import ValidationError

log = logging.getLogger(__name__)

# Versions we let through unchanged; anything newer is downgraded in the handshake.
BRIDGE_VERSIONS: list[str] = SUPPORTED_PROTOCOL_VERSIONS + ["2024-10-07"]


def parse_line(raw: str | bytes) -> JSONRPCMessage:
    """Parse one frame; malformed input becomes a JSON-RPC parse error."""
    try:
        return JSONRPCMessage.model_validate_json(raw)
    except ValidationError as exc:
        # JSON-RPC wants id=null here, which JSONRPCError does not accept; 0 is what
        # the upstream Node servers send too.
        return JSONRPCMessage(
            JSONRPCError(jsonrpc="2.0", id=0, error=ErrorData(code=PARSE_ERROR, message=str(exc)[:200]))
        )


def dump(message: JSONRPCMessage) -> str:
    return message.model_dump_json(by_alias=True, exclude_none=True)


def describe(message: JSONRPCMessage) -> str:
    root = message.root
    if isinstance(root, JSONRPCRequest):
        return f"-> {root.method} #{root.id}"
    if isinstance(root, JSONRPCNotification):
        return f"-> {root.method}"
    if isinstance(root, JSONRPCResponse):
        return f"<- result #{root.id}"
    return f"<- error #{root.id} {root.error.code} {root.error.message}"


def clamp_protocol_version(message: JSONRPCMessage) -> JSONRPCMessage:
    """Rewrite an initialize request asking for a version we cannot relay."""
    root = message.root
    if not isinstance(root, JSONRPCRequest) or root.method != "initialize" or not root.params:
        return message
    if root.params.get("protocolVersion") in BRIDGE_VERSIONS:
        return message
    params = dict(root.params, protocolVersion=LATEST_PROTOCOL_VERSION)
    return JSONRPCMessage(root.model_copy(update={"params": params}))


def tag_tool_call(message: JSONRPCMessage, bridge_id: str) -> JSONRPCMessage:
    root = message.root
    if isinstance(root, JSONRPCRequest) and root.method == "tools/call":
        params: dict[str, Any] = dict(root.params or {})
        meta = dict(params.get("_meta") or {})
        meta["bridge/id"] = bridge_id
        params["_meta"] = meta
        return JSONRPCMessage(root.model_copy(update={"params": params}))
    return message


def error_reply(request_id: str | int, code: int, text: str) -> SessionMessage:
    return SessionMessage(JSONRPCMessage(JSONRPCError(jsonrpc="2.0", id=request_id, error=ErrorData(code=code, message=text))))


if __name__ == "__main__":
    import sys

    # Frame inspector: python -m mcp_bridge.wire < captured.jsonl
    for line in sys.stdin:
        if line.strip():
            print(describe(tag_tool_call(clamp_protocol_version(parse_line(line)), "inspect")))
