"""Frame-level behaviour, checked through a recording tap."""

from __future__ import annotations

import mcp.types as types
from pydantic import ValidationError

from kgraph import __version__
from kgraph.client import NotificationCollector
from kgraph.server import INSTRUCTIONS
from kgraph.wire import frame_message, parse_frame, recorded_session
from tests.support import make_graph


async def test_transcript_records_every_frame() -> None:
    graph = make_graph()
    collector = NotificationCollector()
    options = graph.initialization_options()
    async with recorded_session(graph.server, options, message_handler=collector) as (session, transcript):
        caps = session.get_server_capabilities()
        assert caps is not None and caps.experimental == {"kgraph": {"pageSize": 3}}
        assert caps.resources is not None and caps.resources.listChanged is True
        await session.send_ping()
        await session.call_tool("create_entities", {"entities": [{"name": "ENIAC", "entityType": "machine"}]})

    assert transcript.methods("c2s")[:4] == ["initialize", "notifications/initialized", "ping", "tools/call"]
    assert "notifications/resources/list_changed" in transcript.methods("s2c") and collector.list_changed == 1
    frames = [frame for _, frame in transcript.frames]
    ping = next(f for f in frames if isinstance(f, types.JSONRPCRequest) and f.method == "ping")
    assert ping.model_dump(by_alias=True, exclude_none=True) == {"jsonrpc": "2.0", "id": ping.id, "method": "ping"}

    init = next(f for f in frames if isinstance(f, types.JSONRPCResponse))
    result = types.InitializeResult.model_validate(init.result)
    assert (result.serverInfo.name, result.serverInfo.version) == ("knowledge-graph", __version__)
    assert result.instructions == INSTRUCTIONS and result.protocolVersion == types.LATEST_PROTOCOL_VERSION

    lines = transcript.to_jsonl().splitlines()
    assert len(lines) == len(frames) and parse_frame(lines[0]) == frames[0]
    assert not transcript.errors()


def test_frames_parse_and_reject_null_ids() -> None:
    message = frame_message({"jsonrpc": "2.0", "method": "notifications/initialized"})
    assert isinstance(message.message.root, types.JSONRPCNotification)

    response = parse_frame('{"jsonrpc": "2.0", "id": 3, "result": {"tools": []}}')
    assert isinstance(response, types.JSONRPCResponse) and response.id == 3
    assert isinstance(types.ServerResult.model_validate(response.result).root, types.ListToolsResult)
    try:
        parse_frame('{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}')
    except ValidationError:
        pass
    else:
        raise AssertionError("null-id error frame accepted")

    request = types.ClientRequest.model_validate({"method": "resources/read", "params": {"uri": "graph://summary"}})
    assert isinstance(request.root, types.ReadResourceRequest) and request.root.params.uri.host == "summary"
