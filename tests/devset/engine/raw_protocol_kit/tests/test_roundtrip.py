"""End-to-end: probe client <-> echo ServerSession over LineTransport byte pipes."""

from unittest import mock

import anyio
from mcp import types as t
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage

from rpk import echo
from rpk.probe import Probe, Tap
from rpk.transport import memory_pair


def test_echo_over_line_transport():
    async def run():
        async with memory_pair() as ((c_read, c_write), (s_read, s_write)):
            async with anyio.create_task_group() as tg:
                tg.start_soon(echo.serve, s_read, s_write)
                async with Probe(c_read, c_write) as probe:
                    assert probe.server_name == "rpk-echo"
                    tools = await probe.session.list_tools()
                    assert tools.tools[0].inputSchema["properties"]["text"] == {"type": "string"}
                    result = await probe.call("echo", {"text": "x" * 2000})
                    assert not result.isError
                    assert result.structuredContent == {"text": "x" * 2000}
                    missing = await probe.call("nope", {})
                    assert missing.isError
                    await probe.ping()
                    await anyio.sleep(0.05)
                    payloads = probe.recorder.log_payloads()
                    assert payloads[0] == {"tool": "echo", "args": {"text": "x" * 2000}}
                tg.cancel_scope.cancel()

    anyio.run(run)


def test_tap_sees_both_directions():
    async def run():
        tap = Tap()
        async with create_client_server_memory_streams() as (client_side, server_side):
            relay_c2s_send, relay_c2s_recv = anyio.create_memory_object_stream[SessionMessage](16)
            relay_s2c_send, relay_s2c_recv = anyio.create_memory_object_stream[SessionMessage | Exception](16)
            async with anyio.create_task_group() as tg:
                # client writes -> relay_c2s_send... tap forwards into the real server stream
                tg.start_soon(tap.relay, "c2s", relay_c2s_recv, client_side[1])
                tg.start_soon(tap.relay, "s2c", client_side[0], relay_s2c_send)
                tg.start_soon(echo.serve, server_side[0], server_side[1])
                async with Probe(relay_s2c_recv, relay_c2s_send) as probe:
                    await probe.call("echo", {"a": 1})
                tg.cancel_scope.cancel()
        assert tap.methods("c2s")[:3] == ["initialize", "notifications/initialized", "tools/call"]
        assert "notifications/message" in tap.methods("s2c")

    anyio.run(run)


def test_init_options_capabilities():
    opts = echo.init_options(version="9.9")
    assert opts.capabilities.tools is not None
    assert opts.capabilities.tools.listChanged is False
    assert opts.server_version == "9.9"


def test_websocket_transport_reports_missing_extra():
    from rpk import transport

    async def run():
        with mock.patch.dict("sys.modules", {"mcp.client.websocket": None}):
            try:
                async with transport.websocket_transport("ws://localhost:1/mcp"):
                    pass
            except RuntimeError as exc:
                assert "mcp[ws]" in str(exc)
            else:
                raise AssertionError("expected RuntimeError")

    anyio.run(run)


def test_raw_and_cancel_notifications():
    async def run():
        async with memory_pair() as ((c_read, c_write), (s_read, s_write)):
            async with anyio.create_task_group() as tg:
                tg.start_soon(echo.serve, s_read, s_write)
                async with Probe(c_read, c_write) as probe:
                    empty = await probe.raw("ping")
                    assert isinstance(empty, t.EmptyResult)
                    await probe.notify_cancelled(999, reason="unit test")
                    assert probe.recorder.errors == []
                tg.cancel_scope.cancel()

    anyio.run(run)
