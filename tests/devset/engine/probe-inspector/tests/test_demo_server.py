"""Inspector against the bundled FastMCP demo server, over in-memory streams."""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))

import mcp.types as types
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from probe_inspector.callbacks import ClientCallbacks, ProgressRecorder
from probe_inspector.demo_server import build_demo_server
from probe_inspector.inspector import InspectorError
from probe_inspector.render import render_call_result, render_catalog, render_content
from support import inspector_for


async def test_handshake_and_catalog() -> None:
    async with inspector_for(build_demo_server()) as inspector:
        catalog = await inspector.catalog()
    summary = inspector.summary
    assert summary is not None and summary.name == "probe-demo" and summary.website_url == "https://probe-tools.dev/demo"
    assert summary.protocol_version in SUPPORTED_PROTOCOL_VERSIONS and summary.is_latest_protocol
    assert summary.features() == ["tools", "resources", "prompts", "logging", "completions"]
    echo = next(t for t in catalog.tools if t.name == "echo")
    assert echo.icons and echo.icons[0].mimeType == "image/svg+xml"
    assert catalog.resources[0].uri.scheme == "demo"
    text = "\n".join(render_catalog(catalog))
    assert "  add -- Add numbers\n      - operands: number[]\n      returns: {operands, total}" in text
    assert "  demo://readme  (demo:readme)  text/markdown\n      Read me" in text
    assert "  demo://items/{item_id}  application/json" in text and "  review(code, [language]) -- Code review" in text


async def test_structured_and_mixed_content() -> None:
    async with inspector_for(build_demo_server()) as inspector:
        summed = await inspector.call_tool("add", {"operands": [1.5, 2.5, 6]})
        mixed = await inspector.call_tool("snapshot")
        image = await inspector.call_tool("swatch")
    assert summed.structuredContent == {"total": 10.0, "operands": [1.5, 2.5, 6.0]}
    link = mixed.content[2]
    assert isinstance(link, types.ResourceLink) and link.uri.host == "readme"
    assert [render_content(block).splitlines()[0] for block in mixed.content + image.content] == [
        "inventory snapshot",
        "<demo://items/apple application/json>",
        "[link demo://readme text/markdown]",
        "[image image/png, 12 bytes]",
    ]


async def test_progress_and_log_notifications() -> None:
    callbacks = ClientCallbacks()
    progress = ProgressRecorder()
    async with inspector_for(build_demo_server(), callbacks) as inspector:
        assert await inspector.set_log_level("debug")
        result = await inspector.call_tool("countdown", {"steps": 2}, progress=progress)
    assert render_call_result(result) == ["ok", "    liftoff", '    structured: {"result": "liftoff"}']
    assert progress.events == [(1, 2, "1 left"), (2, 2, "0 left")]
    assert [m.level for m in callbacks.log_messages] == ["info", "debug", "debug", "warning"]
    assert callbacks.log_lines()[-1] == "[warning] countdown: countdown finished"


async def test_sampling_elicitation_and_roots_callbacks() -> None:
    callbacks = ClientCallbacks("summary of: {last}", auto_accept_elicitation=True,
                                elicitation_answers={"guests": 4, "confirm": True}, roots=[Path("/srv/alpha")])
    async with inspector_for(build_demo_server(), callbacks) as inspector:
        summary = await inspector.call_tool("summarize", {"text": "the quick brown fox"})
        booked = await inspector.call_tool("book_table", {"date": "2025-06-01"})
        roots = await inspector.call_tool("list_workspace")
    assert render_call_result(summary)[1] == "    summary of: the quick brown fox [model=tiny-summarizer stop=endTurn]"
    assert callbacks.sampling_requests[0].systemPrompt == "Summarize in one line."
    assert render_call_result(booked)[1] == "    Booked 4 (indoor) on 2025-06-01."
    form = callbacks.elicitations[0]
    assert isinstance(form, types.ElicitRequestFormParams) and set(form.requestedSchema["required"]) == {"guests", "confirm"}
    assert render_call_result(roots)[1] == "    alpha=/srv/alpha"

    async with inspector_for(build_demo_server()) as inspector:
        declined = await inspector.call_tool("book_table", {"date": "2025-06-02"})
    assert render_call_result(declined)[1] == "    Declined by user."


async def test_tool_errors_timeouts_and_meta() -> None:
    async with inspector_for(build_demo_server()) as inspector:
        failed = await inspector.call_tool("fail", {"reason": "testing"})
        who = await inspector.call_tool("whoami", meta={"client_id": "probe-cli"})
        try:
            await inspector.call_tool("slow", {"seconds": 5}, timeout=timedelta(milliseconds=150), retries=1)
        except InspectorError as exc:
            assert exc.timed_out and exc.code == 408
        else:
            raise AssertionError("slow tool should have timed out")
    assert failed.isError and "requested failure: testing" in render_call_result(failed)[1]
    assert '"client_id": "probe-cli"' in render_call_result(who)[-1]
    assert inspector.history.summary()["calls"] == 2 and inspector.history.summary()["isError"] == 1


async def test_resources_prompts_and_completion() -> None:
    async with inspector_for(build_demo_server()) as inspector:
        readme = await inspector.read_resource("demo://readme")
        logo = await inspector.read_resource("demo://logo")
        try:
            await inspector.read_resource("demo://items/caviar")
        except InspectorError as exc:
            assert exc.code == 0
        else:
            raise AssertionError("missing item should fail")
        prompt = await inspector.get_prompt("review", {"code": "print(1)"})
        items = await inspector.complete("demo://items/{item_id}", "item_id", "b")
        langs = await inspector.complete("prompt:review", "language", "r")
    assert isinstance(readme.contents[0], types.TextResourceContents) and readme.contents[0].text.startswith("# probe-demo")
    blob = logo.contents[0]
    assert isinstance(blob, types.BlobResourceContents) and blob.mimeType == "image/png"
    assert [m.role for m in prompt.messages] == ["user", "assistant"]
    assert (items.values, items.hasMore, langs.values) == (["bread"], False, ["rust"])
