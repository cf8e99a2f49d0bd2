from __future__ import annotations

import mcp.types as types
from mcp.shared.memory import create_connected_server_and_client_session

from agentmesh.convert import describe_catalog, prompt_to_turns, result_to_message, tool_to_agent_tool
from agentmesh.framework import ToolMessage
from tests.servers import PNG_BYTES, WAV_BYTES, build_demo_server


async def _unused(arguments: dict[str, object]) -> ToolMessage:
    raise AssertionError("not called")


async def test_fastmcp_tools_become_agent_tools() -> None:
    async with create_connected_server_and_client_session(build_demo_server()) as session:
        listed = await session.list_tools()
    by_name = {t.name: t for t in listed.tools}

    add = tool_to_agent_tool(by_name["add"], _unused, server="demo", prefix="demo__")
    assert add.name == "demo__add" and add.title == "Add numbers"
    assert add.read_only and add.idempotent and not add.open_world and not add.needs_confirmation
    assert "icon:https://icons.invalid/calc.png" in add.tags
    assert add.parameters.required == ["a", "b"]
    assert add.output_schema is not None and "result" in add.output_schema.properties

    assert add.to_function_spec()["function"]["parameters"]["required"] == ["a", "b"]

    delete = tool_to_agent_tool(by_name["delete_file"], _unused, server="demo")
    assert delete.needs_confirmation and delete.open_world

    rows = {row["name"]: row for row in describe_catalog(listed.tools)}
    assert rows["add"]["annotations"]["readOnlyHint"] is True
    assert rows["add"]["inputSchema"]["type"] == "object"
    assert rows["add"]["outputSchema"]["required"] == ["result"]


async def test_content_blocks_become_message_parts() -> None:
    async with create_connected_server_and_client_session(build_demo_server()) as session:
        media = await session.call_tool("media", {})
        attached = await session.call_tool("attach_readme", {})
        prompt = await session.get_prompt("review", {"code": "print(1)"})

    image, audio = result_to_message(media, tool_name="media", call_id="m1").parts
    assert image.kind == "image" and image.mime_type == "image/png" and image.data == PNG_BYTES
    assert audio.kind == "audio" and audio.mime_type == "audio/wav" and audio.data == WAV_BYTES

    readme, link = result_to_message(attached, tool_name="attach_readme", call_id="m2").parts
    assert readme.kind == "file" and readme.name == "README.md" and readme.text == "# Workspace\n"
    assert readme.mime_type == "text/markdown" and readme.uri == "file:///workspace/README.md"
    assert link.kind == "link" and link.name == "guide"
    assert link.payload == {"scheme": "https", "host": "docs.example.com", "size": None}

    turns = prompt_to_turns(prompt)
    assert [t.role for t in turns] == ["user", "assistant"]
    assert turns[0].parts[0].text == "Review this code:\nprint(1)"


async def test_structured_and_error_results() -> None:
    async with create_connected_server_and_client_session(build_demo_server()) as session:
        added = await session.call_tool("add", {"a": 2, "b": 3})
        denied = await session.call_tool("guarded", {"token": "nope"})

    message = result_to_message(added, tool_name="add", call_id="c1")
    assert not message.is_error and message.structured == {"result": 5} and message.text == "5"

    provider = message.to_provider_dict()
    assert provider["isError"] is False and provider["structuredContent"] == {"result": 5}

    assert denied.isError
    rejected = result_to_message(denied, tool_name="guarded", call_id="c3")
    assert rejected.is_error and "bad token" in rejected.text

    bare = types.CallToolResult(content=[], structuredContent={"rows": 3})
    data_only = result_to_message(bare, tool_name="count", call_id="c4")
    assert data_only.parts[0].kind == "data" and data_only.parts[0].payload == {"rows": 3}
