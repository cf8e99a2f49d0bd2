from __future__ import annotations

import json
import tempfile
from pathlib import Path

import mcp.types as types
from mcp.shared.message import SessionMessage
from mcp.types import JSONRPCMessage, JSONRPCNotification

from tests.sample_servers import build_catalog, build_notebook
from wiretest import Cassette, Recorder, diff_responses, open_connection, parse_wire_line, replay
from wiretest.recording import CLIENT_TO_SERVER, SERVER_TO_CLIENT, Frame
from wiretest.redaction import next_cursor


async def test_tap_records_both_directions() -> None:
    tap = Recorder()
    async with open_connection(build_notebook(), tap=tap) as conn:
        await conn.ping()
        await conn.session.call_tool("add_note", {"name": "groceries", "body": "eggs"})

    assert tap.methods(CLIENT_TO_SERVER)[:3] == ["initialize", "notifications/initialized", "ping"]
    ping = tap.requests("ping")[0]
    assert ping.payload == {"jsonrpc": "2.0", "id": ping.id, "method": "ping"}
    assert tap.response_for(ping) is not None

    init = tap.result_of("initialize", types.InitializeResult)
    assert init.serverInfo.name == "notebook"

    calls = [r for r in tap.client_requests() if isinstance(r, types.CallToolRequest)]
    assert calls[0].params.name == "add_note"
    assert calls[0].params.arguments == {"name": "groceries", "body": "eggs"}

    kinds = {type(n).__name__ for n in tap.server_notifications()}
    assert "ResourceUpdatedNotification" in kinds
    assert "LoggingMessageNotification" in kinds
    assert not tap.transport_errors


async def test_cassette_round_trip_and_replay() -> None:
    tap = Recorder()
    async with open_connection(build_catalog(), tap=tap) as conn:
        await conn.session.list_tools()
        await conn.session.call_tool("lookup", {"sku": "sku-05"})
        await conn.session.call_tool("lookup", {"sku": "nope"})

    with tempfile.TemporaryDirectory() as tmp:
        cassette = Cassette(Path(tmp) / "catalog.jsonl")
        written = cassette.save(tap.frames)
        loaded = cassette.load()

    assert written == len(loaded) == len(tap.frames)
    listing = tap.response_for(tap.requests("tools/list")[0])
    assert listing is not None and next_cursor(listing.payload["result"]) is None
    assert [f.method for f in loaded] == [f.method for f in tap.frames]

    replayed = await replay(build_catalog(), loaded)
    assert diff_responses(loaded, replayed.frames) == []
    lookup = replayed.result_of("tools/call", types.CallToolResult, index=0)
    assert lookup.structuredContent == {"sku": "sku-05", "name": "Widget 5", "stock": 15}
    failed = replayed.result_of("tools/call", types.CallToolResult, index=1)
    assert failed.isError

    call_id = next(f.id for f in loaded if f.method == "tools/call")
    drifted = [
        Frame(f.direction, f.kind, {**f.payload, "result": {"content": []}}, f.method, f.id)
        if f.id == call_id and f.kind == "response"
        else f
        for f in loaded
    ]
    assert len(diff_responses(drifted, replayed.frames)) == 1


def test_parse_wire_lines() -> None:
    request = parse_wire_line('{"jsonrpc": "2.0", "id": 7, "method": "tools/list"}')
    assert request is not None
    frame = Frame.from_message(CLIENT_TO_SERVER, request)
    assert (frame.kind, frame.method, frame.id) == ("request", "tools/list", 7)

    null_id = '{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}'
    assert parse_wire_line(null_id) is None
    assert parse_wire_line("not json") is None

    params = {"progressToken": "t", "progress": 1}
    note = SessionMessage(
        message=JSONRPCMessage(JSONRPCNotification(jsonrpc="2.0", method="notifications/progress", params=params))
    )
    recorder = Recorder()
    recorder.capture(SERVER_TO_CLIENT, note)
    recorder.capture(SERVER_TO_CLIENT, RuntimeError("pipe closed"))
    [progress] = recorder.server_notifications()
    assert isinstance(progress, types.ProgressNotification)
    assert progress.params.progressToken == "t"
    assert json.loads(recorder.frames[0].to_json())["direction"] == SERVER_TO_CLIENT
    assert len(recorder.transport_errors) == 1
