from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from unittest import mock

sys.path.insert(0, os.path.dirname(__file__))

from mcp.server.fastmcp import FastMCP  # noqa: E402

from warehouse import cli  # noqa: E402
from warehouse.server import get_server  # noqa: E402


def _write_config(directory: str, **values: object) -> Path:
    path = Path(directory) / "warehouse.json"
    path.write_text(json.dumps({"warehouse": values}), encoding="utf-8")
    return path


def test_cli_overrides_land_on_server_settings() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = _write_config(tmp, name="wh-cli", transport="sse", ssePath="/events", allowedHosts=["wh.internal"])
        mcp, transport, _ = cli.prepare(
            ["--config", str(config), "--host", "0.0.0.0", "--port", "9100", "--path", "stream", "--mount-path", "/wh"]
        )

    assert mcp is get_server()
    assert transport == "sse"
    assert mcp.name == "wh-cli"
    assert mcp.settings.host == "0.0.0.0"
    assert mcp.settings.port == 9100
    assert mcp.settings.sse_path == "/stream"
    assert mcp.settings.streamable_http_path == "/mcp"
    assert mcp.settings.mount_path == "/wh"
    assert mcp.settings.transport_security is not None
    assert mcp.settings.transport_security.allowed_hosts == ["wh.internal"]
    assert cli.describe_endpoint(mcp, transport) == "http://0.0.0.0:9100/wh/stream"


def test_cli_main_runs_streamable_http_with_flags() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = _write_config(tmp, name="wh-http", port=8123, jsonResponse=False)
        with mock.patch.object(FastMCP, "run") as run:
            code = cli.main(["--config", str(config), "-t", "streamable-http", "--json-response", "--stateless"])

    assert code == 0
    run.assert_called_once_with(transport="streamable-http")
    server = get_server()
    assert server.name == "wh-http"
    assert server.settings.port == 8123
    assert server.settings.json_response is True
    assert server.settings.stateless_http is True
    assert cli.describe_endpoint(server, "streamable-http") == "http://127.0.0.1:8123/mcp"
