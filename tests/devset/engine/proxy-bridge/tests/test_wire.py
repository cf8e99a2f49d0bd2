from __future__ import annotations

import json

from mcp import types
from mcpbridge.wire import (
    AuditTrail,
    classify_client_notification,
    classify_client_request,
    encode_frame,
    parse_frame,
)

CALL = (
    '{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"wx.forecast",'
    '"arguments":{"city":"Oslo"},"_meta":{"progressToken":"p-1","tenant":"acme"}}}'
)


def test_parse_and_classify_request_frames() -> None:
    frame = parse_frame(CALL)
    assert isinstance(frame, types.JSONRPCRequest) and frame.id == 7
    request = classify_client_request(frame)
    assert isinstance(request, types.CallToolRequest)
    assert request.params.arguments == {"city": "Oslo"}
    meta = request.params.meta
    assert meta is not None and meta.progressToken == "p-1" and meta.model_extra == {"tenant": "acme"}
    assert json.loads(encode_frame(frame)) == json.loads(CALL)


def test_malformed_and_null_id_frames_are_dropped() -> None:
    assert parse_frame("{not json") is None
    assert parse_frame('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}') is None
    error = parse_frame('{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"Method not found"}}')
    assert isinstance(error, types.JSONRPCError) and error.error.code == types.METHOD_NOT_FOUND
    note = parse_frame('{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7,"reason":"user"}}')
    assert isinstance(note, types.JSONRPCNotification)
    cancelled = classify_client_notification(note)
    assert isinstance(cancelled, types.CancelledNotification) and cancelled.params.requestId == 7


def test_audit_trail_keeps_wire_shaped_entries() -> None:
    trail = AuditTrail(limit=2)
    ok = types.CallToolResult(content=[types.TextContent(type="text", text="{}")], structuredContent={"x": 1})
    failed = types.CallToolResult(content=[types.TextContent(type="text", text="boom")], isError=True)
    for upstream, tool, result in [("wx", "forecast", ok), ("nt", "explode", failed), ("wx", "forecast", ok)]:
        trail.record_call(upstream, tool, result)
    assert [e["tool"] for e in trail.entries] == ["explode", "forecast"]
    assert trail.entries[-1] == {"upstream": "wx", "tool": "forecast", "isError": False, "hasStructured": True}
    assert trail.failures() == [{"upstream": "nt", "tool": "explode", "isError": True, "hasStructured": False}]
