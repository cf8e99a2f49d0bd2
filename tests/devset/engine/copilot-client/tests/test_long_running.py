from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from fixture_server import build_workspace_server  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402

from copilot.long_running import run_long_tool, server_supports_tool_tasks  # noqa: E402
from copilot.results import tool_text  # noqa: E402


def _task(status: types.TaskStatus, message: str | None = None) -> dict[str, object]:
    now = datetime(2025, 6, 1, tzinfo=timezone.utc)
    return {"taskId": "t-1", "status": status, "statusMessage": message, "createdAt": now, "lastUpdatedAt": now, "ttl": 60000}


async def test_long_tool_falls_back_to_progress_without_tasks() -> None:
    statuses: list[str] = []
    async with create_connected_server_and_client_session(build_workspace_server()) as session:
        assert not server_supports_tool_tasks(session)
        result = await run_long_tool(session, "lint", {"path": "a.py"}, statuses.append)
    assert tool_text(result) == "1 warning"
    assert statuses == ["parsing", "done"]


async def test_long_tool_uses_experimental_tasks_when_offered() -> None:
    session = mock.MagicMock(spec=ClientSession)
    session.get_server_capabilities.return_value = types.ServerCapabilities(
        tasks=types.ServerTasksCapability(
            requests=types.ServerTasksRequestsCapability(
                tools=types.TasksToolsCapability(call=types.TasksCallCapability())
            )
        )
    )

    async def poll(task_id: str) -> AsyncIterator[types.GetTaskResult]:
        steps: list[tuple[types.TaskStatus, str | None]] = [
            (types.TASK_STATUS_WORKING, "indexing"),
            (types.TASK_STATUS_INPUT_REQUIRED, None),
            (types.TASK_STATUS_COMPLETED, "indexed 42 files"),
        ]
        for status, message in steps:
            yield types.GetTaskResult.model_validate(_task(status, message))

    session.experimental.call_tool_as_task = mock.AsyncMock(
        return_value=types.CreateTaskResult.model_validate({"task": _task("working")})
    )
    session.experimental.poll_task = poll
    session.experimental.get_task_result = mock.AsyncMock(
        return_value=types.CallToolResult(content=[types.TextContent(type="text", text="indexed")])
    )
    statuses: list[str] = []
    result = await run_long_tool(session, "reindex", {}, statuses.append, ttl_ms=1000)
    assert tool_text(result) == "indexed"
    assert statuses == ["task t-1 working", "indexing", "waiting for your input", "indexed 42 files"]
    session.experimental.call_tool_as_task.assert_awaited_once_with("reindex", {}, ttl=1000)
    session.experimental.get_task_result.assert_awaited_once_with("t-1", types.CallToolResult)
