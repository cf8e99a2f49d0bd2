"""ErrorData / McpError helpers."""

from __future__ import annotations

from typing import Any

from mcp import types as t
from mcp.shared.exceptions import McpError
from mcp.shared.message import SessionMessage

# JSON-RPC allows "id": null on errors the receiver couldn't attribute (parse errors).
# mcp's JSONRPCError requires a concrete id, so we substitute this sentinel.
UNATTRIBUTED_ID = -1

_NAMES = {
    t.PARSE_ERROR: "parse error",
    t.INVALID_REQUEST: "invalid request",
    t.METHOD_NOT_FOUND: "method not found",
    t.INVALID_PARAMS: "invalid params",
    t.INTERNAL_ERROR: "internal error",
    t.CONNECTION_CLOSED: "connection closed",
}


def describe(error: t.ErrorData) -> str:
    name = _NAMES.get(error.code, f"error {error.code}")
    return f"{name}: {error.message}"


def error_response(request_id: t.RequestId | None, code: int, message: str, data: Any = None) -> SessionMessage:
    err = t.JSONRPCError(
        jsonrpc="2.0",
        id=request_id if request_id is not None else UNATTRIBUTED_ID,
        error=t.ErrorData(code=code, message=message, data=data),
    )
    return SessionMessage(t.JSONRPCMessage(err))


def parse_error_payload(payload: dict[str, Any]) -> t.JSONRPCError:
    """Parse an error response, tolerating a null id (which mcp's model rejects)."""
    if payload.get("id") is None:
        payload = {**payload, "id": UNATTRIBUTED_ID}
    return t.JSONRPCError.model_validate(payload)


def raise_for_error(message: t.JSONRPCMessage) -> None:
    if isinstance(message.root, t.JSONRPCError):
        raise McpError(message.root.error)


def from_exception(exc: BaseException) -> t.ErrorData:
    if isinstance(exc, McpError):
        return exc.error
    if isinstance(exc, (ValueError, TypeError)):
        return t.ErrorData(code=t.INVALID_PARAMS, message=str(exc))
    return t.ErrorData(code=t.INTERNAL_ERROR, message=f"{type(exc).__name__}: {exc}")


def is_timeout(exc: McpError) -> bool:
    # BaseSession reports read timeouts with the HTTP status code.
    return exc.error.code == 408


def not_found(method: str) -> McpError:
    return McpError(t.ErrorData(code=t.METHOD_NOT_FOUND, message=f"Method not found: {method}"))
