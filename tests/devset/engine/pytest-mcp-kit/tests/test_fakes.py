from __future__ import annotations

from pydantic import AnyUrl

import mcp.types as types
from mcp.server.elicitation import AcceptedElicitation, DeclinedElicitation
from mcp.shared.exceptions import McpError
from pytest_mcp_kit import FakeServerSession, bind_request_context, fake_request_context, invoke, invoke_tool
from pytest_mcp_kit import assertions as A
from pytest_mcp_kit.fakes import fastmcp_context, invoke_fastmcp_tool
from pytest_mcp_kit.harness import lowlevel_of
from tests.sample_server import PIXEL_PNG, Confirmation, build_ledger_server, build_notes_app


async def test_lowlevel_tool_with_fake_session() -> None:
    server, session = build_ledger_server(), FakeServerSession()
    state = {"balances": {"alice": 10, "bob": 0}}
    params = types.SubscribeRequestParams(uri=AnyUrl("ledger://accounts/bob"))
    await invoke(server, types.SubscribeRequest(method="resources/subscribe", params=params))
    args = {"source": "alice", "target": "bob", "amount": 4}
    result = await invoke_tool(server, "transfer", args, session=session, progress_token="p-1", lifespan_context=state)
    A.assert_text(result, "moved 4 from alice to bob")
    assert session.logs() == [("info", "alice->bob: 4")] and session.progress() == [1.0]
    assert [str(n.params.uri) for n in session.notifications(types.ResourceUpdatedNotification)] == ["ledger://accounts/bob"]
    assert session.sent[0][1] == 1 and state["balances"] == {"alice": 6, "bob": 4}

    await invoke_tool(server, "announce", session=session, lifespan_context=state)
    assert session.notifications(types.ToolListChangedNotification) == [types.ToolListChangedNotification()]


async def test_invoke_checks_registered_handlers() -> None:
    server = build_ledger_server()
    assert types.CompleteRequest not in server.request_handlers
    try:
        await invoke(server, types.ListPromptsRequest(method="prompts/list"))
    except McpError as exc:
        assert exc.error.code == types.METHOD_NOT_FOUND
    else:
        raise AssertionError("no prompts/list handler was registered")
    listing = await invoke(server, types.ListResourcesRequest(method="resources/list"), lifespan_context={"balances": {"zed": 1}})
    assert isinstance(listing, types.ListResourcesResult)
    assert [r.uri for r in listing.resources] == [AnyUrl("ledger://accounts/zed")]


async def test_fastmcp_tools_called_in_process() -> None:
    app = build_notes_app()
    session = FakeServerSession(elicit_answer={"confirm": True, "reason": "old"})
    A.assert_structured(await invoke_fastmcp_tool(app, "add", {"a": 3, "b": 4}), result=7)
    counted = await invoke_fastmcp_tool(app, "count_to", {"steps": 2}, session=session, progress_token=99)
    A.assert_text(counted, "counted to 2")
    assert session.progress() == [1, 2] and [level for level, _ in session.logs()] == ["info", "debug", "debug"]

    A.assert_text(await invoke_fastmcp_tool(app, "delete_note", {"note": "todo"}, session=session), "deleted todo (old)")
    elicit = [r for r in session.requests if isinstance(r, types.ElicitRequest)][0]
    assert isinstance(elicit.params, types.ElicitRequestFormParams) and "confirm" in elicit.params.requestedSchema["properties"]

    assert A.assert_image(await invoke_fastmcp_tool(app, "pixel")) == PIXEL_PNG
    A.assert_tool_error(await invoke_fastmcp_tool(app, "fail", {"reason": "nope"}), contains="nope")
    who = await invoke_fastmcp_tool(app, "whoami", client_id="suite-client")
    A.assert_structured(who, server="kit-notes", request_id="1", client_id="suite-client")


async def test_fastmcp_context_against_fake_session() -> None:
    app = build_notes_app()
    session = FakeServerSession(elicit_action="decline")
    ctx = fastmcp_context(app, session, request_id="req-7", progress_token="t")
    assert ctx.request_id == "req-7" and ctx.fastmcp is app
    assert isinstance(await ctx.elicit("Proceed?", schema=Confirmation), DeclinedElicitation)
    session.elicit_action, session.elicit_answer = "accept", {"confirm": False}
    answer = await ctx.elicit("Proceed?", schema=Confirmation)
    assert isinstance(answer, AcceptedElicitation) and answer.data.confirm is False

    await ctx.report_progress(5, 10)
    await ctx.warning("careful")
    assert session.progress() == [5] and session.logs() == [("warning", "careful")]


async def test_fastmcp_reads_without_a_session() -> None:
    app = build_notes_app()
    assert [c.content for c in await app.read_resource("notes://library/todo")] == ["- write tests\n- ship it"]
    prompt = await app.get_prompt("review", {"note": "welcome"})
    assert A.prompt_transcript(prompt)[1] == ("assistant", "Sure - here is what I think:")
    with bind_request_context(fake_request_context(FakeServerSession(), request_id=3)):
        assert lowlevel_of(app).request_context.request_id == 3
        assert app.get_context().request_id == "3"
