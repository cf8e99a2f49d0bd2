from __future__ import annotations

import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(__file__))

from support import PNG_BYTES, build  # noqa: E402

from pydantic import AnyUrl  # noqa: E402

from mcp import types  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from toolforge import ForgeState, catalog, connect  # noqa: E402
from toolforge.introspect import drift_report  # noqa: E402
from toolforge.probes import LogRecorder, NotificationRecorder, ToolCallFailed, call_checked, capabilities  # noqa: E402
from toolforge.probes import complete_prompt_arg, list_all_tools, protocol_error, read_back, structured  # noqa: E402
from toolforge.probes import text_of, wire_snapshot  # noqa: E402


async def test_catalog_matches_what_clients_see() -> None:
    _, mcp = build()
    local = await catalog(mcp)
    assert await drift_report(mcp) == {}

    async with connect(mcp) as session:
        tools = await list_all_tools(session)
        by_name = {t.name: t for t in tools}
        assert sorted(by_name) == sorted(e["name"] for e in local["tools"])
        add = by_name["math_add"]
        assert add.inputSchema["required"] == ["a", "b"] and "forge_ctx" not in add.inputSchema["properties"]
        assert add.outputSchema is not None and add.outputSchema["required"] == ["result"]
        assert add.annotations is not None and add.annotations.readOnlyHint and add.title == "Add two integers"
        dumped = wire_snapshot(tools)
        assert all("inputSchema" in d for d in dumped)
        assert {d["name"] for d in dumped if "outputSchema" in d} >= {"math_add", "math_stats"}

        listed = await session.list_resources()
        mimes = {str(r.uri): r.mimeType for r in listed.resources}
        assert mimes["notes://logo"] == "image/png" and mimes["notes://index"] == "application/json"
        templates = await session.list_resource_templates()
        assert sorted(t.uriTemplate for t in templates.resourceTemplates) == [
            "notes://by-id/{note_id}",
            "notes://summary/{topic}",
        ]
        assert {"prompts", "logging", "completions"} <= capabilities(session)

    entry = next(e for e in local["resources"] if e["uri"] == "notes://index")
    assert (entry["scheme"], entry["host"], entry["mimeType"]) == ("notes", "index", "application/json")
    assert local["tools"][0]["icons"] == ["image/svg+xml"]


async def test_tools_and_resources_over_the_wire() -> None:
    _, mcp = build()
    async with connect(mcp) as session:
        added = await call_checked(session, "math_add", {"a": 19, "b": 23})
        assert added.structuredContent == {"result": 42} and text_of(added) == "42"
        assert await structured(session, "math_stats", {"values": [3, 5]}) == {"count": 2, "mean": 4.0, "spread": 2.0}
        try:
            await call_checked(session, "math_divide", {"a": 1, "b": 0})
        except ToolCallFailed as exc:
            assert exc.result.isError and "division by zero" in exc.text
        exploded = await session.call_tool("math_explode", {"reason": "x"})
        assert exploded.isError and "internal failure: RuntimeError" in text_of(exploded)
        unknown = await session.call_tool("math_nope", {}, read_timeout_seconds=timedelta(seconds=2))
        assert unknown.isError and "Unknown tool" in text_of(unknown)

        readme = await read_back(session, "notes://readme")
        assert readme.uri.scheme == "notes" and readme.mime_type == "text/plain" and readme.text
        logo = await read_back(session, AnyUrl("notes://logo"))
        assert logo.mime_type == "image/png" and logo.data == PNG_BYTES
        raw = await session.read_resource(AnyUrl("notes://index"))
        assert isinstance(raw.contents[0], types.TextResourceContents)
        assert raw.contents[0].mimeType == "application/json" and '"count": 3' in raw.contents[0].text
        error = await protocol_error(session.read_resource(AnyUrl("notes://by-id/zzz")))
        assert error.code == 0 and "resource" in error.message.lower()

        prompt = await session.get_prompt("review", {"note_id": "n2"})
        assert [m.role for m in prompt.messages] == ["user", "assistant"]
        assert isinstance(prompt.messages[0].content, types.TextContent)
        assert "neutral tone" in prompt.messages[0].content.text


async def test_logging_progress_and_lifespan_state() -> None:
    state = ForgeState()
    _, mcp = build(state=state)
    logs, events = LogRecorder(), NotificationRecorder()
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    async with connect(mcp, logging_callback=logs, message_handler=events) as session:
        await session.set_logging_level("debug")
        result = await session.call_tool(
            "math_slow_sum", {"values": [5, 6, 7, 8]}, timedelta(seconds=5), progress_callback=on_progress
        )
        assert result.structuredContent == {"result": 26}
        status = await structured(session, "forge_status")
        assert (status["server"], status["logLevel"], status["calls"]) == ("forge-test", "debug", {"slow_sum": 1})

    assert state.log_level == "debug" and state.extras["server_name"] == "forge-test"
    assert logs.messages() == ["-> slow_sum", "summed 4 values"]
    assert [lvl for lvl, _, _ in logs.records] == ["debug", "info"]
    assert [p[0] for p in seen] == [0, 1.5, 3]
    assert events.progress()[1] == (1.5, 3, "halfway")
    assert len(set(events.progress_tokens())) == 1 and events.errors == []


async def test_reload_announces_new_tools() -> None:
    _, mcp = build(with_extras_deferred=True)
    events = NotificationRecorder()
    async with connect(mcp, message_handler=events) as session:
        before = {t.name for t in await list_all_tools(session)}
        assert text_of(await call_checked(session, "forge_reload")) == "extra_shout"
        assert events.tool_list_changes == 1
        after = {t.name for t in await list_all_tools(session)}
        assert after - before == {"extra_shout"}
        assert text_of(await call_checked(session, "extra_shout", {"text": "quiet"})) == "QUIET"
        assert text_of(await call_checked(session, "forge_reload")) == "nothing to install"
        assert events.tool_list_changes == 1


async def _whoami(session: ClientSession) -> str:
    return text_of(await call_checked(session, "forge_whoami", meta={"client_id": "probe-7"}))


async def test_completion_and_debug_tools() -> None:
    _, mcp = build(debug=True)
    async with connect(mcp) as session:
        completion = await complete_prompt_arg(session, "review", "tone", "ni")
        assert completion.values == ["nice", "nitpicky"] and completion.total == 2 and completion.hasMore is False
        empty = await complete_prompt_arg(session, "review", "note_id", "n")
        assert empty.values == [] and empty.hasMore is None
        scheme = await session.complete(
            types.ResourceTemplateReference(type="ref/resource", uri="notes://by-id/{note_id}"),
            {"name": "scheme", "value": ""},
        )
        assert scheme.completion.values == ["notes"]
        who = await _whoami(session)
        assert who.startswith("request=") and "client=probe-7" in who and who.endswith("progress=None")
