"""Config file loading and the call history (no protocol objects involved)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from probe_inspector.history import CallHistory, HistoryEntry
from probe_inspector.settings import ConfigError, ConfigTree, load_settings

HOST_CONFIG = {
    "mcpServers": {
        "notes": {"command": "uvx", "args": ["notes-mcp", "--readonly"], "env": {"NOTES_DIR": "/tmp/notes"}},
        "remote": {"type": "http", "url": "https://mcp.example.com/mcp", "headers": {"X-Team": "qa"}},
        "legacy": {"type": "sse", "host": "0.0.0.0", "port": 9000, "ssePath": "/events", "bearerToken": "t0k"},
    },
    "inspector": {"readTimeoutSeconds": 12, "autoAcceptElicitation": True, "elicitationAnswers": {"confirm": True}},
}


def test_config_tree_settings_and_history() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tree = ConfigTree(tmp)
        assert tree.load().servers == {}
        (tree.root / ".mcp.json").write_text(json.dumps(HOST_CONFIG))
        settings = tree.load()
        (tree.root / "bad.json").write_text(json.dumps({"mcpServers": {"x": {"type": "carrier-pigeon"}}}))
        try:
            load_settings(tree.root / "bad.json")
        except ConfigError as exc:
            assert "carrier-pigeon" in str(exc)
        else:
            raise AssertionError("bad transport must be rejected")

        history = CallHistory(Path(tmp) / "history.jsonl")
        history.add(HistoryEntry("notes", "search", False, 12.5, {"hits": 3}))
        history.add(HistoryEntry("notes", "delete", True, 40.0))
        raw = [json.loads(line) for line in (Path(tmp) / "history.jsonl").read_text().splitlines()]
        reloaded = CallHistory(Path(tmp) / "history.jsonl")

    notes, remote, legacy = settings.servers["notes"], settings.servers["remote"], settings.servers["legacy"]
    assert (notes.transport, notes.command, notes.args) == ("stdio", "uvx", ["notes-mcp", "--readonly"])
    assert (remote.transport, remote.endpoint()) == ("streamable-http", "https://mcp.example.com/mcp")
    assert legacy.endpoint() == "http://0.0.0.0:9000/events" and legacy.bearer_token == "t0k"
    assert settings.read_timeout_seconds == 12.0 and settings.elicitation_answers == {"confirm": True}
    assert raw[0]["toolName"] == "search" and raw[0]["structuredContent"] == {"hits": 3} and raw[1]["isError"]
    assert reloaded.summary() == {"calls": 2, "isError": 1, "tools": {"search": 1, "delete": 1}, "slowest": "delete"}
