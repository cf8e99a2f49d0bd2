"""Building, (de)serialising and classifying JSON-RPC messages."""

from __future__ import annotations

import itertools
import json
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from mcp import types as t
from mcp.shared.message import SessionMessage

Kind = Literal["request", "notification", "response", "error"]

_ids = itertools.count(1)


def next_id() -> int:
    return next(_ids)


def make_request(method: str, params: dict[str, Any] | None = None, *, id: t.RequestId | None = None) -> SessionMessage:
    request = t.JSONRPCRequest(jsonrpc="2.0", id=id if id is not None else next_id(), method=method, params=params)
    return SessionMessage(t.JSONRPCMessage(request))


def make_notification(method: str, params: dict[str, Any] | None = None) -> SessionMessage:
    return SessionMessage(t.JSONRPCMessage(t.JSONRPCNotification(jsonrpc="2.0", method=method, params=params)))


def make_result(request_id: t.RequestId, result: BaseModel | dict[str, Any]) -> SessionMessage:
    """Wrap a typed MCP result (e.g. InitializeResult) as a JSON-RPC response."""
    payload = result if isinstance(result, dict) else result.model_dump(exclude_none=True)
    return SessionMessage(t.JSONRPCMessage(t.JSONRPCResponse(jsonrpc="2.0", id=request_id, result=payload)))


def from_client_request(request: t.ClientRequest, *, id: t.RequestId | None = None) -> SessionMessage:
    """Serialise a typed ClientRequest (e.g. ClientRequest(PingRequest())) into a framed message."""
    data = request.model_dump(by_alias=True, mode="json", exclude_none=True)
    return make_request(data["method"], data.get("params"), id=id)


def classify(message: t.JSONRPCMessage) -> Kind:
    inner = message.root
    if isinstance(inner, t.JSONRPCRequest):
        return "request"
    if isinstance(inner, t.JSONRPCNotification):
        return "notification"
    if isinstance(inner, t.JSONRPCResponse):
        return "response"
    return "error"


def method_of(message: t.JSONRPCMessage) -> str | None:
    inner = message.root
    if isinstance(inner, t.JSONRPCRequest | t.JSONRPCNotification):
        return inner.method
    return None


def as_server_notification(message: t.JSONRPCMessage) -> t.ServerNotification | None:
    """Parse a raw notification into the typed ServerNotification union, if it is one."""
    inner = message.root
    if not isinstance(inner, t.JSONRPCNotification):
        return None
    try:
        return t.ServerNotification.model_validate(inner.model_dump(by_alias=True, exclude_none=True))
    except ValidationError:
        return None


def as_client_request(message: t.JSONRPCMessage) -> t.ClientRequest | None:
    inner = message.root
    if not isinstance(inner, t.JSONRPCRequest):
        return None
    return t.ClientRequest.model_validate(
        {"method": inner.method, "params": inner.params} if inner.params is not None else {"method": inner.method}
    )


def encode_line(message: SessionMessage | t.JSONRPCMessage) -> bytes:
    msg = message.message if isinstance(message, SessionMessage) else message
    return msg.model_dump_json(by_alias=True, exclude_none=True).encode() + b"\n"


def decode_line(line: bytes | str) -> SessionMessage:
    return SessionMessage(t.JSONRPCMessage.model_validate_json(line))


class FrameDecoder:
    """Incremental newline-delimited JSON decoder.

    Feed it arbitrary byte chunks; it yields a SessionMessage per complete line or the
    exception raised while parsing that line (so transports can forward it to the session).
    """

    def __init__(self, max_line: int = 4 * 1024 * 1024):
        self._buffer = bytearray()
        self.max_line = max_line

    def feed(self, chunk: bytes) -> list[SessionMessage | Exception]:
        self._buffer.extend(chunk)
        if len(self._buffer) > self.max_line and b"\n" not in self._buffer:
            self._buffer.clear()
            return [ValueError("frame exceeds max_line")]
        out: list[SessionMessage | Exception] = []
        while (newline := self._buffer.find(b"\n")) >= 0:
            line = bytes(self._buffer[:newline]).strip()
            del self._buffer[: newline + 1]
            if not line:
                continue
            try:
                out.append(decode_line(line))
            except (ValidationError, json.JSONDecodeError) as exc:
                out.append(exc)
        return out

    @property
    def pending(self) -> int:
        return len(self._buffer)
