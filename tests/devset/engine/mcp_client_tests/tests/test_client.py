from __future__ import annotations

from datetime import timedelta
from unittest.mock import AsyncMock, patch

import anyio

from mcp.client.session import ClientSession
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import (
    INVALID_PARAMS,
    CallToolResult,
    ErrorData,
    ListToolsResult,
    TextContent,
    Tool,
)
from mcptoolkit import ToolCallError, ToolkitClient, ToolOutcome
from mcptoolkit.testing import build_fastmcp_server, build_lowlevel_server


def test_fastmcp_add_structured() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_fastmcp_server()) as session:
            client = ToolkitClient(session)
            outcome = await client.call("add", {"a": 2, "b": 3})
            assert outcome.structured == {"result": 5}
            assert outcome.text == "5"
            assert not outcome.is_error

    anyio.run(main)


def test_tool_exception_becomes_is_error() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_fastmcp_server()) as session:
            result = await session.call_tool("explode", {"reason": "test"})
            assert result.isError is True
            assert isinstance(result.content[0], TextContent)
            assert "boom: test" in result.content[0].text
            dumped = result.model_dump(exclude_none=True)
            assert dumped["isError"] is True

    anyio.run(main)


def test_progress_callback_receives_updates() -> None:
    seen: list[tuple[float, float | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total))

    async def main() -> None:
        async with create_connected_server_and_client_session(build_fastmcp_server()) as session:
            outcome = await ToolkitClient(session).call("slow_count", {"n": 3}, progress=on_progress)
            assert outcome.text == "counted 3"

    anyio.run(main)
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_lowlevel_pagination_walks_every_page() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_lowlevel_server(page_size=2)) as session:
            tools = await ToolkitClient(session).list_all_tools()
            assert [t.name for t in tools] == ["tool_0", "tool_1", "tool_2", "tool_3", "tool_4", "now"]
            first = await session.list_tools()
            assert first.nextCursor == "2"

    anyio.run(main)


def test_lowlevel_error_codes() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_lowlevel_server()) as session:
            client = ToolkitClient(session)
            crashed = await client.call("tool_3", {"x": 1})
            assert crashed.is_error and "tool_3 crashed" in crashed.text
            disabled = await client.call("tool_4", {"x": 1})
            assert disabled.is_error and "tool_4 is disabled" in disabled.text
            structured = await client.call("now")
            assert structured.structured == {"iso": "2025-01-01T00:00:00Z"}
            try:
                await client.call("tool_0", {})
            except ToolCallError as exc:
                assert exc.code == INVALID_PARAMS
            else:
                raise AssertionError("expected ToolCallError")

    anyio.run(main)


def test_mcp_error_is_mapped_with_mocked_session() -> None:
    session = AsyncMock(spec=ClientSession)
    session.list_tools.return_value = ListToolsResult(
        tools=[Tool(name="deploy", inputSchema={"type": "object"})], nextCursor=None
    )
    session.call_tool.side_effect = McpError(ErrorData(code=408, message="Timed out while waiting for response"))
    client = ToolkitClient(session, tool_timeout=timedelta(seconds=1))

    async def main() -> None:
        try:
            await client.call("deploy", {})
        except ToolCallError as exc:
            assert exc.code == 408
            assert "Timed out" in str(exc)
        else:
            raise AssertionError("expected ToolCallError")

    anyio.run(main)
    session.call_tool.assert_awaited_once_with(
        "deploy", {}, read_timeout_seconds=timedelta(seconds=1), progress_callback=None
    )


def test_patched_call_tool_returns_error_result() -> None:
    canned = CallToolResult(content=[TextContent(type="text", text="quota exceeded")], isError=True)

    async def main() -> None:
        async with create_connected_server_and_client_session(build_fastmcp_server()) as session:
            with patch("mcp.client.session.ClientSession.call_tool", new=AsyncMock(return_value=canned)) as mocked:
                outcome = await ToolkitClient(session).call("add", {"a": 1, "b": 1})
            assert mocked.await_count == 1
            assert outcome == ToolOutcome(text="quota exceeded", structured=None, is_error=True)

    anyio.run(main)


def test_ping_and_capabilities() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_lowlevel_server()) as session:
            client = ToolkitClient(session)
            assert await client.ping()
            assert client.supports_tool_list_changed()
            caps = session.get_server_capabilities()
            assert caps is not None and caps.resources is not None
            assert caps.resources.subscribe is False

    anyio.run(main)
