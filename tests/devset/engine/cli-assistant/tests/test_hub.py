import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import httpx
from pydantic import AnyUrl
from servers import build_catalog_server, build_notes_server, running

import mcp.types as types
from mcp.shared.exceptions import McpError
from shellpilot.callbacks import ElicitationBridge, SamplingBridge
from shellpilot.config import ServerEntry
from shellpilot.hub import HubError, ServerHub, ToolTimeout, collect_resources
from shellpilot.llm import RuleBasedModel
from shellpilot.render import describe_resource, render_resource, render_result, snapshot


def data(result: types.CallToolResult) -> dict[str, Any]:
    return result.structuredContent or {}


async def test_hub_merges_paginated_tool_lists() -> None:
    async with running(build_notes_server()) as (r1, w1), running(build_catalog_server(page_size=2)) as (r2, w2):
        async with ServerHub() as hub:
            notes = await hub.attach("notes", r1, w1)
            catalog = await hub.attach("catalog", r2, w2)

            assert notes.init.instructions == "Keeps short notes grouped by topic."
            assert catalog.server_label == "catalog 2.1.0"
            assert catalog.init.protocolVersion == types.LATEST_PROTOCOL_VERSION
            assert catalog.notifies_tool_changes() and not notes.notifies_tool_changes()
            assert len(catalog.tools) == 6 and "lookup_game" in catalog.tools

            assert {"catalog__lookup_book", "notes__search_notes"} <= set(hub.all_tools())
            assert data(await hub.call_tool("catalog__lookup_book", {"id": 7})) == {"id": 7, "kind": "book"}

            try:
                hub.resolve("no_such_tool")
            except McpError as exc:
                assert exc.error.code == types.METHOD_NOT_FOUND
            else:
                raise AssertionError("expected McpError")

            await hub.disconnect("catalog")
            assert all(not name.startswith("catalog__") for name in hub.all_tools())


async def test_content_blocks_errors_and_timeouts() -> None:
    entry = ServerEntry("notes", "stdio", command="x", tool_timeout=0.2)
    async with running(build_notes_server()) as (read, write):
        async with ServerHub() as hub:
            await hub.attach("notes", read, write, entry=entry)

            embedded = render_result(await hub.call_tool("export_topic", {"topic": "groceries"}))
            assert embedded.text == "--- notes://groceries (text/markdown) ---\n- oat milk\n- coffee"

            image = render_result(await hub.call_tool("render_badge", {"label": "ok"}))
            assert image.text == "[image image/png, 70 bytes]" and image.attachments[0].size == 70

            links = await hub.call_tool("list_topics")
            assert [b.uri.host for b in links.content if isinstance(b, types.ResourceLink)] == ["groceries", "mcp"]

            divided = await hub.call_tool("strict_divide", {"a": 1, "b": 0})
            assert divided.isError is True and "division by zero" in render_result(divided).text
            dumped = snapshot(divided)
            assert dumped["isError"] is True and "structuredContent" not in dumped
            assert (await hub.call_tool("archive", {"topic": "nope"})).isError

            try:
                await hub.call_tool("sleepy", {"seconds": 2})
            except ToolTimeout as exc:
                cause = exc.__cause__
                assert exc.seconds == 0.2
                assert isinstance(cause, McpError) and cause.error.code == httpx.codes.REQUEST_TIMEOUT
            else:
                raise AssertionError("expected ToolTimeout")


async def test_resources_prompts_and_completions() -> None:
    async with running(build_notes_server()) as (r1, w1), running(build_catalog_server()) as (r2, w2):
        async with ServerHub() as hub:
            notes = await hub.attach("notes", r1, w1)
            catalog = await hub.attach("catalog", r2, w2)

            resources, templates = await collect_resources(catalog.session)
            assert [r.name for r in resources] == ["shelf-0", "shelf-1", "shelf-2"]
            assert resources[1].uri == AnyUrl("catalog://shelf/1")
            assert describe_resource(resources[0]).split() == ["shelf-0", "catalog:shelf", "text/plain"]
            assert [t.uriTemplate for t in templates] == ["catalog://cover/{id}"]

            cover = await hub.read_resource("catalog://cover/9", server="catalog")
            assert render_resource(cover) == "[image/png 70 bytes from catalog]"
            text = (await hub.read_resource("notes://mcp", server="notes")).contents[0]
            assert isinstance(text, types.TextResourceContents) and text.uri.host == "mcp"

            try:
                await hub.read_resource("catalog://nowhere/x", server="catalog")
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS and "nowhere" in exc.error.message
            else:
                raise AssertionError("expected McpError")
            for bad in (hub.subscribe("notes://mcp", server="notes"), hub.read_resource("notes://mcp")):
                try:
                    await bad
                except HubError:
                    pass
                else:
                    raise AssertionError("expected HubError")

            prompt = await notes.session.get_prompt("review", {"topic": "mcp", "tone": "terse"})
            content = prompt.messages[0].content
            assert isinstance(content, types.TextContent) and content.text.endswith("in a terse tone.")
            assert await hub.complete("review", "tone", "f", server="notes") == (["friendly", "formal"], False)
            assert await hub.complete("notes://{topic}", "topic", "", server="notes") == (["groceries"], True)


async def test_notifications_logging_and_progress() -> None:
    async with running(build_notes_server()) as (r1, w1), running(build_catalog_server()) as (r2, w2):
        async with ServerHub() as hub:
            notes = await hub.attach("notes", r1, w1)
            catalog = await hub.attach("catalog", r2, w2)
            assert await hub.set_log_level("debug", server="notes") is False
            assert await hub.set_log_level("warning", server="catalog") is True

            updates: list[tuple[float, float | None, str | None]] = []

            async def on_progress(progress: float, total: float | None, message: str | None) -> None:
                updates.append((progress, total, message))

            result = await hub.call_tool("reindex", {"steps": 3}, progress=on_progress)
            assert data(result) == {"result": "reindexed in 3 steps"}
            assert updates == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
            assert list(notes.events.progress.values()) == [[1.0, 2.0, 3.0]]
            assert "[debug] notes: reindex step 2" in notes.events.log_lines

            await hub.call_tool("add_note", {"topic": "travel", "text": "passport"})
            assert notes.events.updated == ["notes://travel"] and notes.events.changed == ["resources"]

            await hub.call_tool("catalog__lookup_game", {"id": 1})
            assert catalog.events.log_lines[-1] == "[warning] catalog: catalog call lookup_game"

            await hub.call_tool("enable_podcasts")
            assert catalog.stale == {"tools"} and "catalog__lookup_podcast" not in hub.all_tools()
            assert await hub.refresh_stale() == ["catalog"]
            assert "catalog__lookup_podcast" in hub.all_tools()
            assert all(isinstance(v, float) for v in (await hub.ping_all()).values())


async def test_sampling_roots_and_elicitation_callbacks() -> None:
    sampler = SamplingBridge(RuleBasedModel(max_tokens=3))
    elicitor = ElicitationBridge({"confirm": True, "reason": "cleanup"})
    root_dir = Path(__file__).parent
    async with running(build_notes_server()) as (read, write):
        async with ServerHub(sampler=sampler, elicitor=elicitor) as hub:
            await hub.attach("notes", read, write, entry=ServerEntry("notes", "stdio", root=str(root_dir)))

            summary = data(await hub.call_tool("summarize", {"topic": "groceries"}))
            assert summary["result"] == "shellpilot-rules-1/endTurn: [notes] summary: oat milk coffee"
            assert sampler.requests[0].maxTokens == 40 and sampler.requests[0].systemPrompt == "notes"

            roots = await hub.call_tool("workspace_roots")
            assert data(roots)["result"] == [root_dir.resolve().as_uri()]

            purged = await hub.call_tool("purge", {"topic": "groceries"})
            assert data(purged)["result"] == "purged groceries (cleanup)"
            elicitor.answers.clear()
            kept = await hub.call_tool("purge", {"topic": "mcp"})
            assert data(kept)["result"] == "kept mcp (cancel)"

            sampler.allow = False
            assert (await hub.call_tool("summarize", {"topic": "mcp"})).isError
