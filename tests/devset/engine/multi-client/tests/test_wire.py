import base64
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from pydantic import AnyUrl, ValidationError
from servers import build_catalog_server, hub_for

import mcp.types as types
from switchboard.hub import Hub
from switchboard.results import summarize
from switchboard.wire import WireTap, error_frame, replay


async def test_ping_frames_and_transcript_replay():
    tap = WireTap()
    async with hub_for(Hub(tap=tap), catalog=build_catalog_server()) as hub:
        await hub.ping("catalog")
    ping = next(r for r in tap.records if r.direction == "out" and r.wire.get("method") == "ping")
    assert ping.wire == {"jsonrpc": "2.0", "id": ping.wire["id"], "method": "ping"}
    assert tap.sent_methods()[0] == "initialize"
    assert any(r.wire.get("method") == "notifications/initialized" for r in tap.records if r.direction == "out")

    frames = replay(tap.to_jsonl())
    assert len(frames) == len(tap.records)
    first = frames[0]
    assert isinstance(first, types.JSONRPCRequest) and first.params is not None
    assert first.params["protocolVersion"] == types.LATEST_PROTOCOL_VERSION
    assert first.params["clientInfo"]["name"] == "switchboard"
    reply = frames[1]
    assert isinstance(reply, types.JSONRPCResponse)
    assert types.InitializeResult.model_validate(reply.result).serverInfo.name == "catalog"


def test_error_frames_need_an_id():
    sent = error_frame(7, types.INVALID_REQUEST, "nope").message.root
    assert isinstance(sent, types.JSONRPCError) and sent.id == 7
    try:
        types.JSONRPCMessage.model_validate(
            {"jsonrpc": "2.0", "id": None, "error": {"code": types.PARSE_ERROR, "message": "Parse error"}}
        )
    except ValidationError:
        pass
    else:
        raise AssertionError("null ids are not valid JSON-RPC error ids here")


def test_summarize_raw_result():
    result = types.CallToolResult(
        content=[
            types.TextContent(type="text", text="two blocks"),
            types.AudioContent(type="audio", data=base64.b64encode(b"RIFF").decode(), mimeType="audio/wav"),
            types.EmbeddedResource(
                type="resource",
                resource=types.BlobResourceContents(
                    uri=AnyUrl("file:///tmp/report.pdf"), blob=base64.b64encode(b"%PDF").decode(), mimeType="application/pdf"
                ),
            ),
        ],
        structuredContent={"pages": 1},
        isError=False,
    )
    outcome = summarize("docs.report", result)
    assert outcome.ok and outcome.text == "two blocks" and outcome.structured == {"pages": 1}
    assert outcome.links == ["audio:audio/wav"]
    [pdf] = outcome.attachments
    assert pdf.uri == "file:///tmp/report.pdf" and pdf.data == b"%PDF" and pdf.mime_type == "application/pdf"
    assert outcome.as_dict() == {
        "tool": "docs.report",
        "isError": False,
        "content": [{"type": "text", "text": "two blocks"}],
        "structuredContent": {"pages": 1},
    }
