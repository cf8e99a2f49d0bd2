from __future__ import annotations

from datetime import timedelta
from importlib.metadata import version

from pydantic import AnyUrl

from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import NotificationOptions
from mcp.shared.exceptions import McpError
from pytest_mcp_kit import LogCapture, McpHarness, NotificationCollector, ScriptedElicitor, ScriptedSampler, connect
from pytest_mcp_kit import assertions as A
from pytest_mcp_kit.config import KitConfig
from tests.sample_server import PIXEL_PNG, build_notes_app


async def test_tools_schemas_and_structured_output() -> None:
    async with connect(build_notes_app()) as session:
        tools = await A.collect_tools(session)
        add = A.tool_named(tools, "add")
        A.assert_tool_schema(add, required=["a", "b"], read_only=True)
        assert add.annotations is not None and add.annotations.idempotentHint is True
        A.assert_structured(await session.call_tool("add", {"a": 2, "b": 40}), result=42)
        forecast = await session.call_tool("forecast", {"city": "Turin", "days": 2})
        assert A.assert_structured(forecast, city="Turin")["highs"] == [20, 21]


async def test_images_links_and_errors() -> None:
    async with connect(build_notes_app()) as session:
        assert A.assert_image(await session.call_tool("pixel", {})) == PIXEL_PNG
        A.assert_tool_error(await session.call_tool("fail", {"reason": "disk full"}), contains="disk full")
        A.assert_tool_error(await session.call_tool("reject", {"field": "title"}), contains="bad field: title")
        A.assert_tool_error(await session.call_tool("no_such_tool", {}), contains="Unknown tool")


async def test_progress_and_logging_reach_the_client() -> None:
    collector, logs = NotificationCollector(), LogCapture()
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    async with connect(build_notes_app(), logging_callback=logs, message_handler=collector) as session:
        result = await session.call_tool("count_to", {"steps": 3}, progress_callback=on_progress)
        A.assert_text(result, "counted to 3")
        await collector.wait_for("notifications/message", count=4)

    assert seen == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
    assert logs.texts("info") == ["counting to 3"] and logs.texts("debug") == ["tick 1", "tick 2", "tick 3"]
    assert {r.logger for r in logs.records} == {None, "counter"}


async def test_elicitation_and_sampling_callbacks() -> None:
    app = build_notes_app()
    yes = ScriptedElicitor(answer={"confirm": True, "reason": "stale"})
    async with connect(app, elicitation_callback=yes) as session:
        A.assert_text(await session.call_tool("delete_note", {"note": "todo"}), "deleted todo (stale)")
    assert yes.schemas[0]["properties"]["confirm"]["type"] == "boolean"
    async with connect(app, elicitation_callback=ScriptedElicitor(action="decline")) as session:
        A.assert_text(await session.call_tool("delete_note", {"note": "welcome"}), "kept welcome (decline)")

    sampler = ScriptedSampler(replies=["A welcome note."], model="tiny-1")
    async with connect(app, sampling_callback=sampler) as session:
        summary = await session.call_tool("summarize", {"note": "welcome"})
        A.assert_structured(summary, summary="A welcome note.", model="tiny-1", stop="endTurn")
        A.assert_tool_error(await session.call_tool("summarize", {"note": "todo"}), contains="no replies left")
    assert (sampler.seen[0].maxTokens, sampler.seen[0].systemPrompt) == (48, "One line.")


async def test_harness_initialize_details() -> None:
    harness = McpHarness(
        build_notes_app("notes-under-test"),
        notification_options=NotificationOptions(tools_changed=True),
        experimental_capabilities={"kit/snapshots": {"version": 1}},
    )
    async with harness.open() as conn:
        assert conn.server_info[0] == "notes-under-test"
        assert conn.init.instructions == "Keeps short notes. Use list_notes before reading one."
        caps = A.assert_capabilities(conn.session, tools=True, prompts=True, tools_list_changed=True)
        assert caps.experimental == {"kit/snapshots": {"version": 1}}
        await conn.session.send_ping()
        assert conn.wire.methods("client->server") == ["initialize", "notifications/initialized", "ping"]

    async with McpHarness(FastMCP()).open() as conn:
        assert conn.server_info == ("FastMCP", version("mcp"))
        A.assert_capabilities(conn.session, tools=True, logging=False)


async def test_slow_tool_hits_the_read_timeout() -> None:
    async with McpHarness(build_notes_app(), config=KitConfig(read_timeout_seconds=5)).open() as conn:
        try:
            await conn.session.call_tool("nap", {"seconds": 5}, read_timeout_seconds=timedelta(seconds=0.2))
        except McpError as exc:
            assert exc.error.code == 408
            assert exc.error.message.startswith("Timed out while waiting for response to ClientRequest")
        else:
            raise AssertionError("expected a timeout")
        A.assert_structured(await conn.session.call_tool("add", {"a": 1, "b": 1}), result=2)


async def test_resources_and_prompts() -> None:
    async with connect(build_notes_app()) as session:
        prompt = await session.get_prompt("review", {"note": "todo", "tone": "blunt"})
        transcript = A.prompt_transcript(prompt)
        assert [role for role, _ in transcript] == ["user", "assistant"] and "blunt tone" in transcript[0][1]

        note = await session.read_resource(AnyUrl("notes://library/welcome"))
        assert A.assert_resource(note, mime_type="text/markdown", scheme="notes").path == "/welcome"
        assert A.resource_text(note).startswith("# Welcome")
        try:
            await session.read_resource(AnyUrl("notes://library/missing"))
        except McpError as exc:
            assert exc.error.code == 0 and "missing" in exc.error.message
        else:
            raise AssertionError("reading a missing note should fail")
