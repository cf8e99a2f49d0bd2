from __future__ import annotations

import anyio
from pydantic import ValidationError

import mcp.types as types
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage

from evalharness.calibration import build_calibration_server
from evalharness.runner import connect_in_process
from evalharness.tracing import ping_roundtrip
from evalharness.wire import FrameLog, RawProbe, classify, conformance_failures, parse_jsonl, run_conformance


async def test_frames_are_captured_and_reparsed() -> None:
    async with connect_in_process(build_calibration_server(), capture_frames=True) as conn:
        await ping_roundtrip(conn.session)
        await conn.session.call_tool("echo", {"text": "wire"})
        frames = conn.frames
        assert frames is not None

    assert frames.methods("out")[:3] == ["initialize", "notifications/initialized", "ping"]
    ping = next(f for f in frames.frames if f.method == "ping")
    assert ping.raw == '{"method":"ping","jsonrpc":"2.0","id":1}'
    typed = frames.outbound_requests()
    assert isinstance(typed[0], types.InitializeRequest) and typed[0].params.clientInfo.name == "evalharness"
    assert isinstance(typed[1], types.PingRequest) and typed[1].params is None
    assert isinstance(typed[2], types.CallToolRequest) and typed[2].params.arguments == {"text": "wire"}

    messages = parse_jsonl(frames.to_jsonl().splitlines())
    assert [classify(m)[0] for m in messages][:3] == ["request", "response", "notification"]
    init_reply = messages[1].model_dump(by_alias=True)
    assert init_reply["result"]["serverInfo"]["name"] == "evalharness-calibration"


def test_log_parsing_is_strict_and_typed() -> None:
    log = FrameLog()
    notification = types.ServerNotification(
        types.LoggingMessageNotification(
            method="notifications/message",
            params=types.LoggingMessageNotificationParams(level="warning", data={"disk": "92%"}, logger="ops"),
        )
    )
    payload = notification.model_dump(by_alias=True, mode="json", exclude_none=True)
    log.record("in", SessionMessage(types.JSONRPCMessage(types.JSONRPCNotification(jsonrpc="2.0", **payload))))
    log.record("in", RuntimeError("transport hiccup"))
    [first] = log.inbound_notifications()
    assert isinstance(first, types.LoggingMessageNotification) and first.params.level == "warning"
    assert [f.kind for f in log.frames] == ["notification", "exception"]

    null_id = '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}'
    try:
        parse_jsonl([null_id])
    except ValidationError:
        pass
    else:
        raise AssertionError("a null-id error frame should not parse")


async def test_raw_probe_conformance_against_lowlevel_server() -> None:
    server = build_calibration_server()
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
            probe = RawProbe(*client_streams, timeout=3.0)
            init = await probe.handshake()
            assert (init.serverInfo.name, init.protocolVersion) == ("evalharness-calibration", "2025-11-25")
            assert init.capabilities.prompts is None
            codes = await run_conformance(probe)
            assert codes == {
                "ping": None,
                "unknown-method": types.INVALID_PARAMS,
                "call-missing-name": types.INVALID_PARAMS,
                "prompts-unsupported": types.METHOD_NOT_FOUND,
            }
            assert conformance_failures(codes) == []
            assert probe.log.methods("out")[:2] == ["initialize", "notifications/initialized"]
            tg.cancel_scope.cancel()
