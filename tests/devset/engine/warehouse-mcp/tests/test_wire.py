from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from pydantic import AnyUrl  # noqa: E402

import mcp.types as types  # noqa: E402

from support import connected, make_server  # noqa: E402
from warehouse.wire import frame_for, is_current_protocol, notification_frame, snapshot_tools, summarize  # noqa: E402

CAPTURE = [
    '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",'
    '"capabilities":{},"clientInfo":{"name":"gateway","version":"3.1"}}}',
    '{"jsonrpc":"2.0","method":"notifications/initialized"}',
    '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"run_query","arguments":{"sql":"SELECT 1"}}}',
    '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"describe_table","arguments":{"table":"orders"}}}',
    '{"jsonrpc":"2.0","id":3,"result":{"content":[]}}',
    '{"jsonrpc":"2.0","id":4,"error":{"code":-32602,"message":"Unknown tool: drop_all"}}',
    '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}',
    "",
    "not json at all",
]


def test_summarize_captured_gateway_traffic() -> None:
    summary = summarize(CAPTURE)

    assert summary.requests == {"initialize": 1, "tools/call": 2}
    assert summary.notifications == {"notifications/initialized": 1}
    assert [(c.request_id, c.tool) for c in summary.tool_calls] == [(2, "run_query"), (3, "describe_table")]
    assert summary.tool_calls[1].arguments == {"table": "orders"}
    assert [e.code for e in summary.errors] == [types.INVALID_PARAMS]
    assert summary.rejected_lines == 2
    assert summary.protocol_version == "2025-06-18"
    assert summary.supported is True
    assert not is_current_protocol("2025-06-18")
    assert is_current_protocol(types.LATEST_PROTOCOL_VERSION)


async def test_tool_snapshot_uses_wire_field_names() -> None:
    async with connected(make_server()) as session:
        tools = (await session.list_tools()).tools

    snapshot = snapshot_tools(tools)
    by_name = {entry["name"]: entry for entry in snapshot}
    assert [entry["name"] for entry in snapshot] == sorted(by_name)
    describe = by_name["describe_table"]
    assert describe["inputSchema"]["required"] == ["table"]
    assert "outputSchema" in describe
    assert describe["annotations"] == {"readOnlyHint": True, "idempotentHint": True, "openWorldHint": False}
    assert "meta" not in by_name["table_stats"] and "_meta" not in by_name["table_stats"]


def test_notification_frames_round_trip() -> None:
    notification = types.ServerNotification(
        types.ResourceUpdatedNotification(
            method="notifications/resources/updated",
            params=types.ResourceUpdatedNotificationParams(uri=AnyUrl("warehouse://tables/orders/schema")),
        )
    )
    message = notification_frame(notification)
    line = frame_for(message)

    assert json.loads(line) == {
        "jsonrpc": "2.0",
        "method": "notifications/resources/updated",
        "params": {"uri": "warehouse://tables/orders/schema"},
    }
    parsed = types.JSONRPCMessage.model_validate_json(line).root
    assert isinstance(parsed, types.JSONRPCNotification)
    again = types.ServerNotification.model_validate(parsed.model_dump(by_alias=True, exclude_none=True))
    assert isinstance(again.root, types.ResourceUpdatedNotification)
    assert again.root.params.uri.host == "tables"
