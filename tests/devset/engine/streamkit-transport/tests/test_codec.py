from __future__ import annotations

import json

import mcp.types as types
from pydantic import ValidationError

from streamkit.codec import (
    NULL_ID_PLACEHOLDER,
    FrameError,
    advertised_versions,
    decode,
    decode_json,
    describe,
    encode,
    kind_of,
    make_error,
    make_notification,
    make_request,
    negotiate_version,
)


def test_round_trip_kinds_and_descriptions() -> None:
    message = make_request(7, "tools/call", {"name": "echo", "arguments": {"text": "hi"}, "_meta": {"progressToken": 7}})
    frame = encode(message)
    assert json.loads(frame)["params"]["_meta"] == {"progressToken": 7}
    back = decode(frame)
    root = back.message.root
    assert isinstance(root, types.JSONRPCRequest)
    assert root.method == "tools/call" and root.id == 7
    assert describe(back) == "request tools/call #7"
    assert decode_json(frame).message == back.message
    assert kind_of(make_notification("notifications/initialized")) == "notification"
    assert kind_of(make_error(3, types.METHOD_NOT_FOUND, "nope")) == "error"
    response = decode('{"jsonrpc": "2.0", "id": 3, "result": {}}')
    assert kind_of(response) == "response"
    assert describe(make_error(3, -32601, "nope")) == "error #3 code=-32601: nope"


def test_null_id_errors_and_bad_frames() -> None:
    frame = '{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}'
    message = decode(frame)
    root = message.message.root
    assert isinstance(root, types.JSONRPCError)
    assert root.id == NULL_ID_PLACEHOLDER
    assert root.error.code == types.PARSE_ERROR
    for frame in ("[1, 2]", "not json", '{"jsonrpc": "2.0", "id": 1}'):
        try:
            decode(frame)
        except (FrameError, ValidationError, json.JSONDecodeError) as exc:
            assert isinstance(exc, ValueError)
        else:
            raise AssertionError(f"{frame!r} decoded")


def test_version_negotiation() -> None:
    assert negotiate_version("2025-03-26") == "2025-03-26"
    assert negotiate_version("1999-01-01") == types.LATEST_PROTOCOL_VERSION
    header = advertised_versions(["2026-draft"])
    assert header.split(", ")[0] == "2026-draft"
    assert "2024-11-05" in header
