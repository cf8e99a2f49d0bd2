"""Long-running tools: use server-side tasks when the server offers them,
otherwise fall back to a plain call with progress notifications."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import mcp.types as types
from mcp.client.session import ClientSession

logger = logging.getLogger(__name__)

StatusFn = Callable[[str], None]


def server_supports_tool_tasks(session: ClientSession) -> bool:
    caps = session.get_server_capabilities()
    if caps is None or caps.tasks is None or caps.tasks.requests is None:
        return False
    tools = caps.tasks.requests.tools
    return tools is not None and tools.call is not None


async def run_long_tool(
    session: ClientSession,
    name: str,
    arguments: dict[str, Any],
    on_status: StatusFn,
    *,
    ttl_ms: int = 5 * 60_000,
) -> types.CallToolResult:
    if not server_supports_tool_tasks(session):

        async def progress(progress: float, total: float | None, message: str | None) -> None:
            on_status(message or (f"{progress:g}/{total:g}" if total else f"{progress:g}"))

        return await session.call_tool(name, arguments, progress_callback=progress)

    created = await session.experimental.call_tool_as_task(name, arguments, ttl=ttl_ms)
    task_id = created.task.taskId
    on_status(f"task {task_id} {created.task.status}")
    last: types.GetTaskResult | None = None
    async for status in session.experimental.poll_task(task_id):
        last = status
        if status.status == types.TASK_STATUS_INPUT_REQUIRED:
            on_status("waiting for your input")
        else:
            on_status(status.statusMessage or status.status)
    if last is not None and last.status in (types.TASK_STATUS_FAILED, types.TASK_STATUS_CANCELLED):
        raise RuntimeError(f"task {task_id} ended as {last.status}: {last.statusMessage or 'no details'}")
    return await session.experimental.get_task_result(task_id, types.CallToolResult)
