from __future__ import annotations

import importlib.metadata
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS  # noqa: E402
from sample_servers import build_notebook, build_paged_server, paged_init_options  # noqa: E402

from mcp.server.fastmcp import FastMCP  # noqa: E402

from mcpcheck import assert_tool_ok, open_fastmcp, open_lowlevel, open_server  # noqa: E402
from mcpcheck.harness import call_in_process, prompt_in_process, read_in_process  # noqa: E402


async def test_fastmcp_sessions_defaults_and_in_process_calls() -> None:
    async with open_fastmcp(build_notebook()) as session:
        listed = await session.list_tools()
        assert {t.name for t in listed.tools} >= {"list_notes", "delete_note", "summarize"}
        result = assert_tool_ok(await session.call_tool("list_notes", {}))
        assert result.structuredContent is not None
        assert [n["title"] for n in result.structuredContent["result"]] == ["Groceries", "Standup", "Ideas"]
    async with open_server(build_notebook()) as connected:
        assert connected.server_name == "notebook"
        assert connected.instructions and "mcpcheck" in connected.instructions
        caps = connected.capabilities()
        assert caps.prompts is not None and caps.resources is not None
        assert caps.logging is None
    async with open_server(FastMCP()) as anonymous:
        assert anonymous.server_name == "FastMCP"
        assert anonymous.server_version == importlib.metadata.version("mcp")

    notebook = build_notebook()
    listed = await call_in_process(notebook, "list_notes")
    assert listed.structuredContent is not None and len(listed.structuredContent["result"]) == 3
    badge = await call_in_process(notebook, "render_badge", {"label": "x"})
    assert [b.type for b in badge.content] == ["image"] and badge.structuredContent is None
    failed = await call_in_process(notebook, "delete_note", {"note_id": 99})
    assert failed.isError
    (index,) = await read_in_process(notebook, "notes://index")
    assert isinstance(index.content, str) and json.loads(index.content)["1"] == "Groceries"
    assert index.mime_type == "application/json"
    digest = await prompt_in_process(notebook, "daily_digest")
    assert digest.messages[0].role == "user"


async def test_lowlevel_connected_server_reports_identity() -> None:
    server = build_paged_server()
    async with open_lowlevel(server, init_options=paged_init_options(server)) as connected:
        assert connected.server_name == "paged"
        assert connected.server_version == "1.2.0"
        assert connected.protocol_version == types.LATEST_PROTOCOL_VERSION
        assert connected.protocol_version in SUPPORTED_PROTOCOL_VERSIONS
        assert connected.instructions == "Paginates everything."
        assert connected.supports("tools") and connected.supports("resources")
        assert not connected.supports("prompts")
        assert connected.tools_list_changed()
        assert not connected.resources_subscribable()
        assert connected.experimental("mcpcheck/paging") == {"pageSize": 2}
