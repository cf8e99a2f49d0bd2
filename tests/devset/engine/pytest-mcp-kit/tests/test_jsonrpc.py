from __future__ import annotations

import json

from pydantic import AnyUrl, ValidationError

import mcp.types as types
from mcp.shared.exceptions import McpError
from pytest_mcp_kit import jsonrpc


def test_request_builders_roundtrip_through_json() -> None:
    wire = jsonrpc.call_tool("add", {"a": 1}, id=1, progress_token="tok-1").model_dump_json(by_alias=True, exclude_none=True)
    assert json.loads(wire)["params"]["_meta"] == {"progressToken": "tok-1"}
    parsed = jsonrpc.parse(wire)
    assert isinstance(parsed, types.JSONRPCRequest) and parsed.id == 1
    ping = jsonrpc.client_request(types.PingRequest(method="ping"), id=2)
    assert ping.model_dump(by_alias=True, exclude_none=True) == {"jsonrpc": "2.0", "id": 2, "method": "ping"}


def test_notifications_parse_back_to_typed_models() -> None:
    params = types.ProgressNotificationParams(progressToken=7, progress=0.5, total=1.0, message="half")
    typed = jsonrpc.as_server_notification(
        jsonrpc.server_notification(types.ProgressNotification(method="notifications/progress", params=params))
    )
    assert isinstance(typed, types.ProgressNotification) and typed.params.progressToken == 7

    line = jsonrpc.notification("notifications/message", {"level": "info", "data": {"k": "v"}})
    log = jsonrpc.as_server_notification(line)
    assert isinstance(log, types.LoggingMessageNotification) and log.params.data == {"k": "v"}

    updated = types.ResourceUpdatedNotificationParams(uri=AnyUrl("kit://a/b"))
    frame = jsonrpc.server_notification(types.ResourceUpdatedNotification(method="notifications/resources/updated", params=updated))
    assert frame.model_dump(mode="json", by_alias=True, exclude_none=True)["params"]["uri"] == "kit://a/b"


def test_responses_errors_and_versions() -> None:
    ok = jsonrpc.response(3, types.CallToolResult(content=[types.TextContent(type="text", text="hi")], isError=False))
    assert jsonrpc.result_of(ok) == {"content": [{"type": "text", "text": "hi"}], "isError": False}
    try:
        jsonrpc.result_of(jsonrpc.error(4, types.INVALID_PARAMS, "nope", data={"field": "x"}))
    except McpError as exc:
        assert exc.error.data == {"field": "x"} and str(exc) == "nope"
        assert not jsonrpc.is_timeout(exc)
    else:
        raise AssertionError("error frame should raise")
    versions = jsonrpc.offered_versions(["2099-01-01"])
    assert versions[0] == "2099-01-01" and jsonrpc.LATEST_PROTOCOL_VERSION in versions


def test_null_id_errors_are_not_valid_frames() -> None:
    raw = '{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}'
    assert jsonrpc.parse_or_none(raw) is None
    try:
        jsonrpc.parse(raw)
    except ValidationError:
        pass
    else:
        raise AssertionError("null-id error frames should be rejected")
    frame = jsonrpc.parse_or_none('{"jsonrpc": "2.0", "method": "notifications/tools/list_changed"}')
    assert frame is not None and isinstance(jsonrpc.unwrap(frame), types.JSONRPCNotification)
