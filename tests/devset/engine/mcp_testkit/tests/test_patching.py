from unittest.mock import patch

import anyio
from mcp import ClientSession
from mcp.types import INTERNAL_ERROR, CallToolResult

from mcp_testkit import (
    CALL_TOOL,
    connected_session,
    patch_call_tool,
    patch_request_failure,
    raises_mcp_error,
    snapshot,
    tool_result,
)
from mcp_testkit.patching import FASTMCP_CALL_TOOL
from mcp_testkit.servers import make_fastmcp


async def summarize(session: ClientSession, topic: str) -> str:
    """Code under test: a tiny client routine calling a remote tool."""
    result = await session.call_tool("search", {"q": topic})
    if result.isError:
        return "unavailable"
    return f"{topic}: {result.structuredContent or {}}"


def test_patched_call_tool_sequence():
    async def body():
        async with connected_session(make_fastmcp()) as session:
            with patch_call_tool(tool_result(structured={"hits": 2}), tool_result("down", error=True)) as mocked:
                assert await summarize(session, "mcp") == "mcp: {'hits': 2}"
                assert await summarize(session, "mcp") == "unavailable"
            assert mocked.await_count == 2
            mocked.assert_awaited_with("search", {"q": "mcp"})

    anyio.run(body)


def test_tool_result_snapshot_uses_wire_names():
    data = snapshot(tool_result("boom", structured={"n": 1}, error=True))
    assert data == {
        "content": [{"type": "text", "text": "boom"}],
        "structuredContent": {"n": 1},
        "isError": True,
    }
    assert CallToolResult.model_validate(data).isError


def test_request_failures_surface_as_mcp_error():
    async def body():
        async with connected_session(make_fastmcp()) as session:
            with patch_request_failure(INTERNAL_ERROR, "backend unavailable"):
                with raises_mcp_error(INTERNAL_ERROR, match="backend") as caught:
                    await session.list_tools()
            assert caught.error is not None and caught.error.message == "backend unavailable"
            tools = await session.list_tools()
            assert len(tools.tools) == 4

    anyio.run(body)


def test_server_side_patch_target():
    async def fake_call_tool(self, name, arguments):
        return [{"type": "text", "text": f"patched {name}"}]

    async def body():
        with patch(FASTMCP_CALL_TOOL, new=fake_call_tool):
            async with connected_session(make_fastmcp()) as session:
                result = await session.call_tool("echo", {"text": "x"})
        assert result.content[0].type == "text"

    anyio.run(body)
    assert CALL_TOOL.endswith("ClientSession.call_tool")
