from datetime import timedelta

import anyio
import pytest
from mcp import types
from mcp.shared.memory import create_connected_server_and_client_session

from worker import JobRegistry, build_server
from worker.fast_app import mcp as fast_server

pytestmark = pytest.mark.anyio


async def test_progress_is_streamed_with_request_token():
    server = build_server(JobRegistry(step_delay=timedelta(0)))
    updates: list[tuple[float, float | None, str | None]] = []
    logs: list[types.LoggingMessageNotificationParams] = []

    async def on_progress(progress, total, message):
        updates.append((progress, total, message))

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async with create_connected_server_and_client_session(server, logging_callback=on_log) as session:
        result = await session.call_tool("crunch", {"steps": 3}, progress_callback=on_progress)
    assert result.isError is False
    assert result.structuredContent == {"job": 1, "state": "done", "completed": 3}
    assert [u[0] for u in updates] == [1, 2, 3]
    assert updates[-1] == (3, 3, "job 1: 3/3")
    assert logs[0].data == "started job 1" and logs[0].logger == "worker"


async def test_invalid_arguments_are_reported_as_tool_errors():
    server = build_server()
    async with create_connected_server_and_client_session(server) as session:
        await session.list_tools()
        result = await session.call_tool("crunch", {"steps": "many"})
        assert result.isError
        unknown = await session.call_tool("explode", {})
        assert unknown.isError
        assert "unknown tool explode" in unknown.content[0].model_dump()["text"]


async def test_cancel_from_second_request():
    registry = JobRegistry(step_delay=timedelta(milliseconds=20))
    server = build_server(registry)
    async with create_connected_server_and_client_session(server) as session:
        outcome: dict[str, types.CallToolResult] = {}

        async def start():
            outcome["crunch"] = await session.call_tool("crunch", {"steps": 500})

        async with anyio.create_task_group() as tg:
            tg.start_soon(start)
            with anyio.fail_after(2):
                while not registry.jobs:
                    await anyio.sleep(0.01)
            cancelled = await session.call_tool("cancel_job", {"job": 1})
            assert cancelled.content[0].model_dump()["text"] == "cancelled"
        assert outcome["crunch"].structuredContent is not None
        assert outcome["crunch"].structuredContent["state"] == "cancelled"


async def test_heartbeat_ping_before_job():
    server = build_server(JobRegistry(step_delay=timedelta(0)), heartbeat=True)
    async with create_connected_server_and_client_session(server, read_timeout_seconds=timedelta(seconds=5)) as s:
        result = await s.call_tool("crunch", {"steps": 1})
        assert not result.isError


async def test_client_progress_notifications_are_recorded():
    server = build_server()
    async with create_connected_server_and_client_session(server) as session:
        await session.send_progress_notification("upload-1", 5, total=10, message="halfway")
        await session.send_ping()
    assert server.client_progress == {"upload-1": 5}  # type: ignore[attr-defined]


async def test_fastmcp_progress_and_progress_helper():
    updates: list[float] = []

    async def on_progress(progress, total, message):
        updates.append(progress)

    async with create_connected_server_and_client_session(fast_server) as session:
        result = await session.call_tool("crunch", {"steps": 2}, progress_callback=on_progress)
        assert result.structuredContent == {"job": 1, "state": "done"}
        assert updates == [1, 2]

        updates.clear()
        uploaded = await session.call_tool("upload", {"chunks": ["ab", "cde"]}, progress_callback=on_progress)
        assert uploaded.structuredContent == {"result": 5}
        assert updates == [1, 2]
        assert (await session.call_tool("upload", {"chunks": ["x"]})).structuredContent == {"result": 1}
