from __future__ import annotations

from typing import Any
from unittest import mock

from pydantic import AnyUrl

import mcp.types as types
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError

from tests import sample_client
from tests.sample_servers import build_catalog, build_notebook
from wiretest import FakeServerSession, active_request, connect, make_request_context, result_text
from wiretest.fakes import fastmcp_context
from wiretest.harness import ClientCallbacks
from wiretest.mocks import (
    ScriptedElicitor,
    ScriptedSampler,
    mock_client_session,
    text_result,
)


async def test_mock_client_session_drives_client_code() -> None:
    lookup = types.Tool(name="lookup", inputSchema={"type": "object", "properties": {"sku": {"type": "string"}}})
    session = mock_client_session(
        tools=[lookup],
        tool_results={"lookup": text_result("Widget 1"), "broken": text_result("db down", is_error=True)},
    )

    assert await sample_client.describe_tools(session) == ["lookup(sku)"]
    assert await sample_client.run_tool(session, "lookup", {"sku": "sku-01"}) == "Widget 1"
    assert await sample_client.run_tool(session, "broken", {}) == "error: db down"
    session.call_tool.assert_any_await("lookup", {"sku": "sku-01"})
    try:
        await sample_client.run_tool(session, "missing", {})
    except McpError as exc:
        assert exc.error.code == types.INVALID_PARAMS
    else:
        raise AssertionError("unknown tool should raise")
    assert (await session.initialize()).serverInfo.name == "mock-server"


async def test_lowlevel_handler_with_fake_session() -> None:
    server = build_catalog()
    fake = FakeServerSession()
    state: dict[str, Any] = {"items": {"sku-01": {"name": "Widget 1", "stock": 3}}, "restocks": 0}
    ctx = make_request_context(fake, request_id=41, progress_token="restock-1", lifespan_context=state)

    handler = server.request_handlers[types.CallToolRequest]
    params = types.CallToolRequestParams(name="restock", arguments={"sku": "sku-01", "qty": 2})
    with active_request(ctx):
        response = await handler(types.CallToolRequest(params=params))

    result = response.root
    assert isinstance(result, types.CallToolResult)
    assert result_text(result) == "sku-01 now has 5"
    assert state["restocks"] == 1
    assert fake.progress() == [(1.0, 2.0, "restocking sku-01"), (2.0, 2.0, "restocking sku-01")]
    assert fake.logged() == [{"restocked": "sku-01", "qty": 2}]
    assert 41 in fake.related_ids
    assert isinstance(fake.notifications[-1], types.ResourceListChangedNotification)
    assert types.SubscribeRequest not in server.request_handlers

    session_mock = mock.create_autospec(ServerSession, instance=True)
    mocked = make_request_context(session_mock, lifespan_context=state)
    read = types.ReadResourceRequest(params=types.ReadResourceRequestParams(uri=AnyUrl("catalog://sku-01")))
    with active_request(mocked):
        contents = (await server.request_handlers[types.ReadResourceRequest](read)).root
    assert isinstance(contents, types.ReadResourceResult)
    assert contents.contents[0].mimeType == "application/json"
    session_mock.send_log_message.assert_not_awaited()


async def test_fastmcp_tools_with_a_fake_context() -> None:
    app = build_notebook()
    fake = FakeServerSession()
    request_context = make_request_context(fake, request_id="req-9", progress_token=5, include_drafts=True)

    with active_request(request_context):
        counted = await app.call_tool("count_notes", {})
        added = await app.call_tool("add_note", {"name": "draft", "body": "tbd"})

    content, structured = counted if isinstance(counted, tuple) else (counted, None)
    assert structured == {"result": 3}
    assert isinstance(content, list) and isinstance(content[0], types.TextContent) and content[0].text == "3"
    assert isinstance(added, tuple) and added[1] == {"name": "draft", "size": 3}
    assert fake.logged() == ["adding note draft"]
    assert [p[0] for p in fake.progress()] == [1, 2]
    updated = [n for n in fake.notifications if isinstance(n, types.ResourceUpdatedNotification)]
    assert updated[0].params.uri == AnyUrl("notes://draft")

    ctx = fastmcp_context(app, request_context)
    assert (ctx.request_id, ctx.client_id, ctx.fastmcp.name) == ("req-9", None, "notebook")
    await ctx.warning("careful")
    assert fake.logged()[-1] == "careful"


async def test_scripted_sampling_and_elicitation() -> None:
    sampler = ScriptedSampler("Greeting from the notebook.")
    elicitor = ScriptedElicitor({"confirm": True, "reason": "cleanup"}, None)
    callbacks = ClientCallbacks(sampling=sampler, elicitation=elicitor)

    async with connect(build_notebook(), callbacks=callbacks) as session:
        summary = await session.call_tool("summarize", {"name": "welcome"})
        first = await session.call_tool("delete_note", {"name": "todo"})
        second = await session.call_tool("delete_note", {"name": "welcome"})

    assert result_text(summary) == "Greeting from the notebook."
    assert sampler.last_request == ("Summarize the note in five words.", 64)
    assert result_text(first) == "deleted todo" and result_text(second) == "kept welcome"
    assert elicitor.schemas[0]["required"] == ["confirm"]

