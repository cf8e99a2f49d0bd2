from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from support import PNG_BYTES, build  # noqa: E402

from pydantic import AnyUrl  # noqa: E402
from starlette.routing import Route  # noqa: E402

from mcp.server.fastmcp.exceptions import ResourceError, ToolError  # noqa: E402
from mcp.server.fastmcp.resources import FileResource, FunctionResource, TextResource  # noqa: E402
from mcp.shared.exceptions import McpError  # noqa: E402
from mcp.types import INTERNAL_ERROR, TextContent  # noqa: E402
from toolforge import ForgeHarness, ForgeState, ServeOptions, ToolOutcome, apply_serve_options, asgi_app, mock_session  # noqa: E402


async def test_tool_calls_raw_and_normalised() -> None:
    _, mcp = build()
    harness = ForgeHarness(mcp)

    assert await harness.call_raw("math_add", {"a": 2, "b": 3}) == 5
    assert await mcp._tool_manager.call_tool("math_add", {"a": "40", "b": 2}) == 42
    stats = await harness.call_raw("math_stats", {"values": [1, 2, 6]})
    assert (stats.count, stats.mean, stats.spread) == (3, 3.0, 5.0)

    for name, args, fragment in [
        ("math_nope", {}, "Unknown tool: math_nope"),
        ("math_add", {"a": "x", "b": 1}, "Error executing tool math_add"),
        ("math_divide", {"a": 1, "b": 0}, "division by zero"),
    ]:
        try:
            await harness.call_raw(name, args)
        except ToolError as exc:
            assert fragment in str(exc), str(exc)
        else:
            raise AssertionError(f"{name} should have failed")
    try:
        await harness.call_raw("math_explode", {"reason": "kaput"})
    except ToolError as exc:
        assert isinstance(exc.__cause__, McpError)
        assert exc.__cause__.error.code == INTERNAL_ERROR
        assert exc.__cause__.error.message == "internal failure: RuntimeError"

    added = await harness.call("math_add", {"a": 20, "b": 22})
    assert added.structured == {"result": 42} and added.text == "42"
    stats_outcome = await harness.call("math_stats", {"values": [2, 4]})
    assert stats_outcome.structured == {"count": 2, "mean": 3.0, "spread": 2.0}
    assert json.loads(stats_outcome.text) == stats_outcome.structured

    seq = ToolOutcome.from_raw([TextContent(type="text", text="a"), TextContent(type="text", text="b")])
    assert seq.text == "a\nb" and seq.structured is None
    pair = ToolOutcome.from_raw(([TextContent(type="text", text="7")], {"result": 7}))
    assert pair.to_result().structuredContent == {"result": 7} and pair.to_result().isError is False
    assert ToolOutcome.from_raw({"ok": True}).structured == {"ok": True}


async def test_resources_and_prompts_directly() -> None:
    _, mcp = build()
    harness = ForgeHarness(mcp)

    readme = await harness.resolve(AnyUrl("notes://readme"))
    assert isinstance(readme, TextResource)
    assert readme.uri.scheme == "notes" and readme.uri.host == "readme"
    index = await harness.resolve("notes://index")
    assert isinstance(index, FunctionResource) and index.mime_type == "application/json"
    assert json.loads(await harness.read_text("notes://index")) == {"ids": ["n1", "n2", "n3"], "count": 3}

    logo = await harness.resolve("notes://logo")
    assert isinstance(logo, FileResource) and logo.is_binary
    [part] = await harness.read("notes://logo")
    assert part.content == PNG_BYTES and part.mime_type == "image/png"
    todo = await harness.resolve("notes://todo")
    assert isinstance(todo, FileResource) and not todo.is_binary

    assert await harness.read_text("notes://by-id/n2") == "Write the release notes"
    assert await harness.read_text("notes://summary/release") == "release on forge-test: 3 notes"
    for uri in ("notes://by-id/n9", "notes://missing"):
        try:
            await harness.resolve(uri)
        except ResourceError as exc:
            assert "resource" in str(exc).lower()
        else:
            raise AssertionError(f"{uri} should not resolve")
    try:
        await mcp.read_resource("notes://missing")
    except (ValueError, ResourceError) as exc:
        assert "Unknown resource" in str(exc)

    messages = await harness.render("review", {"note_id": "n3", "tone": "blunt"})
    assert [m.role for m in messages] == ["user", "assistant"]
    assert isinstance(messages[0].content, TextContent)
    assert messages[0].content.text == "Review note n3 (Fix flaky test) in a blunt tone."
    result = await harness.prompt("brief", {"topic": "releases"})
    assert result.description == "One-line briefing about a topic."
    assert isinstance(result.messages[0].content, TextContent)
    assert result.messages[0].content.text == "Brief me on releases using forge-test."
    try:
        await harness.prompt("review", {})
    except ValueError as exc:
        assert "Missing required arguments" in str(exc)


async def test_context_with_mock_session() -> None:
    state = ForgeState()
    _, mcp = build(state=state)
    harness = ForgeHarness(mcp)
    session = mock_session()
    ctx = harness.make_context(session=session, request_id=77, progress_token="tok-1", client_id="c3", lifespan_context=state)
    assert ctx.client_id == "c3" and ctx.request_id == "77"
    meta = ctx.request_context.meta
    assert meta is not None and meta.progressToken == "tok-1"

    outcome = await harness.call_in(ctx, "math_slow_sum", {"values": [1, 2, 3, 4]})
    assert outcome.structured == {"result": 10}
    progress = [c.kwargs for c in session.send_progress_notification.await_args_list]
    assert [(c["progress"], c["total"]) for c in progress] == [(0, 3), (1.5, 3), (3, 3)]
    assert {c["progress_token"] for c in progress} == {"tok-1"} and progress[1]["message"] == "halfway"
    assert [c.kwargs["level"] for c in session.send_log_message.await_args_list] == ["debug", "info"]
    assert state.calls["slow_sum"] == 1 and state.audit[-1].request_id == "77"

    try:
        await harness.call_in(ctx, "math_explode", {})
    except ToolError:
        pass
    assert [r.tool for r in state.failures()] == ["explode"]
    assert session.send_log_message.await_args_list[-1].kwargs["level"] == "error"

    rendered = await harness.render("brief", {"topic": "ctx"}, context=ctx)
    assert isinstance(rendered[0].content, TextContent) and "forge-test" in rendered[0].content.text


def test_settings_and_transport_options() -> None:
    forge, mcp = build(port=9123, json_response=True, streamable_http_path="/rpc")
    assert mcp.name == "forge-test"
    assert mcp.instructions is not None and mcp.instructions.startswith("Tools for arithmetic")
    assert (mcp.settings.host, mcp.settings.port, mcp.settings.json_response) == ("127.0.0.1", 9123, True)
    assert mcp.settings.log_level == "WARNING" and mcp.settings.debug is False
    assert mcp.settings.warn_on_duplicate_tools is True
    assert mcp.dependencies == ["toolforge", "pydantic>=2"]
    assert forge.state.extras == {}

    apply_serve_options(mcp, ServeOptions(host="0.0.0.0", port=8765, log_level="ERROR", stateless=True, path="/api/mcp"))
    assert (mcp.settings.host, mcp.settings.port, mcp.settings.log_level) == ("0.0.0.0", 8765, "ERROR")
    assert mcp.settings.stateless_http and mcp.settings.streamable_http_path == "/api/mcp"
    app = asgi_app(mcp)
    assert [r.path for r in app.routes if isinstance(r, Route)] == ["/api/mcp"]
    assert mcp.session_manager.stateless is True
