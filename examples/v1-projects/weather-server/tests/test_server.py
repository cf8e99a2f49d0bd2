import pytest
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import TextContent

from weather.server import mcp


@pytest.mark.anyio
async def test_list_tools():
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        result = await session.list_tools()
        names = sorted(t.name for t in result.tools)
        assert names == ["celsius_to_fahrenheit", "get_alerts", "get_forecast"]
        schema = next(t for t in result.tools if t.name == "get_alerts").inputSchema
        assert schema["required"] == ["state"]


@pytest.mark.anyio
async def test_celsius_to_fahrenheit():
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        result = await session.call_tool("celsius_to_fahrenheit", {"celsius": 100})
        assert not result.isError
        assert isinstance(result.content[0], TextContent)
        assert result.content[0].text == "212.0"


@pytest.mark.anyio
async def test_bad_state_code():
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        result = await session.call_tool("get_alerts", {"state": "California"})
        assert result.isError
