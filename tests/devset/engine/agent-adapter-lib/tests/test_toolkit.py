from __future__ import annotations

from datetime import timedelta
from unittest import mock

import httpx
from mcp import ClientSession, McpError, UrlElicitationRequiredError, types

from agentwire.cache import ToolListCache
from agentwire.toolkit import MCPToolkit, SessionExpiredError


def _tool(name: str) -> types.Tool:
    return types.Tool(name=name, description=f"{name} tool", inputSchema={"type": "object", "properties": {}})


def _text_result(text: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)], isError=False)


async def test_list_tools_follows_cursors_and_caches() -> None:
    now = [100.0]
    session = mock.AsyncMock(spec=ClientSession)
    session.list_tools.side_effect = [
        types.ListToolsResult(tools=[_tool("lookup")], nextCursor="page-2"),
        types.ListToolsResult(tools=[_tool("update")], nextCursor=None),
    ]
    cache = ToolListCache(ttl=60, clock=lambda: now[0])
    toolkit = MCPToolkit(session, name="crm", cache=cache, tool_prefix="crm_")

    tools = await toolkit.list_tools()
    assert [t.name for t in tools] == ["lookup", "update"]
    assert session.list_tools.await_args_list == [mock.call(cursor=None), mock.call(cursor="page-2")]

    await toolkit.list_tools()
    assert session.list_tools.await_count == 2 and cache.hits == 1

    now[0] += 61
    session.list_tools.side_effect = [types.ListToolsResult(tools=[_tool("lookup")])]
    specs = await toolkit.tool_specs()
    assert [s.name for s in specs] == ["crm_lookup"]
    assert specs[0].server == "crm"
    assert session.list_tools.await_count == 3


async def test_call_retries_timeouts_and_maps_errors() -> None:
    session = mock.AsyncMock(spec=ClientSession)
    timeout = McpError(
        types.ErrorData(
            code=httpx.codes.REQUEST_TIMEOUT,
            message="Timed out while waiting for response to ClientRequest. Waited 5.0 seconds.",
        )
    )
    session.call_tool.side_effect = [timeout, _text_result("found Ada")]
    toolkit = MCPToolkit(session, name="crm", tool_prefix="crm_", run_id="run-42")

    message = await toolkit.call("crm_lookup", {"id": 1}, tool_call_id="c1", timeout=timedelta(seconds=5))
    assert message.text == "found Ada" and message.toolCallId == "c1" and message.name == "crm_lookup"
    assert session.call_tool.await_count == 2
    first = session.call_tool.await_args_list[0]
    assert first.args == ("lookup", {"id": 1})
    assert first.kwargs["read_timeout_seconds"] == timedelta(seconds=5)
    assert first.kwargs["meta"] == {"run_id": "run-42"}

    session.call_tool.side_effect = McpError(types.ErrorData(code=types.INVALID_PARAMS, message="bad id"))
    rejected = await toolkit.call("crm_lookup", {"id": "x"})
    assert rejected.isError and rejected.text == "bad id" and rejected.artifact == {"code": types.INVALID_PARAMS}

    session.call_tool.side_effect = UrlElicitationRequiredError(
        [types.ElicitRequestURLParams(message="Sign in", url="https://idp.example.com/x", elicitationId="e1")]
    )
    needs_auth = await toolkit.call("crm_lookup")
    assert needs_auth.isError and "https://idp.example.com/x" in needs_auth.text

    session.call_tool.side_effect = McpError(types.ErrorData(code=32600, message="Session terminated"))
    try:
        await toolkit.call("crm_lookup")
    except SessionExpiredError as exc:
        assert "Session terminated" in str(exc)
    else:
        raise AssertionError("expected SessionExpiredError")
    assert toolkit.call_count == 1


async def test_initialize_reads_server_identity() -> None:
    session = mock.AsyncMock(spec=ClientSession)
    session.initialize.return_value = types.InitializeResult.model_validate(
        {
            "protocolVersion": "2025-06-18",
            "capabilities": {
                "tools": {"listChanged": True},
                "resources": {"subscribe": True, "listChanged": False},
                "logging": {},
            },
            "serverInfo": {"name": "crm", "version": "2.1", "websiteUrl": "https://crm.example.com"},
            "instructions": "Look people up by id.",
        }
    )
    identity = await MCPToolkit(session, name="crm").initialize()
    assert (identity.name, identity.version, identity.protocol_version) == ("crm", "2.1", "2025-06-18")
    caps = identity.capabilities
    assert identity.announces_tool_changes
    assert caps.resources is not None and caps.resources.subscribe and caps.logging is not None
    assert caps.prompts is None and caps.completions is None
    assert identity.website == "https://crm.example.com"

    session.initialize.return_value = session.initialize.return_value.model_copy(
        update={"protocolVersion": "2023-01-01"}
    )
    try:
        await MCPToolkit(session, name="crm").initialize()
    except RuntimeError as exc:
        assert "unsupported protocol" in str(exc)
    else:
        raise AssertionError("old protocol accepted")
