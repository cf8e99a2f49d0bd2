from __future__ import annotations

import json
import os
import sys
from typing import Any
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from fixture_server import build_workspace_server  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402

from copilot.catalog import all_prompts, all_resources, all_tools, export_catalog, input_schemas  # noqa: E402
from copilot.results import ToolInvocation, ToolSpec, is_failure, structured, tool_text  # noqa: E402


async def test_resource_pages_are_walked_to_the_end() -> None:
    async with create_connected_server_and_client_session(build_workspace_server()) as session:
        first = await session.list_resources()
        assert len(first.resources) == 2 and first.nextCursor == "2"
        refs = await all_resources(session, "workspace")
    assert len(refs) == 5
    assert all(r.is_local_file for r in refs)
    labels = {r.resource.name: r.label for r in refs}
    assert labels["README.md"] == "README.md (text/markdown)"
    assert labels["setup.py"] == "setup.py (text/plain)"


async def test_tool_and_prompt_pagination_with_stub_session() -> None:
    def tool(name: str) -> types.Tool:
        return types.Tool(name=name, inputSchema={"type": "object"})

    session = mock.AsyncMock(spec=ClientSession)
    session.list_tools.side_effect = [
        types.ListToolsResult(tools=[tool("a"), tool("b")], nextCursor="p2"),
        types.ListToolsResult(tools=[tool("c")], nextCursor=None),
    ]
    session.list_prompts.side_effect = [
        types.ListPromptsResult(prompts=[types.Prompt(name="p1")], nextCursor="next"),
        types.ListPromptsResult(prompts=[types.Prompt(name="p2")]),
    ]
    tools = await all_tools(session)
    prompts = await all_prompts(session)
    assert [t.name for t in tools] == ["a", "b", "c"]
    assert session.list_tools.await_args_list[1] == mock.call(cursor="p2")
    assert [p.name for p in prompts] == ["p1", "p2"]
    assert session.list_prompts.await_args_list[1] == mock.call("next")


async def test_result_helpers_and_catalog_export() -> None:
    async with create_connected_server_and_client_session(build_workspace_server()) as session:
        tools = {t.name: t for t in await all_tools(session)}
        counted = await session.call_tool("count_lines", {"text": "a b\nc"})
        failed = await session.call_tool("explode", {})

    spec = ToolSpec("workspace-tools.count_lines", tools["count_lines"])
    assert spec.server == "workspace-tools"
    assert spec.read_only and spec.has_output_schema and not spec.supports_tasks
    assert spec.required_arguments == ["text"]
    invocation = ToolInvocation(spec, {"text": "a b\nc"}, counted)
    assert invocation.ok and invocation.data == {"lines": 2, "words": 3}
    assert invocation.transcript_line() == 'workspace-tools.count_lines({"text": "a b\\nc"}) -> ok'
    assert is_failure(failed) and "kaboom" in tool_text(failed) and structured(failed) is None

    catalog = export_catalog([spec, ToolSpec("workspace-tools.explode", tools["explode"])])
    entries: list[dict[str, Any]] = json.loads(catalog)
    assert entries[0]["qualifiedName"] == "workspace-tools.count_lines"
    assert entries[0]["annotations"] == {"readOnlyHint": True}
    assert "outputSchema" in entries[0]
    assert input_schemas(catalog)["workspace-tools.count_lines"]["required"] == ["text"]
