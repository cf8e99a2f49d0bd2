import base64
import os
import sys
import textwrap
from unittest import mock

import anyio
import httpx
from pydantic import AnyUrl

from mcp import ClientSession, McpError, StdioServerParameters, types

from sync_agent_adapter import MCPServerAdapter, ToolTimeoutError, convert_result, list_all_tools, tool_to_agent_tool

ECHO_SERVER = textwrap.dedent(
    """
    from pydantic import BaseModel
    from mcp.server.fastmcp import FastMCP

    mcp = FastMCP("echo-server")

    class Sum(BaseModel):
        total: int

    @mcp.tool(description="Echo the message back")
    def echo(message: str) -> str:
        return message

    @mcp.tool()
    def add(a: int, b: int) -> Sum:
        return Sum(total=a + b)

    @mcp.resource("echo://greeting")
    def greeting() -> str:
        return "hello from echo"

    mcp.run()
    """
)


def test_tool_schema_conversion() -> None:
    tool = types.Tool(
        name="search_issues",
        description="Search the issue tracker",
        inputSchema={
            "type": "object",
            "properties": {"query": {"type": "string"}, "limit": {"type": ["integer", "null"]}},
            "required": ["query"],
        },
        outputSchema={"type": "object", "properties": {"count": {"type": "integer"}}},
        annotations=types.ToolAnnotations(readOnlyHint=True),
    )
    call = mock.Mock(return_value=convert_result(types.CallToolResult(content=[])))
    agent_tool = tool_to_agent_tool(tool, call)

    assert agent_tool.read_only and agent_tool.output_type == "object"
    assert agent_tool.inputs["query"] == {"type": "string", "description": "query"}
    assert agent_tool.inputs["limit"] == {"type": "integer", "description": "limit"}
    agent_tool(query="bug", limit=None)
    call.assert_called_once_with("search_issues", {"query": "bug"})


def test_result_conversion() -> None:
    png = base64.b64encode(b"\x89PNG").decode()
    result = types.CallToolResult(
        content=[
            types.TextContent(type="text", text="summary"),
            types.ImageContent(type="image", data=png, mimeType="image/png"),
            types.EmbeddedResource(
                type="resource",
                resource=types.TextResourceContents(uri=AnyUrl("file:///notes.txt"), mimeType="text/plain", text="n"),
            ),
            types.ResourceLink(type="resource_link", name="report", uri=AnyUrl("https://example.com/r.pdf")),
        ],
        structuredContent={"count": 1},
    )
    output = convert_result(result)
    assert output.images == [("image/png", b"\x89PNG")]
    assert output.resources == ["file:///notes.txt", "https://example.com/r.pdf"]
    assert output.structured == {"count": 1} and not output.is_error


def test_pagination_follows_next_cursor() -> None:
    session = mock.AsyncMock(spec=ClientSession)
    session.list_tools.side_effect = [
        types.ListToolsResult(tools=[types.Tool(name="a", inputSchema={"type": "object"})], nextCursor="p2"),
        types.ListToolsResult(tools=[types.Tool(name="b", inputSchema={"type": "object"})]),
    ]
    assert [t.name for t in anyio.run(list_all_tools, session)] == ["a", "b"]
    assert session.list_tools.await_args_list[1] == mock.call(cursor="p2")


def test_request_timeout_maps_to_tool_timeout() -> None:
    adapter = MCPServerAdapter({"command": "unused"}, tool_timeout=1.5)
    session = mock.AsyncMock(spec=ClientSession)
    session.call_tool.side_effect = McpError(types.ErrorData(code=httpx.codes.REQUEST_TIMEOUT, message="Timed out"))
    try:
        anyio.run(adapter._call_tool, session, "slow", {})
    except ToolTimeoutError as exc:
        assert "slow" in str(exc)
    else:
        raise AssertionError("expected ToolTimeoutError")
    assert session.call_tool.await_args is not None
    assert session.call_tool.await_args.kwargs["read_timeout_seconds"].total_seconds() == 1.5


def test_end_to_end_over_stdio() -> None:
    params = StdioServerParameters(command=sys.executable, args=["-c", ECHO_SERVER], env=dict(os.environ))
    adapter = MCPServerAdapter(params, connect_timeout=20, tool_timeout=10)
    with adapter as tools:
        by_name = {tool.name: tool for tool in tools}
        assert by_name["echo"](message="hi").text == "hi"
        assert by_name["add"](a=2, b=3).structured == {"total": 5}
        assert adapter.read_resource("echo://greeting") == ["hello from echo"]
        assert adapter.session_ids() == {"echo-server": None}
