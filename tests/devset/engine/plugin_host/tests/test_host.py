"""In-process tests: a real ClientSession talks to the plugin host over memory streams."""

import json
from typing import Any
from unittest import mock

import anyio
from mcp import types
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.server.fastmcp.exceptions import ToolError
from pydantic import AnyUrl

from plugin_host.plugins.notebook import STORE
from plugin_host.registry import PluginRegistry
from plugin_host.server import build_server


def _server():
    registry = PluginRegistry()
    registry.load_modules(["textkit", "notebook"])
    STORE.clear()
    return build_server(registry)


def _text(result: types.CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, types.TextContent), block
    return block.text


def test_catalog_lists_plugins_and_templates():
    async def run():
        server = _server()
        async with create_connected_server_and_client_session(server._mcp_server) as client:
            result = await client.call_tool("host.catalog", {})
            assert not result.isError
            data = json.loads(_text(result))
            assert data["plugins"]["textkit"]["tools"] == 2
            assert "notes://{folder}/{slug}" in data["templates"]
            schemes = {r["scheme"] for r in data["resources"]}
            assert schemes == {"textkit", "notes"}

    anyio.run(run)


def test_namespaced_tool_returns_structured_content():
    async def run():
        async with create_connected_server_and_client_session(_server()._mcp_server) as client:
            tools = await client.list_tools()
            by_name = {t.name: t for t in tools.tools}
            assert by_name["textkit.word_count"].annotations is not None
            assert by_name["textkit.word_count"].outputSchema is not None
            result = await client.call_tool(
                "textkit.word_count", {"text": "the cat and the hat", "skip_stopwords": True}
            )
            assert result.structuredContent == {"words": 2, "unique": 2, "chars": 19}

    anyio.run(run)


def test_mcp_error_in_plugin_tool_becomes_error_result():
    async def run():
        async with create_connected_server_and_client_session(_server()._mcp_server) as client:
            result = await client.call_tool("textkit.slugify", {"title": "!!!"})
            assert result.isError
            assert "no usable characters" in _text(result)

    anyio.run(run)


def test_invoke_reports_progress_and_counts_calls():
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    async def run():
        async with create_connected_server_and_client_session(_server()._mcp_server) as client:
            result = await client.call_tool(
                "host.invoke",
                {"tool": "textkit.slugify", "arguments": {"title": "Hello Plugin World"}},
                progress_callback=on_progress,
            )
            assert _text(result) == "hello-plugin-world"

    anyio.run(run)
    assert updates[0] == (0, 2, "dispatching textkit.slugify")
    assert updates[-1][0] == 2


def test_notes_template_and_index():
    async def run():
        async with create_connected_server_and_client_session(_server()._mcp_server) as client:
            await client.call_tool("notebook.add_note", {"folder": "ops", "slug": "pager", "body": "rotate weekly"})
            read = await client.read_resource(AnyUrl("notes://ops/pager"))
            contents = read.contents[0]
            assert isinstance(contents, types.TextResourceContents)
            assert contents.mimeType == "text/markdown"
            assert "rotate weekly" in contents.text
            index = await client.read_resource(AnyUrl("notes://index"))
            first = index.contents[0]
            assert isinstance(first, types.TextResourceContents)
            assert json.loads(first.text)[0]["uri"] == "notes://ops/pager"
            templates = await client.list_resource_templates()
            assert templates.resourceTemplates[0].uriTemplate == "notes://{folder}/{slug}"

    anyio.run(run)


def test_preview_reads_resource_through_context():
    async def run():
        async with create_connected_server_and_client_session(_server()._mcp_server) as client:
            result = await client.call_tool("host.preview", {"uri": "textkit://about"})
            assert _text(result).startswith("textkit:")
            stop = await client.call_tool("host.preview", {"uri": "textkit://stopwords"})
            assert "bytes of application/json" in _text(stop)

    anyio.run(run)


def test_prompt_rendering_direct_and_via_tool():
    async def run():
        server = _server()
        prompt = server._prompt_manager.get_prompt("summarize")
        assert prompt is not None
        messages = await prompt.render({"text": "MCP is a protocol.", "sentences": "1"})
        assert [m.role for m in messages] == ["user", "assistant"]
        async with create_connected_server_and_client_session(server._mcp_server) as client:
            got = await client.get_prompt("summarize", {"text": "abc"})
            assert got.messages[1].role == "assistant"
            result = await client.call_tool("host.render_prompt", {"name": "summarize", "arguments": {"text": "x"}})
            assert _text(result).startswith("user: Summarise")

    anyio.run(run)


def test_tool_manager_direct_call_without_session():
    async def run():
        server = _server()
        value = await server._tool_manager.call_tool("textkit.slugify", {"title": "Direct Call"})
        assert value == "direct-call"
        try:
            await server._tool_manager.call_tool("textkit.nope", {})
        except ToolError as exc:
            assert "Unknown tool" in str(exc)
        else:
            raise AssertionError("expected ToolError")

    anyio.run(run)


def test_resource_manager_unknown_uri_raises_value_error():
    async def run():
        server = _server()
        try:
            await server._resource_manager.get_resource("notes://")
        except ValueError as exc:
            assert "Unknown resource" in str(exc)
        else:
            raise AssertionError("expected ValueError")
        template = server._resource_manager.list_templates()[0]
        assert template.matches("notes://ops/pager") == {"folder": "ops", "slug": "pager"}

    anyio.run(run)


def test_completion_and_logging_level():
    async def run():
        server = _server()
        async with create_connected_server_and_client_session(server._mcp_server) as client:
            await client.call_tool("notebook.add_note", {"folder": "ops", "slug": "a", "body": "x"})
            await client.call_tool("notebook.add_note", {"folder": "oncall", "slug": "b", "body": "y"})
            done = await client.complete(
                types.ResourceTemplateReference(type="ref/resource", uri="notes://{folder}/{slug}"),
                {"name": "folder", "value": "o"},
            )
            assert done.completion.values == ["oncall", "ops"]
            await client.set_logging_level("debug")
            who = await client.call_tool("host.whoami", {})
            assert who.structuredContent is not None
            assert who.structuredContent["client"] == "mcp"

    anyio.run(run)


def test_main_passes_transport_settings():
    from plugin_host import __main__ as cli

    captured: dict[str, Any] = {}

    def fake_build(registry, **settings):
        captured.update(settings)
        return mock.MagicMock()

    with mock.patch.object(cli, "build_server", side_effect=fake_build):
        cli.main(["--plugins", "textkit", "--transport", "streamable-http", "--port", "9100", "--stateless"])
    assert captured["port"] == 9100
    assert captured["stateless_http"] is True


def test_schedule_reload_uses_event_loop():
    async def run():
        server = _server()
        async with create_connected_server_and_client_session(server._mcp_server) as client:
            result = await client.call_tool("host.schedule_reload", {"plugin": "textkit", "delay": 0.01})
            assert not result.isError, _text(result)
            assert "scheduled" in _text(result)
            await anyio.sleep(0.05)

    anyio.run(run)
