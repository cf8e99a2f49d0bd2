from __future__ import annotations

import anyio

import mcp.types as types
from pytest_mcp_kit import LogCapture, McpHarness, NotificationCollector, jsonrpc
from tests.sample_server import build_ledger_server, build_notes_app


async def test_wire_log_records_handshake_and_exact_ping_frame() -> None:
    async with McpHarness(build_ledger_server()).open() as conn:
        await conn.session.send_ping()
        await conn.session.list_tools()

    wire = conn.wire
    assert wire.methods("client->server") == ["initialize", "notifications/initialized", "ping", "tools/list"]
    init = wire.requests("initialize")[0]
    assert init.params is not None and init.params["clientInfo"]["name"] == "pytest-mcp-kit"
    ping = [f for f in wire.sent_by("client") if f.method == "ping"][0]
    assert ping.to_wire() == {"jsonrpc": "2.0", "id": 1, "method": "ping"}
    listing = wire.requests("tools/list")[0]
    listed = wire.response_to(listing.id)
    assert listing.params is None and isinstance(listed, types.JSONRPCResponse)
    assert listed.result["tools"][0]["inputSchema"]["required"] == ["account"]
    assert wire.frames[1].to_wire()["result"]["serverInfo"] == {"name": "ledger", "version": "0.3.0"}


async def test_server_log_frames_carry_the_related_request_id() -> None:
    async with McpHarness(build_notes_app()).open(logging_callback=LogCapture()) as conn:
        await conn.session.call_tool("count_to", {"steps": 2})
        related = conn.wire.related_to(conn.wire.requests("tools/call")[0].id)
        assert [f.method for f in related] == ["notifications/message"] * 3
        assert related[0].to_wire()["params"] == {"level": "info", "data": "counting to 2"}


async def test_injected_frames_reach_client_and_server() -> None:
    logs, collector = LogCapture(), NotificationCollector()
    async with McpHarness(build_ledger_server()).open(logging_callback=logs, message_handler=collector) as conn:
        await conn.transport.inject_to_client(jsonrpc.notification("notifications/message", {"level": "warning", "data": "disk"}))
        await conn.transport.inject_to_client(jsonrpc.server_notification(types.ResourceListChangedNotification()))
        await collector.wait_for("notifications/resources/list_changed")

        await conn.transport.inject_to_server(jsonrpc.request("kit/does-not-exist", {"x": 1}, id=900))
        with anyio.fail_after(2):
            while conn.wire.response_to(900) is None:
                await anyio.sleep(0.01)
        answer = conn.wire.response_to(900)
        assert isinstance(answer, types.JSONRPCError) and answer.error.code == types.INVALID_PARAMS
        assert answer.error.message == "Invalid request parameters"

    assert logs.texts("warning") == ["disk"]
    assert collector.methods() == ["notifications/message", "notifications/resources/list_changed"]
    assert any("unknown request ID" in str(e) for e in collector.errors)
