"""The MCP bridge exercised over in-memory client/server sessions."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import anyio
from mcp import types
from mcp.shared.exceptions import McpError
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from pydantic import AnyUrl

from appdeck.mcp_server import AppMCPServer
from appdeck.testing import Recorder, connect, quick_session
from tests.demo_apps import build_demo_app


async def test_tools_mirror_public_endpoints() -> None:
    app = build_demo_app()
    async with quick_session(app) as session:
        listing = await session.list_tools()
    tools = {t.name: t for t in listing.tools}
    assert "audit_log" not in tools
    assert listing.nextCursor is None

    repeat = tools["repeat"]
    assert repeat.title == "Repeat text"
    assert repeat.inputSchema["properties"]["times"] == {"type": "integer", "minimum": 1, "maximum": 5}
    assert repeat.inputSchema["required"] == ["text"]
    assert repeat.annotations is not None
    assert repeat.annotations.readOnlyHint is True
    assert repeat.annotations.destructiveHint is False
    assert repeat.execution is not None and repeat.execution.taskSupport == types.TASK_FORBIDDEN
    assert tools["word_stats"].outputSchema is not None
    assert tools["word_stats"].outputSchema["required"] == ["words", "chars"]
    assert tools["save_note"].annotations is not None and tools["save_note"].annotations.destructiveHint
    assert tools["slow_count"].meta == {"appdeck/visibility": "public", "appdeck/streamsProgress": True}


async def test_call_tool_text_structured_and_image() -> None:
    app = build_demo_app()
    async with quick_session(app) as session:
        repeated = await session.call_tool("repeat", {"text": "ha", "times": 3})
        stats = await session.call_tool("word_stats", {"text": "the quick brown fox"})
        swatch = await session.call_tool("swatch", {"size": 2, "color": "green"})

    assert not repeated.isError
    first = repeated.content[0]
    assert isinstance(first, types.TextContent) and first.text == "ha ha ha"

    assert stats.structuredContent == {"words": 4, "chars": 19, "longest": "quick"}
    block = stats.content[0]
    assert isinstance(block, types.TextContent)
    assert json.loads(block.text)["words"] == 4

    image, caption = swatch.content
    assert isinstance(image, types.ImageContent)
    assert image.mimeType == "image/png"
    assert base64.b64decode(image.data).startswith(b"\x89PNG")
    assert isinstance(caption, types.TextContent) and caption.text == "2px green"
    assert [h["endpoint"] for h in app.history] == ["repeat", "word_stats", "swatch"]


async def test_failures_become_error_results() -> None:
    app = build_demo_app()
    async with quick_session(app) as session:
        raised = await session.call_tool("shout", {"text": "   "})
        invalid = await session.call_tool("repeat", {"text": "x", "times": 9})
        unknown = await session.call_tool("does_not_exist", {})
        bad_output = await session.call_tool("broken_stats", {"text": "a b"})
        hidden = await session.call_tool("audit_log", {})

    def message(result: types.CallToolResult) -> str:
        assert result.isError is True
        block = result.content[0]
        assert isinstance(block, types.TextContent)
        return block.text

    assert message(raised) == "nothing to shout"
    assert message(invalid).startswith("Input validation error")
    assert message(unknown) == "Unknown tool: does_not_exist"
    assert message(bad_output).startswith("Output validation error")
    assert message(hidden) == "Unknown tool: audit_log"


async def test_progress_notifications_follow_progress_token() -> None:
    app = build_demo_app()
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    async with quick_session(app) as session:
        result = await session.call_tool("slow_count", {"steps": 4}, progress_callback=on_progress)
        quiet = await session.call_tool("slow_count", {"steps": 2})

    assert not result.isError and not quiet.isError
    assert [p for p, _, _ in seen] == [0.25, 0.5, 0.75, 1.0]
    assert seen[-1] == (1.0, 1.0, "step 4")
    assert len(seen) == 4  # the second call had no progress token


async def test_logging_respects_client_level() -> None:
    app = build_demo_app()
    recorder = Recorder()
    async with connect(app, recorder=recorder) as session:
        await session.call_tool("repeat", {"text": "a"})
        await session.set_logging_level("warning")
        await session.call_tool("repeat", {"text": "b"})
    assert len(recorder.logs) == 1
    entry = recorder.logs[0]
    assert entry.level == "info"
    assert entry.logger == "appdeck.text-toolkit"
    assert entry.data == {"event": "predict", "endpoint": "repeat", "client": "mcp"}
    assert app.mcp_server().log_level == "warning"


async def test_resources_paginate_and_read() -> None:
    app = build_demo_app()
    bridge = AppMCPServer(app, page_size=3)
    async with connect(bridge) as session:
        uris: list[AnyUrl] = []
        cursor: types.Cursor | None = None
        pages = 0
        while True:
            page = await session.list_resources(cursor=cursor)
            pages += 1
            uris.extend(r.uri for r in page.resources)
            if page.nextCursor is None:
                break
            cursor = page.nextCursor
        readme = await session.read_resource(AnyUrl("appdeck://text-toolkit/assets/readme.md"))
        logo = await session.read_resource(uris[0])
        templates = await session.list_resource_templates()
        example = await session.read_resource(AnyUrl("appdeck://text-toolkit/examples/repeat"))

    assert pages == 3
    assert len(uris) == 7
    assert all(u.scheme == "appdeck" and u.host == "text-toolkit" for u in uris)
    assert uris[0].path == "/assets/logo.png"

    text = readme.contents[0]
    assert isinstance(text, types.TextResourceContents)
    assert text.mimeType == "text/markdown" and text.text.startswith("# Text Toolkit")
    blob = logo.contents[0]
    assert isinstance(blob, types.BlobResourceContents) and blob.mimeType == "image/png"
    assert base64.b64decode(blob.blob).startswith(b"\x89PNG")

    template = templates.resourceTemplates[0]
    assert template.uriTemplate == "appdeck://text-toolkit/examples/{endpoint}"
    payload = example.contents[0]
    assert isinstance(payload, types.TextResourceContents)
    assert json.loads(payload.text) == {"text": None, "times": 2}


async def test_unknown_resource_and_bad_cursor_raise() -> None:
    app = build_demo_app()
    async with connect(app) as session:
        try:
            await session.read_resource(AnyUrl("appdeck://text-toolkit/assets/missing.txt"))
        except McpError as exc:
            not_found = exc
        else:
            raise AssertionError("expected McpError")
        try:
            await session.list_resources(cursor="-5")
        except McpError as exc:
            bad_cursor = exc
        else:
            raise AssertionError("expected McpError")
    assert not_found.error.code == types.INVALID_PARAMS
    assert not_found.error.data == {"uri": "appdeck://text-toolkit/assets/missing.txt"}
    assert bad_cursor.error.message == "Bad cursor '-5'"


async def test_prompts_and_completions() -> None:
    app = build_demo_app()
    async with connect(app) as session:
        prompts = await session.list_prompts()
        rendered = await session.get_prompt("summarize", {"style": "brief", "text": "A long story."})
        styles = await session.complete(
            types.PromptReference(type="ref/prompt", name="summarize"),
            {"name": "style", "value": "b"},
        )
        endpoints = await session.complete(
            types.ResourceTemplateReference(type="ref/resource", uri="appdeck://text-toolkit/examples/{endpoint}"),
            {"name": "endpoint", "value": "s"},
        )
    prompt = prompts.prompts[0]
    assert prompt.name == "summarize"
    assert [a.name for a in prompt.arguments or []] == ["style", "text"]
    message = rendered.messages[0]
    assert message.role == "user"
    assert isinstance(message.content, types.TextContent)
    assert message.content.text.startswith("Summarize the following text in a brief style")
    assert styles.completion.values == ["bullet points", "brief"]
    assert styles.completion.hasMore is False
    assert endpoints.completion.values == ["save_note", "shout", "slow_count", "swatch"]


async def test_capabilities_and_list_changed_notification() -> None:
    app = build_demo_app()
    recorder = Recorder()
    async with connect(app, recorder=recorder) as session:
        caps = session.get_server_capabilities()
        before = await session.list_tools()
        await session.call_tool("add_greeter", {"name": "ada"})
        after = await session.list_tools()
        greeting = await session.call_tool("greet_ada", {})

    assert caps is not None
    assert caps.tools is not None and caps.tools.listChanged is True
    assert caps.resources is not None and caps.resources.subscribe is True
    assert caps.experimental == {"appdeck": {"version": "1.4.0", "pageSize": 50}}
    assert caps.completions is not None and caps.logging is not None
    assert "notifications/tools/list_changed" in recorder.methods()
    assert len(after.tools) == len(before.tools) + 1
    block = greeting.content[0]
    assert isinstance(block, types.TextContent) and block.text == "Hello from ada!"


async def test_resource_subscription_notifies_on_write() -> None:
    app = build_demo_app()
    recorder = Recorder()
    uri = AnyUrl("appdeck://text-toolkit/assets/notes.txt")
    async with connect(app, recorder=recorder) as session:
        await session.subscribe_resource(uri)
        await session.call_tool("save_note", {"note": "buy milk"})
        await session.unsubscribe_resource(uri)
        await session.call_tool("save_note", {"note": "call mom"})
        notes = await session.read_resource(uri)
    updates = recorder.of_type(types.ResourceUpdatedNotification)
    assert [str(u.params.uri) for u in updates] == [str(uri)]
    contents = notes.contents[0]
    assert isinstance(contents, types.TextResourceContents)
    assert contents.text == "buy milk\ncall mom\n"


async def test_read_timeout_surfaces_as_408() -> None:
    app = build_demo_app()
    async with connect(app, read_timeout=timedelta(seconds=5)) as session:
        init_versions = SUPPORTED_PROTOCOL_VERSIONS
        assert types.LATEST_PROTOCOL_VERSION in init_versions
        try:
            await session.call_tool("nap", {"seconds": 2}, read_timeout_seconds=timedelta(milliseconds=200))
        except McpError as exc:
            assert exc.error.code == 408
            assert "Timed out" in exc.error.message
        else:
            raise AssertionError("nap should have timed out")
        with anyio.fail_after(5):
            ok = await session.call_tool("nap", {"seconds": 0})
        assert not ok.isError


async def test_admin_header_unlocks_private_endpoints_only_over_http_context() -> None:
    app = build_demo_app()
    bridge = AppMCPServer(app, admin_token="s3cret")
    async with connect(bridge) as session:
        tools = await session.list_tools()
        result = await session.call_tool("whoami", {})
    assert "audit_log" not in {t.name for t in tools.tools}
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    assert block.text == "anonymous via mcp"
    assert bridge.request_headers() == {}
    assert bridge.progress_token() is None
