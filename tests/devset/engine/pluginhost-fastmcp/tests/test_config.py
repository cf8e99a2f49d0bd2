from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from pydantic import AnyUrl  # noqa: E402
from support import fresh_app  # noqa: E402

from pluginhost import catalog  # noqa: E402
from pluginhost.app import get_app, get_config, get_plugins, invoke_tool, reset_app  # noqa: E402
from pluginhost.config import HostConfig, PluginList  # noqa: E402
from pluginhost.plugins.notes import NotesPlugin  # noqa: E402


def test_config_from_env() -> None:
    env = {
        "PLUGINHOST_TRANSPORT": "sse",
        "PLUGINHOST_HOST": "0.0.0.0",
        "PLUGINHOST_PORT": "9100",
        "PLUGINHOST_STATELESS": "yes",
        "PLUGINHOST_PLUGINS": "Notes, ops, notes",
        "PLUGINHOST_LOG_LEVEL": "chatty",
    }
    config = HostConfig.from_env(env)
    assert config.plugins.root == ["notes", "ops"]
    assert config.plugins.enabled("ops") and not config.plugins.enabled("files")
    assert config.stateless_http and not config.json_response
    assert config.log_level == "INFO"
    assert config.endpoint() == "http://0.0.0.0:9100/sse"
    assert config.as_dict()["port"] == 9100
    try:
        HostConfig.from_env({"PLUGINHOST_TRANSPORT": "websocket"})
    except ValueError as exc:
        assert "websocket" in str(exc)
    else:
        raise AssertionError("expected ValueError")


def test_settings_applied_to_server() -> None:
    config = HostConfig.from_env({"PLUGINHOST_HOST": "10.1.2.3", "PLUGINHOST_PORT": "9001", "PLUGINHOST_JSON_RESPONSE": "1"})
    config.plugins = PluginList(["notes"])
    app = reset_app(config)
    assert get_app() is app and get_config() is config
    assert app.settings.host == "10.1.2.3"
    assert app.settings.port == 9001
    assert app.settings.json_response is True
    assert app.settings.streamable_http_path == "/mcp"
    security = app.settings.transport_security
    assert security is not None and security.allowed_hosts == ["10.1.2.3:*"]
    assert app.name == "pluginhost"
    assert app.instructions is not None and "plugins" in app.instructions


async def test_direct_server_calls() -> None:
    app = fresh_app("notes")
    notes = next(p for p in get_plugins() if isinstance(p, NotesPlugin))
    notes.add("direct", "no client")
    raw = await app.call_tool("list_notes", {"topic": "direct"})
    assert isinstance(raw, tuple)
    content, payload = await invoke_tool("list_notes", {"topic": "direct"})
    assert isinstance(content[0], types.TextContent)
    assert payload is not None and payload["result"][0]["id"] == 1
    _, info = await invoke_tool("host_info", {})
    assert info is not None and info["plugins"] == ["notes"]
    contents = list(await app.read_resource(AnyUrl("notes://index")))
    assert contents[0].content == '{"direct": 1}'
    prompt = await app.get_prompt("summarize_notes", {"topic": "direct"})
    assert prompt.messages[0].role == "user"


def test_catalog_cursor_round_trip() -> None:
    entries = [catalog.plugin_entry(f"p{i}", "1.0", ["t"], {"t": {"type": "object"}}) for i in range(5)]
    first = catalog.page(entries, None, 2)
    assert [e["name"] for e in first["plugins"]] == ["p0", "p1"]
    second = catalog.page(entries, first["nextCursor"], 2)
    third = catalog.page(entries, second["nextCursor"], 2)
    assert third["nextCursor"] is None and third["total"] == 5
    assert first["plugins"][0]["inputSchema"] == {"t": {"type": "object"}}
    try:
        catalog.decode_cursor("not-a-cursor")
    except ValueError:
        pass
    else:
        raise AssertionError("bad cursor accepted")
