from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from servers import PNG, build_workbench  # noqa: E402

from agentloop.llm import ToolCall  # noqa: E402
from agentloop.schemas import needs_confirmation, render_content, result_for_llm, tool_to_llm_spec  # noqa: E402
from agentloop.transcript import ToolExchange, Transcript  # noqa: E402


async def test_mcp_tools_become_llm_function_specs() -> None:
    async with create_connected_server_and_client_session(build_workbench()) as session:
        tools = {t.name: t for t in (await session.list_tools()).tools}
    spec = tool_to_llm_spec(tools["forecast"], prefix="wb")
    assert spec["function"]["name"] == "wb__forecast"
    assert spec["function"]["description"] == "Tomorrow's forecast for a city."
    assert spec["function"]["parameters"] == {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
    }
    assert spec["x-mcp"] == {"read_only": True, "returns": ["celsius", "city", "summary"]}
    assert needs_confirmation(tools["delete_file"]) and not needs_confirmation(tools["add"])
    assert tools["add"].inputSchema["properties"]["a"]["type"] == "number"


async def test_content_blocks_are_rendered_for_the_model() -> None:
    async with create_connected_server_and_client_session(build_workbench()) as session:
        readme = await session.call_tool("fetch_readme", {})
        forecast = await session.call_tool("forecast", {"city": "Lisbon"})
        missing = await session.call_tool("forecast", {})
    lines = render_content(readme.content).splitlines()
    assert lines[0] == "Here is the readme."
    assert lines[1] == '<resource uri="docs://readme" type="text/markdown">'
    assert "[link User guide: docs://guide (docs)]" in lines
    assert lines[-1] == f"[image image/png, {len(PNG)} bytes]"
    assert json.loads(result_for_llm(forecast)) == {"celsius": 21.5, "city": "Lisbon", "summary": "sunny"}
    assert missing.isError and result_for_llm(missing).startswith("ERROR: ")


def test_transcript_round_trips_through_json() -> None:
    tool = types.Tool(name="add", inputSchema={"type": "object"}, outputSchema={"type": "object"})
    ok = ToolExchange(
        call=ToolCall("add", {"a": 1, "b": 2}, id="call_a"),
        tool=tool,
        result=types.CallToolResult(
            content=[types.TextContent(type="text", text="3")], structuredContent={"result": 3}
        ),
        progress=[(1.0, 1.0, None)],
    )
    bad = ToolExchange(
        call=ToolCall("sleepy", {"seconds": 9}, id="call_b"),
        error=types.ErrorData(code=408, message="sleepy did not answer within 1s"),
        attempts=2,
    )
    transcript = Transcript(
        server=types.Implementation(name="workbench", version="1.0"),
        exchanges=[ok, bad],
        logs=[types.LoggingMessageNotificationParams(level="info", data="hello")],
        answer="3",
    )
    raw = transcript.to_json()
    data = json.loads(raw)
    assert data["exchanges"][0]["result"]["structuredContent"] == {"result": 3}
    assert data["exchanges"][0]["tool"]["inputSchema"] == {"type": "object"}
    assert data["exchanges"][0]["result"]["isError"] is False
    restored = Transcript.from_json(raw)
    assert restored.error_count == 1
    assert restored.tools_used() == ["add", "sleepy"]
    assert restored.structured_results() == {"call_a": {"result": 3}}
    first = restored.exchanges[0]
    assert first.tool is not None and first.tool.outputSchema == {"type": "object"}
    assert restored.exchanges[1].error is not None and restored.exchanges[1].attempts == 2
