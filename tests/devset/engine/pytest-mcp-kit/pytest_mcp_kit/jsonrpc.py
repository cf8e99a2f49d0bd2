"""Builders and parsers for raw JSON-RPC frames, based on the typed models."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import httpx
from pydantic import ValidationError

from mcp import types
from mcp.shared.exceptions import McpError
from mcp.shared.version import LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import (
    ErrorData,
    JSONRPCError,
    JSONRPCMessage,
    JSONRPCNotification,
    JSONRPCRequest,
    JSONRPCResponse,
    RequestId,
)

Payload = JSONRPCRequest | JSONRPCNotification | JSONRPCResponse | JSONRPCError


def _dump(model: Any) -> dict[str, Any]:
    return model.model_dump(by_alias=True, mode="json", exclude_none=True)


def frame(payload: Payload) -> JSONRPCMessage:
    return JSONRPCMessage(payload)


def unwrap(message: JSONRPCMessage) -> Payload:
    return message.root


def request(method: str, params: dict[str, Any] | None = None, *, id: RequestId) -> JSONRPCMessage:
    return frame(JSONRPCRequest(jsonrpc="2.0", id=id, method=method, params=params))


def notification(method: str, params: dict[str, Any] | None = None) -> JSONRPCMessage:
    return frame(JSONRPCNotification(jsonrpc="2.0", method=method, params=params))


def client_request(req: types.ClientRequestType, *, id: RequestId) -> JSONRPCMessage:
    """Wrap a typed client request (``types.CallToolRequest(...)`` etc.) into a frame."""
    return frame(JSONRPCRequest(jsonrpc="2.0", id=id, **_dump(types.ClientRequest(req))))


def server_notification(note: types.ServerNotificationType) -> JSONRPCMessage:
    return frame(JSONRPCNotification(jsonrpc="2.0", **_dump(types.ServerNotification(note))))


def response(id: RequestId, result: types.Result) -> JSONRPCMessage:
    return frame(JSONRPCResponse(jsonrpc="2.0", id=id, result=_dump(result)))


def error(id: RequestId, code: int, message: str, data: Any | None = None) -> JSONRPCMessage:
    return frame(JSONRPCError(jsonrpc="2.0", id=id, error=ErrorData(code=code, message=message, data=data)))


def call_tool(name: str, arguments: dict[str, Any], *, id: RequestId, progress_token: str | int | None = None) -> JSONRPCMessage:
    meta = types.RequestParams.Meta(progressToken=progress_token) if progress_token is not None else None
    params = types.CallToolRequestParams(name=name, arguments=arguments, _meta=meta)
    return client_request(types.CallToolRequest(method="tools/call", params=params), id=id)


def parse(raw: str | bytes) -> Payload:
    return unwrap(JSONRPCMessage.model_validate_json(raw))


def parse_or_none(raw: str | bytes) -> JSONRPCMessage | None:
    """Like :func:`parse` but returns ``None`` for frames the SDK would reject."""
    try:
        return JSONRPCMessage.model_validate_json(raw)
    except ValidationError:
        return None


def as_server_notification(message: JSONRPCMessage) -> types.ServerNotificationType:
    return types.ServerNotification.model_validate(_dump(unwrap(message))).root


def result_of(message: JSONRPCMessage) -> dict[str, Any]:
    """The ``result`` of a response frame; error frames raise ``McpError``."""
    payload = unwrap(message)
    if isinstance(payload, JSONRPCError):
        raise McpError(payload.error)
    if isinstance(payload, JSONRPCResponse):
        return payload.result
    raise TypeError(f"{type(payload).__name__} is not a response")


def is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, McpError) and exc.error.code == httpx.codes.REQUEST_TIMEOUT


def offered_versions(extra: Iterable[str] = ()) -> list[str]:
    """Protocol versions a test client may offer, newest first."""
    return sorted(set(SUPPORTED_PROTOCOL_VERSIONS + list(extra)), reverse=True)
