from __future__ import annotations

from datetime import timedelta
from unittest.mock import AsyncMock, patch

import anyio
import httpx

from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import CallToolResult, ErrorData, TextContent
from task_runner import mcp_client, tasks
from task_runner.lowlevel_worker import server as lowlevel_server
from task_runner.worker_server import mcp as worker


def _ok(total: float) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=str(total))], structuredContent={"total": total})


def test_lowlevel_worker_structured_and_progress() -> None:
    seen: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append(progress)

    async def main() -> None:
        async with create_connected_server_and_client_session(lowlevel_server) as session:
            result = await session.call_tool(
                "sum_numbers", {"numbers": [1, 2, 3.5]}, timedelta(seconds=5), progress_callback=on_progress
            )
            assert result.structuredContent == {"total": 6.5}
            bad = await session.call_tool("nope", {})
            assert bad.isError and "Unknown tool" in bad.content[0].text  # type: ignore[union-attr]
            stats = await session.call_tool("stats", {})
            assert stats.structuredContent is None

    anyio.run(main)
    assert seen == [1, 2, 3]


def test_fastmcp_worker_sync_tools() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(worker._mcp_server) as session:  # pyright: ignore[reportPrivateUsage]
            rendered = await session.call_tool("render_report", {"report_id": 7})
            assert not rendered.isError
            assert rendered.structuredContent and rendered.structuredContent["report_id"] == 7
            cleanup = await session.call_tool("schedule_cleanup", {"path": "/tmp/nothing", "delay_seconds": 0})
            assert not cleanup.isError, cleanup.content
            listing = await session.list_tools()
            assert {t.name for t in listing.tools} >= {"render_report", "lookup_contact", "schedule_cleanup"}

    anyio.run(main)


def test_call_tool_retries_on_timeout_and_caches() -> None:
    mcp_client._cache.clear()  # pyright: ignore[reportPrivateUsage]
    timeout = McpError(ErrorData(code=408, message="Timed out while waiting for response to ClientRequest."))
    fake = AsyncMock(side_effect=[timeout, _ok(3.0)])
    with patch.object(mcp_client, "_call_tool_async", fake), patch("task_runner.mcp_client.time.sleep") as sleep:
        assert tasks.sum_numbers([1, 2]) == 3.0
        assert tasks.sum_numbers([1, 2]) == 3.0  # served from cache
    assert fake.await_count == 2
    sleep.assert_called_once_with(0.5)


def test_non_retryable_error_is_raised() -> None:
    denied = McpError(ErrorData(code=-32602, message="report_id must be positive"))
    with patch.object(mcp_client, "_call_tool_async", AsyncMock(side_effect=denied)):
        try:
            mcp_client.call_tool("render_report", {"report_id": -1})
        except mcp_client.MCPToolError as exc:
            assert exc.code == -32602
        else:
            raise AssertionError("expected MCPToolError")


def test_http_status_errors_are_retried() -> None:
    request = httpx.Request("POST", "http://worker/mcp")
    boom = httpx.HTTPStatusError("503", request=request, response=httpx.Response(503, request=request))
    fake = AsyncMock(side_effect=[ExceptionGroup("transport", [boom]), httpx.ConnectError("refused"), _ok(1.0)])
    with patch.object(mcp_client, "_call_tool_async", fake), patch("task_runner.mcp_client.time.sleep"):
        assert mcp_client.call_tool("sum_numbers", {"numbers": [1]}) == {"total": 1.0}
    assert fake.await_count == 3
