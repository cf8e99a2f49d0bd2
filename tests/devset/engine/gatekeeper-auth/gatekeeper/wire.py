"""Raw JSON-RPC helpers used by the vault's audit proxy."""

from __future__ import annotations

from typing import Any

from mcp.shared.message import SessionMessage
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import (
    LATEST_PROTOCOL_VERSION,
    ClientRequest,
    ErrorData,
    JSONRPCError,
    JSONRPCMessage,
    JSONRPCNotification,
    JSONRPCRequest,
    JSONRPCResponse,
    ServerNotification,
)
from pydantic import ValidationError

EXTRA_VERSIONS = ["2025-11-25-draft"]


def decode(raw: str | bytes) -> JSONRPCMessage | None:
    try:
        return JSONRPCMessage.model_validate_json(raw)
    except ValidationError:
        return None


def describe(message: JSONRPCMessage) -> str:
    inner = message.root
    if isinstance(inner, JSONRPCRequest):
        typed = ClientRequest.model_validate(inner.model_dump(by_alias=True, exclude_none=True)).root
        return f"request {inner.id} {typed.method} ({type(typed).__name__})"
    if isinstance(inner, JSONRPCNotification):
        return f"notification {inner.method}"
    if isinstance(inner, JSONRPCResponse):
        return f"response {inner.id}"
    return f"error {inner.id} {inner.error.code}"


def parse_server_notification(payload: dict[str, Any]) -> str:
    note = ServerNotification.model_validate(payload)
    return note.root.method


def notification(method: str, params: dict[str, Any] | None = None) -> SessionMessage:
    return SessionMessage(JSONRPCMessage(JSONRPCNotification(jsonrpc="2.0", method=method, params=params)))


def request(request_id: int, method: str, params: dict[str, Any] | None = None) -> SessionMessage:
    return SessionMessage(JSONRPCMessage(JSONRPCRequest(jsonrpc="2.0", id=request_id, method=method, params=params)))


def error(request_id: str | int, code: int, text: str) -> JSONRPCMessage:
    return JSONRPCMessage(JSONRPCError(jsonrpc="2.0", id=request_id, error=ErrorData(code=code, message=text)))


def accepted_versions() -> list[str]:
    return SUPPORTED_PROTOCOL_VERSIONS + EXTRA_VERSIONS


def initialize_params(client_name: str) -> dict[str, Any]:
    return {
        "protocolVersion": LATEST_PROTOCOL_VERSION,
        "capabilities": {},
        "clientInfo": {"name": client_name, "version": "1.0"},
    }
