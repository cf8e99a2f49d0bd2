from pathlib import Path

from switchboard.config import ConfigError, expand_env, parse_config
from switchboard.render import render_outcome, render_servers


def test_registry_entries_are_normalized():
    data = {
        "defaults": {"host": "10.0.0.5", "port": 9100, "timeout": 12},
        "mcpServers": {
            "files": {"command": "uvx", "args": ["files-server", "--root", "${HOME}"], "cwd": "srv"},
            "events": {"type": "sse", "sseReadTimeout": 60},
            "api": {"type": "http", "url": "https://api.example.com/mcp", "headers": {"Authorization": "Bearer ${TOKEN}"}},
            "off": {"url": "http://nowhere/mcp", "disabled": True},
        },
    }
    tree = parse_config(data, root=Path("/etc/switchboard"), environ={"HOME": "/home/ops", "TOKEN": "abc"})
    assert tree.root == Path("/etc/switchboard")
    assert (tree.host, tree.port) == ("10.0.0.5", 9100)
    files = tree.servers["files"]
    assert files.transport == "stdio" and files.args == ["files-server", "--root", "/home/ops"]
    assert files.cwd == "/etc/switchboard/srv" and files.timeout == 12
    events = tree.servers["events"]
    assert events.url == "http://10.0.0.5:9100/sse" and events.sse_read_timeout == 60
    assert tree.servers["api"].transport == "streamable-http" and tree.servers["api"].headers == {"Authorization": "Bearer abc"}
    assert [e.name for e in tree.enabled()] == ["files", "events", "api"]

    assert expand_env("${MISSING:-fallback}", {}) == "fallback"
    for bad in ({"mcpServers": {"x": {"type": "ws", "url": "ws://h"}}}, {"mcpServers": {"x": {"type": "stdio"}}}, {}):
        try:
            parse_config(bad, environ={})
        except ConfigError:
            pass
        else:
            raise AssertionError(f"accepted {bad}")


def test_render_handles_saved_snapshots():
    snapshot = {
        "alpha": {
            "serverInfo": {"name": "alpha-server", "version": "3.0"},
            "protocolVersion": "2025-06-18",
            "tools": [{"name": "t", "inputSchema": {"type": "object"}}],
        }
    }
    lines = render_servers(snapshot).splitlines()
    assert lines[0].split() == ["SERVER", "IMPLEMENTATION", "PROTOCOL", "TOOLS"]
    assert lines[2].split() == ["alpha", "alpha-server", "3.0", "2025-06-18", "1"]
    outcome = {"tool": "alpha.t", "isError": True, "content": [{"type": "text", "text": "nope"}], "structuredContent": None}
    assert render_outcome(outcome) == "[ERROR] alpha.t\nnope"
