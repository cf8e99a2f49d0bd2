import json

from mcp import types as t
from mcp.shared.exceptions import McpError
from mcp.shared.message import SessionMessage
from pydantic import ValidationError

from rpk import errors, framing


def test_make_request_roundtrip():
    msg = framing.make_request("tools/list", {"cursor": "abc"}, id=7)
    line = framing.encode_line(msg)
    assert line.endswith(b"\n")
    decoded = framing.decode_line(line)
    assert framing.classify(decoded.message) == "request"
    assert isinstance(decoded.message.root, t.JSONRPCRequest)
    assert decoded.message.root.id == 7
    assert decoded.message.root.params == {"cursor": "abc"}


def test_typed_client_request_serialises_with_wire_names():
    request = t.ClientRequest(
        t.CallToolRequest(params=t.CallToolRequestParams(name="echo", arguments={"text": "hi"}))
    )
    msg = framing.from_client_request(request, id="abc")
    payload = json.loads(framing.encode_line(msg))
    assert payload == {"jsonrpc": "2.0", "id": "abc", "method": "tools/call",
                       "params": {"name": "echo", "arguments": {"text": "hi"}}}
    back = framing.as_client_request(msg.message)
    assert back is not None and isinstance(back.root, t.CallToolRequest)


def test_make_result_uses_wire_field_names():
    result = t.InitializeResult(
        protocolVersion=t.LATEST_PROTOCOL_VERSION,
        capabilities=t.ServerCapabilities(),
        serverInfo=t.Implementation(name="x", version="1"),
    )
    msg = framing.make_result(1, result)
    root = msg.message.root
    assert isinstance(root, t.JSONRPCResponse)
    assert root.result["serverInfo"] == {"name": "x", "version": "1"}
    assert "protocolVersion" in root.result


def test_server_notification_parsing():
    msg = framing.make_notification(
        "notifications/message", {"level": "info", "data": {"k": 1}, "logger": "probe"}
    )
    note = framing.as_server_notification(msg.message)
    assert note is not None
    assert isinstance(note.root, t.LoggingMessageNotification)
    assert note.root.params.data == {"k": 1}
    assert framing.as_server_notification(framing.make_request("ping").message) is None


def test_decoder_handles_split_and_garbage():
    decoder = framing.FrameDecoder()
    a = framing.encode_line(framing.make_notification("notifications/initialized"))
    b = framing.encode_line(framing.make_request("ping", id=3))
    data = a + b"{not json}\n" + b
    out = []
    for i in range(0, len(data), 5):
        out.extend(decoder.feed(data[i : i + 5]))
    assert [type(x).__name__ for x in out] == ["SessionMessage", "ValidationError", "SessionMessage"]
    assert decoder.pending == 0
    assert isinstance(out[0], SessionMessage) and framing.method_of(out[0].message) == "notifications/initialized"


def test_error_helpers():
    msg = errors.error_response(None, t.PARSE_ERROR, "Parse error")
    root = msg.message.root
    assert isinstance(root, t.JSONRPCError) and root.id == errors.UNATTRIBUTED_ID
    try:
        errors.raise_for_error(msg.message)
    except McpError as exc:
        assert exc.error.code == t.PARSE_ERROR
        assert errors.describe(exc.error) == "parse error: Parse error"
    else:
        raise AssertionError("expected McpError")


def test_null_id_error_needs_shim():
    payload = {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "Parse error"}}
    try:
        t.JSONRPCMessage.model_validate(payload)
    except ValidationError:
        pass
    else:
        raise AssertionError("mcp accepted a null id; the shim can go")
    parsed = errors.parse_error_payload(payload)
    assert parsed.id == errors.UNATTRIBUTED_ID


def test_from_exception_mapping():
    assert errors.from_exception(ValueError("bad")).code == t.INVALID_PARAMS
    err = errors.not_found("frobnicate")
    assert errors.from_exception(err) is err.error
    assert errors.from_exception(RuntimeError("boom")).message == "RuntimeError: boom"
    timeout = McpError(t.ErrorData(code=408, message="Timed out"))
    assert errors.is_timeout(timeout)
