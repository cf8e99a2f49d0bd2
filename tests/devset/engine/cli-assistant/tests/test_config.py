import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from shellpilot.config import ConfigError, load_config, parse_config

SAMPLE = {
    "mcpServers": {
        "notes": {"command": "python", "args": ["-m", "notes"], "env": {"NOTES_DIR": "${HOME}/notes"}, "root": "/tmp"},
        "search": {
            "type": "http",
            "url": "https://search.example/mcp",
            "bearerToken": "${SEARCH_TOKEN:-anonymous}",
            "sseReadTimeout": 120,
            "toolTimeout": "2.5",
        },
        "legacy": {"type": "sse", "url": "http://localhost:9000/sse", "disabled": True},
    },
    "relay": {"host": "0.0.0.0", "port": 9100},
    "assistant": {"defaultServer": "notes", "maxTurns": 3},
}


def test_parse_config_expands_env_and_normalises_transports() -> None:
    config = parse_config(SAMPLE, environ={"HOME": "/home/ada"})
    notes, search, legacy = config.servers["notes"], config.servers["search"], config.servers["legacy"]
    assert notes.transport == "stdio" and notes.env == {"NOTES_DIR": "/home/ada/notes"}
    assert notes.root_path() == Path("/tmp").resolve()
    assert search.transport == "streamable-http" and search.bearer_token == "anonymous"
    assert search.sse_read_timeout == 120.0 and search.tool_timeout == 2.5 and search.timeout == 30.0
    assert legacy.transport == "sse" and legacy.disabled
    assert [e.name for e in config.enabled()] == ["notes", "search"]
    assert config.relay.url == "http://0.0.0.0:9100/mcp"
    assert config.default_server == "notes" and config.max_turns == 3


def test_config_file_errors() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "servers.json"
        path.write_text(json.dumps(SAMPLE))
        assert load_config(path, environ={"HOME": "/h", "SEARCH_TOKEN": "s3"}).servers["search"].bearer_token == "s3"
        path.write_text("{not json")
        try:
            load_config(path)
        except ConfigError as exc:
            assert "invalid JSON" in str(exc)
        else:
            raise AssertionError("expected ConfigError")

    for bad, needle in [
        ({"mcpServers": {"x": {"type": "carrier-pigeon", "url": "x"}}}, "unknown transport"),
        ({"mcpServers": {"x": {"type": "sse"}}}, "need a 'url'"),
        ({"mcpServers": {"x": {"command": "run", "env": {"K": "${MISSING}"}}}}, "MISSING"),
        ({"mcpServers": {"x": {"url": "http://h", "timeout": "soon"}}}, "must be a number"),
        ({"mcpServers": {}, "assistant": {"defaultServer": "nope"}}, "defaultServer"),
    ]:
        try:
            parse_config(bad, environ={})
        except ConfigError as exc:
            assert needle in str(exc), (needle, str(exc))
        else:
            raise AssertionError(f"expected ConfigError for {bad}")
