from __future__ import annotations

import json
from pathlib import Path
from tempfile import TemporaryDirectory

from pydantic import AnyUrl, ValidationError

from mcpbridge.naming import NamespaceError, qualify, split_qualified, unwrap_template, unwrap_uri, wrap_uri
from mcpbridge.settings import UpstreamList, describe, load_settings

CONFIG = {
    "listener": {"transport": "streamable-http", "port": 9100, "json_response": True},
    "mcpServers": [
        {"serverName": "weather", "toolPrefix": "wx", "command": "weather-mcp", "readTimeoutSeconds": 5},
        {"serverName": "notes.local", "transport": "http", "url": "http://notes:8000/mcp", "listChanged": False},
        {"serverName": "legacy", "command": "old-mcp", "enabled": False},
    ],
}


def test_settings_load_from_file_and_environment() -> None:
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "bridge.json"
        path.write_text(json.dumps(CONFIG), encoding="utf-8")
        settings = load_settings(path, environ={"BRIDGE_HOST": "0.0.0.0"})
    assert (settings.host, settings.port, settings.json_response) == ("0.0.0.0", 9100, True)
    assert [spec.prefix for spec in settings.upstreams.root] == ["wx", "notes-local", "legacy"]
    summary = describe(settings)
    assert summary["serverInfo"] == {"name": "proxy-bridge"} and summary["listen"] == "0.0.0.0:9100"
    assert summary["upstreams"][1] == {"serverName": "notes.local", "toolPrefix": "notes-local", "listChanged": False}
    try:
        UpstreamList.model_validate([{"serverName": "a", "toolPrefix": "x.y"}])
        raise AssertionError("dotted prefix accepted")
    except ValidationError as exc:
        assert "toolPrefix" in str(exc)


def test_naming_round_trips() -> None:
    assert split_qualified(qualify("wx", "forecast")) == ("wx", "forecast")
    wrapped = wrap_uri("wx", AnyUrl("weather://stations/oslo"))
    assert str(wrapped) == "wx+weather://stations/oslo"
    prefix, original = unwrap_uri(wrapped)
    assert (prefix, original.scheme, original.host, original.path) == ("wx", "weather", "stations", "/oslo")
    assert unwrap_template("nt+notes://item/{id}") == ("nt", "notes://item/{id}")
    for bad in ("plain", "wx."):
        try:
            split_qualified(bad)
        except NamespaceError:
            continue
        raise AssertionError(bad)
