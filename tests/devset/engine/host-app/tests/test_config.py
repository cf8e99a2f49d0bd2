from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deskmate.config import ConfigError, parse_config  # noqa: E402
from deskmate.transports import BearerAuth, http_parameters, sse_parameters, stdio_parameters  # noqa: E402

DOCUMENT = {
    "mcpServers": {
        "files": {
            "command": "uvx",
            "args": ["files-server", "--root", "${NOTES_DIR}"],
            "env": {"API_KEY": "${FILES_KEY:-dev-key}"},
            "cwd": "/srv/files",
            "autoApprove": ["list_files"],
        },
        "tracker": {
            "url": "https://tracker.example/mcp",
            "headers": {"X-Team": "${TEAM}"},
            "timeout": 12,
            "sseReadTimeout": 90,
            "bearerTokenEnv": "TRACKER_TOKEN",
        },
        "wiki": {"url": "http://localhost:9000/sse"},
        "old": {"type": "sse", "url": "http://localhost:9001/events", "disabled": True},
    },
    "ui": {"host": "0.0.0.0", "port": 7001, "logLevel": "WARNING"},
    "approvalPolicy": {"defaultMode": "deny", "trustReadOnly": False},
    "workspaces": ["/tmp"],
}
ENV = {"NOTES_DIR": "/home/me/notes", "TEAM": "core"}


def test_parse_mcp_servers_document() -> None:
    config = parse_config(DOCUMENT, environ=ENV)
    files, tracker = config.servers["files"], config.servers["tracker"]
    assert (files.transport, files.args, files.env) == ("stdio", ["files-server", "--root", "/home/me/notes"], {"API_KEY": "dev-key"})
    assert (tracker.transport, tracker.headers) == ("streamable-http", {"X-Team": "core"})
    assert config.servers["wiki"].transport == "sse"
    assert [entry.name for entry in config.enabled()] == ["files", "tracker", "wiki"]
    assert (config.ui.host, config.ui.port, config.ui.log_level) == ("0.0.0.0", 7001, "warning")
    assert config.approvals.default_mode == "deny" and config.workspaces.root == ["/tmp"]

    for broken in (
        {"servers": {}},
        {"mcpServers": {"x": {"args": []}}},
        {"mcpServers": {"x": {"command": "a", "type": "carrier-pigeon"}}},
        {"mcpServers": {"x": {"url": "http://h/${MISSING}"}}},
    ):
        try:
            parse_config(broken, environ={})
        except ConfigError:
            continue
        raise AssertionError(f"accepted {broken}")


def test_transport_parameters_from_entries() -> None:
    config = parse_config(DOCUMENT, environ=ENV)

    stdio = stdio_parameters(config.servers["files"])
    assert stdio.command == "uvx" and str(stdio.cwd) == "/srv/files"
    assert stdio.env is not None and stdio.env["API_KEY"] == "dev-key" and "PATH" in stdio.env

    http = http_parameters(config.servers["tracker"])
    assert http.timeout == timedelta(seconds=12) and http.sse_read_timeout.total_seconds() == 90

    sse = sse_parameters(config.servers["wiki"])
    assert sse.url.endswith("/sse") and sse.timeout == 30.0 and sse.headers is None


def test_bearer_auth_reads_token_per_request() -> None:
    environ = {"TRACKER_TOKEN": "abc123"}
    auth = BearerAuth("TRACKER_TOKEN", environ=environ)
    flow = auth.auth_flow(httpx.Request("POST", "https://tracker.example/mcp"))
    request = next(flow)
    assert request.headers["Authorization"] == "Bearer abc123"

    environ.clear()
    bare = next(auth.auth_flow(httpx.Request("POST", "https://tracker.example/mcp")))
    assert "Authorization" not in bare.headers
