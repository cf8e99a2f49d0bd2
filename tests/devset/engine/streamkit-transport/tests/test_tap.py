from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import anyio  # noqa: E402
import mcp.types as types  # noqa: E402
from echo_server import build_echo_server  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.session import RequestResponder  # noqa: E402

from streamkit.codec import make_notification  # noqa: E402
from streamkit.connection import Connector  # noqa: E402
from streamkit.loopback import serve_in_memory  # noqa: E402
from streamkit.tap import MessageTap, drop_logs_below, redact_arguments  # noqa: E402


async def test_tap_records_both_directions() -> None:
    tap = MessageTap()
    async with serve_in_memory(build_echo_server()) as streams:
        async with tap.wrap(streams) as tapped:
            async with ClientSession(*tapped) as session:
                await session.initialize()
                result = await session.call_tool("echo", {"text": "ping"})
                block = result.content[0]
                assert isinstance(block, types.TextContent) and block.text == "ping"
    assert tap.methods("client->server")[:3] == ["initialize", "notifications/initialized", "tools/call"]
    responses = [r for r in tap.records if r.direction == "server->client" and r.kind == "response"]
    assert responses and responses[0].request_id == 0


async def test_log_filter_drops_low_levels() -> None:
    received: list[types.LoggingMessageNotificationParams] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        received.append(params)

    tap = MessageTap(filters=[drop_logs_below("warning")])
    connector = Connector(tap=tap, logging_callback=on_log)
    async with connector.in_process(build_echo_server()) as (session, _info):
        await session.call_tool("chatty", {})
        with anyio.fail_after(2):
            while len(received) < 2:
                await anyio.sleep(0.01)
    assert [p.level for p in received] == ["warning", "error"]
    assert len(tap.dropped()) == 2
    assert all(r.method == "notifications/message" for r in tap.dropped())


async def test_redaction_rewrites_outgoing_arguments() -> None:
    tap = MessageTap(filters=[redact_arguments({"password"})])
    async with Connector(tap=tap).in_process(build_echo_server()) as (session, _info):
        result = await session.call_tool("login", {"user": "ada", "password": "hunter2"})
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    assert block.text == "ada:***"


async def test_injected_notifications_reach_the_session() -> None:
    seen: list[str] = []

    async def on_message(
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, types.ServerNotification):
            root = message.root
            if isinstance(root, types.LoggingMessageNotification):
                seen.append(f"{root.params.level}:{root.params.data}")
            elif isinstance(root, types.ToolListChangedNotification):
                seen.append("tools-changed")

    tap = MessageTap()
    async with Connector(tap=tap, message_handler=on_message).in_process(build_echo_server()) as (session, _):
        await tap.inject_log("notice", "replayed from capture")
        await tap.inject(make_notification("notifications/tools/list_changed"))
        await session.send_ping()
        with anyio.fail_after(2):
            while len(seen) < 2:
                await anyio.sleep(0.01)
    assert seen == ["notice:replayed from capture", "tools-changed"]
