import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pydantic import ValidationError
from servers import build_notes_server, running

from mcp.types import JSONRPCError, JSONRPCNotification, JSONRPCRequest, JSONRPCResponse
from shellpilot.hub import ServerHub
from shellpilot.wire import WireRecorder, cancel_message, load_trace, parse_frame, summarize


async def test_recorder_taps_the_session_traffic() -> None:
    recorder = WireRecorder()
    async with running(build_notes_server(), recorder=recorder) as (read, write):
        async with ServerHub() as hub:
            await hub.attach("notes", read, write)
            await hub.ping_all()
            await hub.call_tool("count_notes", {"topic": "mcp"})

    assert recorder.methods("out") == ["initialize", "notifications/initialized", "tools/list", "ping", "tools/call"]
    ping = next(f for _, f in recorder.frames if isinstance(f, JSONRPCRequest) and f.method == "ping")
    assert ping.params is None
    assert ping.model_dump(by_alias=True, exclude_none=True) == {"jsonrpc": "2.0", "id": ping.id, "method": "ping"}

    init_reply = next(f for _, f in recorder.frames if isinstance(f, JSONRPCResponse) and f.id == 0)
    assert init_reply.result["serverInfo"]["name"] == "notes"

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "trace.jsonl"
        recorder.save(path)
        frames = load_trace(path.read_text().splitlines())
    info = summarize(frames)
    assert info["methods"]["tools/call"] == 1 and info["errors"] == 0
    assert info["protocolVersion"] == "2025-11-25" and info["current"] and info["supported"]


def test_frame_parsing_and_cancellation() -> None:
    request = parse_frame('{"jsonrpc": "2.0", "id": 3, "method": "tools/list"}')
    assert isinstance(request, JSONRPCRequest) and request.method == "tools/list"
    note = parse_frame('{"jsonrpc": "2.0", "method": "notifications/progress", "params": {"progressToken": 1, "progress": 0.5}}')
    assert isinstance(note, JSONRPCNotification) and note.params == {"progressToken": 1, "progress": 0.5}
    error = parse_frame('{"jsonrpc": "2.0", "id": 4, "error": {"code": -32601, "message": "Method not found"}}')
    assert isinstance(error, JSONRPCError) and error.error.code == -32601

    try:
        parse_frame('{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}')
    except ValidationError:
        pass
    else:
        raise AssertionError("null-id errors should be rejected")

    message = cancel_message(7, "user pressed ctrl-c")
    assert json.loads(message.message.model_dump_json(by_alias=True, exclude_none=True)) == {
        "jsonrpc": "2.0",
        "method": "notifications/cancelled",
        "params": {"requestId": 7, "reason": "user pressed ctrl-c"},
    }
