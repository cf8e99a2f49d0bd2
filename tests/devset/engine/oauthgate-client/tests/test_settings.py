from __future__ import annotations

import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

from oauthgate.settings import GatewaySettings, ServerRegistry, SettingsError

RAW = {
    "clientName": "Acme Desktop",
    "callback": {"host": "localhost", "port": 9123, "path": "cb"},
    "mcpServers": {
        "catalog": {"serverUrl": "https://mcp.example.com/mcp", "scopes": ["catalog:read"], "sseReadTimeout": 120},
        "legacy": {"transport": "sse", "url": "http://legacy.internal:8080/sse", "oauth": False},
        "local": {"transport": "stdio", "command": "python", "args": ["-m", "local_server"]},
    },
    "maxReconnects": 4,
    "logLevel": "debug",
}


def test_settings_roundtrip_and_callback_uri():
    settings = GatewaySettings.from_dict(RAW)
    assert settings.callback.redirect_uri == "http://localhost:9123/cb"
    catalog = settings.servers["catalog"]
    assert (catalog.host, catalog.port) == ("mcp.example.com", 443)
    assert catalog.sse_read_timeout == 120.0 and catalog.use_oauth
    legacy = settings.servers["legacy"]
    assert (legacy.host, legacy.port, legacy.use_oauth) == ("legacy.internal", 8080, False)
    assert settings.servers["local"].use_oauth is False
    assert settings.log_level == "DEBUG" and settings.max_reconnects == 4

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "gateway.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(RAW, fh)
        os.environ["OAUTHGATE_CALLBACK_PORT"] = "9200"
        try:
            again = GatewaySettings.from_file(path)
        finally:
            del os.environ["OAUTHGATE_CALLBACK_PORT"]
    assert again.callback.redirect_uri == "http://localhost:9200/cb"
    assert sorted(again.servers) == ["catalog", "legacy", "local"]

    try:
        GatewaySettings.from_dict({"mcpServers": {"broken": {"transport": "websocket", "url": "ws://x"}}})
    except SettingsError as exc:
        assert "unknown transport" in str(exc)
    else:
        raise AssertionError("expected SettingsError")


def test_registry_paging():
    registry = ServerRegistry.from_dict(
        {
            "root": {
                "name": "all",
                "servers": ["zeta"],
                "folders": [
                    {"name": "work", "servers": ["jira", "github"]},
                    {"name": "home", "servers": ["notes"], "folders": [{"name": "deep", "servers": ["alpha"]}]},
                ],
            }
        }
    )
    assert registry.root.name == "all"
    first = registry.page(page_size=3)
    assert first == {"servers": ["alpha", "github", "jira"], "nextCursor": "3", "isError": False}
    second = registry.page(first["nextCursor"], page_size=3)
    assert second["servers"] == ["notes", "zeta"] and second["nextCursor"] is None
