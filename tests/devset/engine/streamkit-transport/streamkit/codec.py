"""Text framing for MCP messages (one JSON-RPC object per frame)."""

from __future__ import annotations

import json
from typing import Any

import mcp.types as types
from mcp.shared.message import SessionMessage
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

# Some peers answer unparseable input with {"id": null, "error": ...}. The SDK
# refuses a null id on JSONRPCError, so such frames get this placeholder id.
NULL_ID_PLACEHOLDER = "streamkit:null-id"


class FrameError(ValueError):
    """A frame was valid JSON but not a JSON-RPC object."""


def encode(message: SessionMessage) -> str:
    """Serialize the wrapped JSON-RPC message exactly as it goes on the wire."""
    return message.message.model_dump_json(by_alias=True, exclude_none=True)


def decode(frame: str | bytes) -> SessionMessage:
    """Parse one frame into a SessionMessage.

    Raises json.JSONDecodeError, FrameError or pydantic.ValidationError (all
    ValueError subclasses) for frames that cannot be used.
    """
    raw: Any = json.loads(frame)
    if not isinstance(raw, dict):
        raise FrameError(f"expected a JSON object, got {type(raw).__name__}")
    raw = _patch_null_error_id(raw)
    return SessionMessage(types.JSONRPCMessage.model_validate(raw))


def decode_json(frame: str | bytes) -> SessionMessage:
    """Fast path for frames known to be well formed."""
    return SessionMessage(types.JSONRPCMessage.model_validate_json(frame))


def _patch_null_error_id(raw: dict[str, Any]) -> dict[str, Any]:
    if "error" in raw and "id" in raw and raw["id"] is None:
        return {**raw, "id": NULL_ID_PLACEHOLDER}
    return raw


def kind_of(message: SessionMessage) -> str:
    root = message.message.root
    if isinstance(root, types.JSONRPCRequest):
        return "request"
    if isinstance(root, types.JSONRPCNotification):
        return "notification"
    if isinstance(root, types.JSONRPCError):
        return "error"
    return "response"


def describe(message: SessionMessage) -> str:
    """Short human description used in logs: 'request tools/list #3'."""
    root = message.message.root
    if isinstance(root, types.JSONRPCRequest):
        return f"request {root.method} #{root.id}"
    if isinstance(root, types.JSONRPCNotification):
        return f"notification {root.method}"
    if isinstance(root, types.JSONRPCError):
        return f"error #{root.id} code={root.error.code}: {root.error.message}"
    return f"response #{root.id}"


def make_request(request_id: int | str, method: str, params: dict[str, Any] | None = None) -> SessionMessage:
    return SessionMessage(
        types.JSONRPCMessage(types.JSONRPCRequest(jsonrpc="2.0", id=request_id, method=method, params=params))
    )


def make_notification(method: str, params: dict[str, Any] | None = None) -> SessionMessage:
    return SessionMessage(types.JSONRPCMessage(types.JSONRPCNotification(jsonrpc="2.0", method=method, params=params)))


def make_error(request_id: int | str, code: int, message: str) -> SessionMessage:
    error = types.ErrorData(code=code, message=message)
    return SessionMessage(types.JSONRPCMessage(types.JSONRPCError(jsonrpc="2.0", id=request_id, error=error)))


def negotiate_version(offered: str) -> str:
    """Pick the protocol version a streamkit endpoint answers with."""
    if offered in SUPPORTED_PROTOCOL_VERSIONS:
        return offered
    return types.LATEST_PROTOCOL_VERSION


def advertised_versions(extra: list[str] | None = None) -> str:
    """Header value listing every version this endpoint will accept."""
    versions = SUPPORTED_PROTOCOL_VERSIONS + (extra or [])
    return ", ".join(sorted(set(versions), reverse=True))
