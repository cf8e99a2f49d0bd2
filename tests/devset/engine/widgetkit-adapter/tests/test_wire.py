"""Raw JSON-RPC framing: record/replay helpers against a running adapter."""

from __future__ import annotations

import mcp.types as types
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from pydantic import ValidationError

from tests.demo_app import build_app
from widgetkit.adapter import McpAdapter
from widgetkit.testing import raw_connection
from widgetkit.wire import WireClient, as_client_request, dump_frame, parse_line


async def test_raw_handshake_and_tool_call_are_recorded() -> None:
    adapter = McpAdapter(build_app())
    async with raw_connection(adapter) as streams:
        client = WireClient(streams)
        init = await client.handshake()
        assert init.serverInfo == types.Implementation(name="inventory", version="2.4.0")
        assert init.protocolVersion == SUPPORTED_PROTOCOL_VERSIONS[-1] == types.LATEST_PROTOCOL_VERSION
        assert init.capabilities.resources is not None and init.capabilities.resources.subscribe

        reply = await client.request(
            "tools/call",
            {"name": "export_rows", "arguments": {"rows": 2}, "_meta": {"progressToken": "exp-1"}},
        )
        assert isinstance(reply, types.JSONRPCResponse)
        assert types.CallToolResult.model_validate(reply.result).isError is False

        missing = await client.request("resources/read", {"uri": "widget://pages/missing"})
        assert isinstance(missing, types.JSONRPCError) and missing.error.code == types.INVALID_PARAMS

    progress = [n for n in client.notifications if isinstance(n, types.ProgressNotification)]
    assert [(p.params.progressToken, p.params.progress, p.params.total) for p in progress] == [
        ("exp-1", 1, 2),
        ("exp-1", 2, 2),
    ]
    logs = [n for n in client.notifications if isinstance(n, types.LoggingMessageNotification)]
    assert logs and logs[0].params.data["tool"] == "export_rows"
    assert client.methods() == [
        "initialize",
        "notifications/initialized",
        "tools/call",
        "notifications/message",
        "notifications/progress",
        "notifications/progress",
        "resources/read",
    ]
    call = client.frames("out")[2]
    assert isinstance(call, types.JSONRPCRequest)
    parsed = as_client_request(call)
    assert isinstance(parsed, types.CallToolRequest)
    assert parsed.params.meta is not None and parsed.params.meta.progressToken == "exp-1"


def test_frame_round_trip_and_strict_ids() -> None:
    ping = types.JSONRPCMessage(types.JSONRPCRequest(jsonrpc="2.0", id=1, method="ping"))
    assert dump_frame(ping) == '{"method":"ping","jsonrpc":"2.0","id":1}'
    note = parse_line('{"jsonrpc":"2.0","method":"notifications/tools/list_changed"}')
    assert isinstance(note, types.JSONRPCNotification)

    try:
        parse_line('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}')
    except ValidationError:
        pass
    else:
        raise AssertionError("error frames must carry a request id")

    err = parse_line('{"jsonrpc":"2.0","id":"7","error":{"code":-32601,"message":"Method not found"}}')
    assert isinstance(err, types.JSONRPCError) and err.error.code == types.METHOD_NOT_FOUND
