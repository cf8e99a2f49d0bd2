from __future__ import annotations

import json
import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(__file__))

from support import build, extras_plugin, math_plugin, notes_plugin  # noqa: E402

from mcp.server.fastmcp import Context, FastMCP  # noqa: E402
from mcp.server.fastmcp.tools.base import Tool  # noqa: E402
from mcp.server.session import ServerSession  # noqa: E402
from toolforge import ForgeHarness, ForgeState, PluginManifest, ServeOptions, audited, describe_tool, mock_session  # noqa: E402
from toolforge import plugin_from_manifest  # noqa: E402
from toolforge.manifest import failure, page  # noqa: E402
from toolforge.middleware import INJECTED_CTX  # noqa: E402


def test_tools_built_from_functions_expose_internals() -> None:
    tools = {t.name: t for t in math_plugin().build_tools()}
    assert sorted(tools) == ["math_add", "math_divide", "math_explode", "math_slow_sum", "math_stats"]

    add = tools["math_add"]
    assert add.is_async  # audited turns every tool into a coroutine function
    assert add.context_kwarg == INJECTED_CTX
    assert set(add.parameters["properties"]) == {"a", "b"}
    assert add.parameters["required"] == ["a", "b"]
    assert add.annotations is not None and add.annotations.readOnlyHint is True
    assert add.annotations.title == "Add two integers"
    assert add.output_schema is not None and add.fn_metadata.wrap_output

    slow = tools["math_slow_sum"]
    assert slow.context_kwarg == "ctx"
    assert "ctx" not in slow.fn_metadata.arg_model.model_fields
    report = describe_tool(slow)
    assert report.arguments == ("values",) and report.required == ("values",)

    assert describe_tool(tools["math_stats"]).structured and not tools["math_stats"].fn_metadata.wrap_output
    explode = tools["math_explode"]
    assert explode.output_schema is None
    assert explode.annotations is not None and explode.annotations.destructiveHint is True
    assert add.icons is not None and add.icons[0].mimeType == "image/svg+xml"

    def plain(x: int, y: int = 2) -> int:
        return x * y

    bare = Tool.from_function(plain)
    assert not bare.is_async and bare.context_kwarg is None
    assert describe_tool(bare).summary() == "plain(x, y?) [sync structured]"


async def test_middleware_injects_hidden_context() -> None:
    def scale(value: float, factor: float = 2.0) -> float:
        return value * factor

    tool = Tool.from_function(audited(scale), name="scale")
    assert tool.context_kwarg == INJECTED_CTX
    assert set(tool.parameters["properties"]) == {"value", "factor"}

    mcp = FastMCP("mw")
    state = ForgeState()
    harness = ForgeHarness(mcp)
    session = mock_session()
    ctx: Context[ServerSession, Any] = harness.make_context(session=session, request_id="req-9", lifespan_context=state)

    assert await tool.run({"value": 4}, context=ctx) == 8.0
    assert [(r.tool, r.ok, r.request_id) for r in state.audit] == [("scale", True, "req-9")]
    session.send_log_message.assert_awaited_once_with(level="debug", data="-> scale", logger=None, related_request_id="req-9")

    # With no context at all the middleware stays silent but still works.
    assert await tool.run({"value": 1, "factor": 3}) == 3.0
    assert len(state.audit) == 1


def test_install_reports_duplicates_and_respects_settings() -> None:
    forge, mcp = build()
    assert [r.plugin for r in forge.reports] == ["mathkit", "notes"]
    math_report, notes_report = forge.reports
    assert len(math_report.tools) == 5 and not math_report.skipped
    assert sorted(notes_report.prompts) == ["brief", "review"]
    assert notes_report.templates == ["notes://by-id/{note_id}", "notes://summary/{topic}"]
    assert len(notes_report.resources) == 4

    mcp.settings.warn_on_duplicate_tools = False
    again = math_plugin().install(mcp)
    assert sorted(again.skipped) == sorted(math_report.tools)
    assert again.tools == []

    extra = extras_plugin().install(mcp)
    assert extra.tools == ["extra_shout"]
    names = {t.name for t in mcp._tool_manager.list_tools()}
    assert {"extra_shout", "forge_status", "forge_reload"} <= names
    assert "forge_whoami" not in names  # debug tools only when settings.debug

    notes = notes_plugin()
    review, brief = notes.prompts
    assert review.arguments is not None and brief.context_kwarg == "ctx"
    assert [(a.name, a.required) for a in review.arguments] == [("note_id", True), ("tone", False)]
    assert [t.context_kwarg for t in notes.templates] == [None, "ctx"]


GREET = {
    "name": "greet",
    "description": "Say hello",
    "inputSchema": {"type": "object", "properties": {"who": {"type": "string"}, "times": {"type": "integer"}}, "required": ["who"]},
    "annotations": {"readOnlyHint": True},
    "reply": "Hello, {who}!",
}
MANIFEST = {
    "root": {
        "name": "greeter",
        "version": "1.2.0",
        "tools": [GREET],
        "resources": [{"uri": "greeter://motd", "text": "be kind", "mimeType": "text/markdown"}],
        "resourceTemplates": [{"uriTemplate": "greeter://phrase/{lang}", "body": "phrasebook:{lang}"}],
        "serve": {"host": "0.0.0.0", "port": 9301, "logLevel": "debug", "jsonResponse": True},
    }
}


async def test_manifest_plugin_round_trip() -> None:
    manifest = PluginManifest.loads(json.dumps(MANIFEST))
    assert manifest.serve == ServeOptions(host="0.0.0.0", port=9301, log_level="DEBUG", json_response=True)
    assert manifest.tools[0].required_args() == ["who"]
    assert manifest.resourceTemplates[0].variables() == ["lang"]

    plugin = plugin_from_manifest(manifest)
    mcp = FastMCP("manifests")
    report = plugin.install(mcp)
    assert report.tools == ["greet"] and report.templates == ["greeter://phrase/{lang}"]

    harness = ForgeHarness(mcp)
    assert harness.tool("greet").parameters["required"] == ["who"]
    assert await harness.call_raw("greet", {"who": "Ada"}) == "Hello, Ada!"
    assert await harness.read_text("greeter://phrase/fr") == "phrasebook:fr"
    assert await harness.read_text("greeter://motd") == "be kind"

    assert page(["a", "b", "c"], None) == {"items": ["a", "b"], "nextCursor": "2"}
    assert page(["a", "b", "c"], "2") == {"items": ["c"], "nextCursor": None}
    assert failure("nope")["isError"] is True
