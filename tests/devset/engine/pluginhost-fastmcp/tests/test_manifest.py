from __future__ import annotations

import contextlib
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from pydantic import ValidationError  # noqa: E402
from support import fresh_app  # noqa: E402

from pluginhost.__main__ import main  # noqa: E402
from pluginhost.events import frame_summary, parse_frames  # noqa: E402
from pluginhost.manifest import manifest_for, open_session  # noqa: E402


async def test_manifest_snapshot() -> None:
    app = fresh_app()
    manifest = await manifest_for(app)
    assert manifest["server"]["name"] == "pluginhost"
    assert manifest["supported"] is True
    assert manifest["latestProtocol"] is True
    assert manifest["instructions"].startswith("This server hosts a set of plugins")
    assert manifest["capabilities"]["tools"] is True
    tools = {t["name"]: t for t in manifest["tools"]}
    assert tools["add_note"]["params"] == ["text", "topic"]
    assert tools["list_notes"]["readOnly"] is True
    assert tools["draft_reply"]["plugin"] == "assistant"
    assert tools["add_note"]["structured"] is True
    assert "notes://{topic}" in manifest["templates"]
    assert manifest["prompts"]["summarize_notes"] == ["topic", "style"]
    raw = {t["name"]: t for t in manifest["raw_tools"]}
    assert "inputSchema" in raw["add_note"]
    assert "outputSchema" in raw["add_note"]
    local = [r for r in manifest["resources"] if r["local"]]
    assert {r["mimeType"] for r in local} == {"image/png", "application/json", "text/plain"}


async def test_open_session_reports_identity() -> None:
    app = fresh_app("notes")
    async with open_session(app) as (session, init):
        assert init.serverInfo.name == "pluginhost"
        assert init.serverInfo.websiteUrl == "https://example.invalid/pluginhost"
        caps = session.get_server_capabilities()
        assert caps is not None and caps.prompts is not None
        pong = await session.send_ping()
        assert isinstance(pong, types.EmptyResult)


def test_cli_manifest() -> None:
    buffer = io.StringIO()
    old = os.environ.get("PLUGINHOST_NAME")
    os.environ["PLUGINHOST_NAME"] = "cli-host"
    try:
        with contextlib.redirect_stdout(buffer):
            code = main(["--manifest", "--plugins", "notes,ops"])
    finally:
        if old is None:
            os.environ.pop("PLUGINHOST_NAME", None)
        else:
            os.environ["PLUGINHOST_NAME"] = old
    assert code == 0
    data = json.loads(buffer.getvalue())
    assert data["server"]["name"] == "cli-host"
    assert "raw_tools" not in data
    assert {t["name"] for t in data["tools"]} >= {"add_note", "host_status", "host_info"}


def test_parse_frames() -> None:
    lines = [
        '{"jsonrpc": "2.0", "id": 1, "method": "ping"}',
        "",
        '{"jsonrpc": "2.0", "method": "notifications/tools/list_changed"}',
        '{"jsonrpc": "2.0", "id": 1, "result": {}}',
        '{"jsonrpc": "2.0", "id": 2, "error": {"code": -32601, "message": "Method not found"}}',
    ]
    frames = parse_frames(lines)
    assert [frame_summary(f) for f in frames] == [
        "-> ping #1",
        "-> notifications/tools/list_changed",
        "<- result #1 []",
        "<- error #2 -32601: Method not found",
    ]
    request = frames[0]
    assert isinstance(request, types.JSONRPCRequest)
    assert request.model_dump(exclude_none=True) == {"jsonrpc": "2.0", "id": 1, "method": "ping"}
    try:
        parse_frames(['{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}'])
    except ValidationError:
        pass
    else:
        raise AssertionError("null id errors are not valid frames")
