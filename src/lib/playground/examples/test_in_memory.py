"""In-memory tests of a FastMCP server (MCP Python SDK v1, pytest + anyio)."""

from datetime import timedelta

import pytest
from mcp.server.fastmcp import FastMCP
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import TextContent

mcp = FastMCP()


@mcp.tool()
def add(a: int, b: int) -> int:
    return a + b


@pytest.mark.anyio
async def test_add() -> None:
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        result = await session.call_tool("add", {"a": 1, "b": 2})
        assert not result.isError
        assert isinstance(result.content[0], TextContent)
        assert result.content[0].text == "3"
        assert result.structuredContent == {"result": 3}


@pytest.mark.anyio
async def test_server_info() -> None:
    async with create_connected_server_and_client_session(
        mcp._mcp_server, read_timeout_seconds=timedelta(seconds=5)
    ) as session:
        init = await session.initialize()
        assert init.serverInfo.name == "FastMCP"
        assert init.protocolVersion


@pytest.mark.anyio
async def test_tool_listing() -> None:
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        tools = await session.list_tools()
        assert tools.tools[0].inputSchema["required"] == ["a", "b"]
        assert tools.nextCursor is None


@pytest.mark.anyio
async def test_unknown_tool() -> None:
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        with pytest.raises(McpError):
            await session.call_tool("missing", {})
