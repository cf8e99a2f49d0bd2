"""Driving DocServer.run directly with JSON-RPC frames."""

from __future__ import annotations

import mcp.types as types
from pydantic import ValidationError

from docstore import wire
from tests.harness import make_server, raw_peer


async def test_raw_handshake_and_listing() -> None:
    server = make_server(page_size=2)
    async with raw_peer(server) as peer:
        init = await peer.handshake()
        assert init["serverInfo"]["name"] == "docstore"
        assert init["capabilities"]["resources"] == {"subscribe": True, "listChanged": True}
        assert init["protocolVersion"] == types.LATEST_PROTOCOL_VERSION
        parsed = types.InitializeResult.model_validate(init)
        assert parsed.serverInfo.websiteUrl == "https://docs.example.com/docstore"

        reply = await peer.call("resources/list")
        assert wire.kind(reply) == "response"
        page = types.ListResourcesResult.model_validate(wire.result_of(reply))
        assert [r.name for r in page.resources] == ["summary", "logo", "getting-started"]
        cursor = page.nextCursor
        assert cursor is not None

        reply = await peer.call("resources/list", {"cursor": cursor})
        second = types.ListResourcesResult.model_validate(wire.result_of(reply))
        assert [r.name for r in second.resources] == ["subscriptions", "meeting-2024-05"]
        assert second.nextCursor is None

        pong = await peer.call("ping")
        assert wire.result_of(pong) == {}
    assert server.audit["resources/list"] == 2
    assert server.audit["ping"] == 1


async def test_raw_tool_call_with_progress_token_emits_notifications() -> None:
    server = make_server()
    async with raw_peer(server) as peer:
        await peer.handshake()
        reply = await peer.call(
            "tools/call",
            {
                "name": "bulk_import",
                "arguments": {"documents": [{"collection": "raw", "slug": "one", "title": "One", "body": "1"}]},
                "_meta": {"progressToken": 99},
            },
        )
        result = types.CallToolResult.model_validate(wire.result_of(reply))
        assert result.content[0] == types.TextContent(type="text", text="imported 1 of 1 documents")
        kinds = wire.summarize(peer.notifications)
        assert "notification:notifications/progress" in kinds
        assert "notification:notifications/resources/list_changed" in kinds
        progress = [wire.as_server_notification(m) for m in peer.notifications]
        tokens = [n.params.progressToken for n in progress if isinstance(n, types.ProgressNotification)]
        assert tokens == [99]

        error = await peer.call("resources/read", {"uri": "doc://raw/missing"})
        frame = wire.frame(error)
        assert isinstance(frame, types.JSONRPCError)
        assert frame.error.code == types.INVALID_PARAMS
        assert wire.kind(error) == f"error:{types.INVALID_PARAMS}"


def test_wire_round_trip_and_strict_parsing() -> None:
    line = '{"jsonrpc": "2.0", "id": 7, "method": "tools/list"}'
    message = wire.decode(line)
    assert wire.kind(message) == "request:tools/list"
    root = wire.frame(message)
    assert isinstance(root, types.JSONRPCRequest) and root.id == 7
    assert wire.encode(message) == '{"method":"tools/list","jsonrpc":"2.0","id":7}'

    ping = wire.request("ping", id=3)
    assert wire.encode(ping) == '{"method":"ping","jsonrpc":"2.0","id":3}'

    frames = list(wire.decode_lines(["# recorded", line, "", wire.encode(ping)]))
    assert wire.summarize(frames) == ["request:tools/list", "request:ping"]

    note = wire.as_server_notification(
        wire.notification("notifications/resources/updated", {"uri": "doc://a/b"})
    )
    assert isinstance(note, types.ResourceUpdatedNotification)
    assert note.params.uri.host == "a"

    try:
        wire.decode('{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}')
    except ValidationError:
        pass
    else:
        raise AssertionError("null-id error frames should be rejected")

    try:
        wire.initialize_request(protocol="2099-01-01")
    except ValueError as exc:
        assert "2099-01-01" in str(exc)
    else:
        raise AssertionError("unknown protocol versions should be refused")
