"""JSON-RPC framing helpers for transcripts and raw-stream tooling.

``docstore replay`` feeds a recorded JSON-lines transcript straight into a
server's memory streams; these helpers build and decode those frames.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from typing import Any

import mcp.types as types
from mcp.shared.message import SessionMessage
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

_ids = itertools.count(1)


def next_id() -> int:
    return next(_ids)


def request(method: str, params: dict[str, Any] | None = None, *, id: types.RequestId | None = None) -> SessionMessage:
    frame = types.JSONRPCRequest(jsonrpc="2.0", id=id if id is not None else next_id(), method=method, params=params)
    return SessionMessage(types.JSONRPCMessage(frame))


def notification(method: str, params: dict[str, Any] | None = None) -> SessionMessage:
    return SessionMessage(types.JSONRPCMessage(types.JSONRPCNotification(jsonrpc="2.0", method=method, params=params)))


def initialize_request(client_name: str = "docstore-replay", *, protocol: str | None = None) -> SessionMessage:
    version = protocol or types.LATEST_PROTOCOL_VERSION
    if version not in SUPPORTED_PROTOCOL_VERSIONS:
        raise ValueError(f"protocol {version} is not supported by this SDK")
    params = types.InitializeRequestParams(
        protocolVersion=version,
        capabilities=types.ClientCapabilities(roots=types.RootsCapability(listChanged=True)),
        clientInfo=types.Implementation(name=client_name, version="1.0"),
    )
    return request("initialize", params.model_dump(by_alias=True, exclude_none=True), id=0)


def encode(message: SessionMessage) -> str:
    return message.message.model_dump_json(by_alias=True, exclude_none=True)


def decode(line: str) -> SessionMessage:
    return SessionMessage(types.JSONRPCMessage.model_validate_json(line))


def decode_lines(lines: Iterable[str]) -> Iterator[SessionMessage]:
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            yield decode(line)


Frame = types.JSONRPCRequest | types.JSONRPCNotification | types.JSONRPCResponse | types.JSONRPCError


def frame(message: SessionMessage) -> Frame:
    """The concrete JSON-RPC object carried by ``message``."""
    return message.message.root


def kind(message: SessionMessage) -> str:
    match frame(message):
        case types.JSONRPCRequest(method=method):
            return f"request:{method}"
        case types.JSONRPCNotification(method=method):
            return f"notification:{method}"
        case types.JSONRPCResponse():
            return "response"
        case types.JSONRPCError(error=error):
            return f"error:{error.code}"


def result_of(message: SessionMessage) -> dict[str, Any]:
    body = frame(message)
    if isinstance(body, types.JSONRPCError):
        raise RuntimeError(f"JSON-RPC error {body.error.code}: {body.error.message}")
    if not isinstance(body, types.JSONRPCResponse):
        raise TypeError(f"expected a response, got {kind(message)}")
    return body.result


def as_server_notification(message: SessionMessage) -> types.ServerNotificationType | None:
    body = frame(message)
    if not isinstance(body, types.JSONRPCNotification):
        return None
    return types.ServerNotification.model_validate(body.model_dump(by_alias=True, exclude_none=True)).root


def summarize(messages: Iterable[SessionMessage]) -> list[str]:
    return [kind(m) for m in messages]


def transcript(messages: Iterable[SessionMessage]) -> str:
    return "\n".join(json.dumps(json.loads(encode(m)), sort_keys=True) for m in messages)
