from __future__ import annotations

import json
import tempfile
from datetime import timedelta
from pathlib import Path

from sandboxfs.config import SandboxSettings
from sandboxfs.sandbox import AccessDenied, RootEntry, Sandbox, decode_cursor, encode_cursor, paginate
from tests.support import make_tree


def test_settings_accept_host_config_blocks() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "claude_desktop_config.json"
        block = {"allowedRoots": [tmp], "host": "0.0.0.0", "port": "9100", "jsonResponse": True, "requestTimeout": 12}
        cfg.write_text(json.dumps({"mcpServers": {"sandboxfs": {"command": "python", "settings": block}}}))
        settings = SandboxSettings.from_file(cfg)
    assert settings.allowed_roots == [Path(tmp)] and settings.bind_address == "0.0.0.0:9100"
    assert settings.json_response and settings.request_timeout == timedelta(seconds=12)
    mapping = settings.to_mapping()
    assert mapping["requestTimeout"] == 12.0 and SandboxSettings.from_mapping(mapping) == settings
    assert settings.with_env({"SANDBOXFS_PORT": "7000"}).port == 7000


def test_sandbox_resolution_and_cursors() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp))
        (Path(tmp) / "outside").mkdir()
        (root / "escape").symlink_to(Path(tmp) / "outside")
        sandbox = Sandbox([RootEntry(root, "project"), RootEntry(Path(tmp) / "missing", "gone")])
        assert [r.name for r in sandbox.roots] == ["project"]
        assert sandbox.resolve("src/new/deeper.txt").relative == "src/new/deeper.txt"
        for raw in ("escape/file.txt", "../outside", "/etc/hosts"):
            try:
                sandbox.resolve(raw)
            except AccessDenied:
                continue
            raise AssertionError(raw)
    page = paginate(list(range(7)), None, 3)
    assert page["items"] == [0, 1, 2] and decode_cursor(page["nextCursor"]) == 3
    assert paginate(list(range(7)), encode_cursor(6), 3) == {"items": [6], "nextCursor": None}
