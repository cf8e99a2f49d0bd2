from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from unittest.mock import AsyncMock, MagicMock, patch

import anyio
from mcp import ClientSession, McpError
from mcp.types import (
    CallToolResult,
    EmbeddedResource,
    ErrorData,
    Implementation,
    InitializeResult,
    ListToolsResult,
    ResourceLink,
    ServerCapabilities,
    TextContent,
    TextResourceContents,
    Tool,
    ToolAnnotations,
    ToolsCapability,
)
from pydantic import AnyUrl

from agentkit_mcp import MCPConnectionManager, MCPServerConfig, ToolTimeout, load_mcp_tools
from agentkit_mcp.adapter import MCPToolAdapter
from agentkit_mcp.content import convert_block

SEARCH_TOOL = Tool(
    name="search",
    inputSchema={"type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"]},
    outputSchema={"type": "object", "properties": {"hits": {"type": "integer"}}},
    annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=False),
)


def _session(**methods: Any) -> MagicMock:
    session = MagicMock(spec=ClientSession)
    for name, value in methods.items():
        setattr(session, name, AsyncMock(return_value=value))
    return session


def test_function_spec_and_pagination() -> None:
    session = _session()
    session.list_tools = AsyncMock(
        side_effect=[
            ListToolsResult(tools=[SEARCH_TOOL], nextCursor="page-2"),
            ListToolsResult(tools=[Tool(name="fetch", inputSchema={"type": "object"})]),
        ]
    )

    async def run() -> None:
        adapters = await load_mcp_tools(session, prefix="docs")
        assert [a.name for a in adapters] == ["docs__search", "docs__fetch"]
        assert session.list_tools.await_args_list[1].kwargs == {"cursor": "page-2"}
        spec = adapters[0].to_function_spec()
        assert spec["parameters"] == SEARCH_TOOL.inputSchema
        assert spec["x-output-schema"] == SEARCH_TOOL.outputSchema
        assert adapters[0].is_read_only

    anyio.run(run)


def test_error_result_is_flagged_and_traced() -> None:
    result = CallToolResult(
        content=[TextContent(type="text", text="index unavailable")],
        isError=True,
        _meta={"trace_id": "abc"},
    )
    session = _session(call_tool=result)
    store: list[str] = []
    adapter = MCPToolAdapter(session, SEARCH_TOOL, trace_store=store)

    async def run() -> None:
        message = await adapter.ainvoke({"q": "mcp"}, run_id="r-1")
        assert message.is_error and message.text == "index unavailable"
        assert message.trace == {"trace_id": "abc"}
        _, kwargs = session.call_tool.call_args
        assert kwargs["read_timeout_seconds"] == timedelta(seconds=60)
        assert kwargs["meta"] == {"agentkit/run_id": "r-1"}

    anyio.run(run)
    assert json.loads(store[0])["isError"] is True


def test_timeout_maps_to_tool_timeout() -> None:
    session = _session()
    session.call_tool = AsyncMock(side_effect=McpError(ErrorData(code=408, message="Timed out")))
    adapter = MCPToolAdapter(session, SEARCH_TOOL, timeout=timedelta(seconds=2))

    async def run() -> None:
        try:
            await adapter.ainvoke({"q": "slow"})
        except ToolTimeout as exc:
            assert "2s" in str(exc)
        else:
            raise AssertionError("expected ToolTimeout")

    anyio.run(run)


def test_convert_blocks() -> None:
    link = convert_block(
        ResourceLink(type="resource_link", name="report", uri=AnyUrl("file:///tmp/r.pdf"), mimeType="application/pdf")
    )
    assert (link.kind, link.uri) == ("file", "file:///tmp/r.pdf")
    embedded = convert_block(
        EmbeddedResource(
            type="resource",
            resource=TextResourceContents(uri=AnyUrl("mem://result/1"), mimeType="application/json", text='{"ok": 1}'),
        )
    )
    assert embedded.kind == "json" and embedded.payload == {"ok": 1}


def test_manager_caches_sessions() -> None:
    init = InitializeResult(
        protocolVersion="2025-06-18",
        capabilities=ServerCapabilities(tools=ToolsCapability(listChanged=True)),
        serverInfo=Implementation(name="files", version="1.0"),
    )
    session = MagicMock()
    session.initialize = AsyncMock(return_value=init)
    session.__aenter__ = AsyncMock(return_value=session)
    session.__aexit__ = AsyncMock(return_value=None)
    transport = MagicMock()
    transport.__aenter__ = AsyncMock(return_value=(MagicMock(), MagicMock()))
    transport.__aexit__ = AsyncMock(return_value=None)

    async def run() -> None:
        with (
            patch("agentkit_mcp.connection.stdio_client", return_value=transport) as stdio,
            patch("agentkit_mcp.connection.ClientSession", return_value=session) as session_cls,
        ):
            async with MCPConnectionManager([MCPServerConfig(name="files", command="files-mcp")]) as manager:
                first = await manager.get("files")
                assert first is await manager.get("files")
                assert first.supports_tool_list_changed and first.protocol_version == "2025-06-18"
            stdio.assert_called_once()
            assert session_cls.call_args.kwargs["read_timeout_seconds"] == timedelta(seconds=60)

    anyio.run(run)
