from __future__ import annotations

from datetime import timedelta

import anyio
from pydantic import AnyUrl

from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import (
    LoggingMessageNotification,
    LoggingMessageNotificationParams,
    ServerNotification,
    ToolListChangedNotification,
)
from mcptoolkit import NotificationRecorder, ToolkitClient
from mcptoolkit.testing import build_fastmcp_server, build_lowlevel_server


def test_tool_list_changed_invalidates_cache() -> None:
    async def main() -> None:
        recorder = NotificationRecorder()
        async with create_connected_server_and_client_session(
            build_fastmcp_server(), message_handler=recorder, read_timeout_seconds=timedelta(seconds=5)
        ) as session:
            client = ToolkitClient(session)
            recorder.client = client
            before = await client.tool_index()
            assert "multiply" not in before
            await client.call("enable_extras")
            assert await recorder.wait_for_tools_changed()
            assert recorder.counts["notifications/tools/list_changed"] == 1
            after = await client.tool_index()
            assert "multiply" in after
            product = await client.call("multiply", {"a": 6, "b": 7})
            assert product.text == "42"

    anyio.run(main)


def test_logging_goes_to_callback_and_handler() -> None:
    received: list[LoggingMessageNotificationParams] = []

    async def on_log(params: LoggingMessageNotificationParams) -> None:
        received.append(params)

    async def main() -> None:
        recorder = NotificationRecorder()
        async with create_connected_server_and_client_session(
            build_fastmcp_server(), logging_callback=on_log, message_handler=recorder
        ) as session:
            await session.call_tool("slow_count", {"n": 1})
        assert [p.data for p in received] == ["counted to 1"]
        assert recorder.log_lines == ["info: counted to 1"]

    anyio.run(main)


def test_resource_updated_after_subscribe() -> None:
    async def main() -> None:
        recorder = NotificationRecorder()
        async with create_connected_server_and_client_session(build_lowlevel_server(), message_handler=recorder) as session:
            await session.subscribe_resource(AnyUrl("memo://readme"))
            with anyio.fail_after(2):
                while not recorder.updated_uris:
                    await anyio.sleep(0.01)
        assert recorder.updated_uris == ["memo://readme"]

    anyio.run(main)


def test_recorder_handles_raw_notifications() -> None:
    async def main() -> None:
        recorder = NotificationRecorder()
        await recorder(ServerNotification(ToolListChangedNotification(method="notifications/tools/list_changed")))
        await recorder(
            ServerNotification(
                LoggingMessageNotification(params=LoggingMessageNotificationParams(level="warning", data="disk low"))
            )
        )
        await recorder(RuntimeError("stream closed"))
        assert recorder.tools_changed.is_set()
        assert recorder.log_lines == ["warning: disk low"]
        assert len(recorder.errors) == 1

    anyio.run(main)
