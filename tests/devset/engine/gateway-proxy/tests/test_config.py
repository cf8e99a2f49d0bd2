"""Loading gateway configuration files."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from pydantic import ValidationError

from mcpgate.config import UpstreamTable, load_settings


def test_mcp_servers_file_with_env_expansion() -> None:
    raw = {
        "gateway": {"host": "0.0.0.0", "port": 9001, "path": "/gw", "jsonResponse": True, "separator": "__"},
        "mcpServers": {
            "notes": {"command": "uvx", "args": ["notes-server", "--root", "${NOTES_ROOT:-/srv/notes}"]},
            "ledger": {
                "transport": "streamable-http",
                "url": "https://${LEDGER_HOST}/mcp",
                "bearerToken": "${LEDGER_TOKEN}",
                "sseReadTimeout": 60,
                "readTimeoutSeconds": 20,
                "toolTimeouts": {"reconcile": 120},
            },
            "legacy": {"command": "legacy-mcp", "enabled": False},
        },
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gateway.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        settings = load_settings(path, {"LEDGER_HOST": "ledger.internal", "LEDGER_TOKEN": "tok"})

    assert (settings.host, settings.port, settings.streamable_http_path) == ("0.0.0.0", 9001, "/gw")
    assert settings.json_response is True and settings.separator == "__"
    table = settings.upstreams.root
    assert table["notes"].args == ["notes-server", "--root", "/srv/notes"]
    ledger = table["ledger"]
    assert (ledger.url, ledger.bearer_token, ledger.sse_read_timeout) == ("https://ledger.internal/mcp", "tok", 60)
    assert ledger.timeout_for("reconcile") == 120 and ledger.timeout_for("balance") == 20
    assert [s.name for s in settings.upstreams.enabled()] == ["notes", "ledger"]

    for bad in ({"web": {"transport": "streamable-http"}}, {"Bad Name": {"command": "x"}}, {"t": {"command": "x", "k": 1}}):
        try:
            UpstreamTable.from_mapping(bad)
        except ValidationError:
            continue
        raise AssertionError(f"{bad} should not validate")
