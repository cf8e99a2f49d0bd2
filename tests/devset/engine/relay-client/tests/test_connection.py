import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import anyio
import mcp.types as types
from harness import upstream_for
from mcp import ClientSession, McpError
from mcp.shared.memory import create_client_server_memory_streams, create_connected_server_and_client_session
from pydantic import ValidationError
from servers import build_paged_server, build_workspace_server

from relay.connection import RelayClient
from relay.pagination import iter_tools, load_catalog
from relay.wire import Frame, decode, encode, error_reply, server_notification, tapped


async def test_attach_reports_identity_and_catalog():
    async with RelayClient(read_timeout=timedelta(seconds=5)) as relay:
        async with upstream_for(relay, "ws", build_workspace_server()) as ws:
            assert ws.server_name == "workspace"
            assert ws.protocol_version == types.LATEST_PROTOCOL_VERSION
            assert ws.init.instructions == "Workspace helpers."
            assert ws.supports("tools") and ws.supports("prompts")
            catalog = await ws.ensure_catalog()
            assert catalog.read_only_tools() == ["summarize"]
            assert catalog.tool_schema("slow")["properties"]["seconds"]["type"] == "number"
            assert "notes://{folder}/{name}" in catalog.template_patterns()


async def test_qualified_calls_across_upstreams():
    async with RelayClient() as relay:
        async with upstream_for(relay, "ws", build_workspace_server()), upstream_for(
            relay, "paged", build_paged_server()
        ):
            index = await relay.tool_index()
            assert {"paged.tool_06", "ws.gallery", "ws.summarize"} <= set(index)
            assert index["paged.tool_02"][1].inputSchema["type"] == "object"
            result = await relay.call_qualified("paged.tool_01", {"text": "hi"})
            assert not result.isError
            assert isinstance(result.content[0], types.TextContent)
            assert result.content[0].text == "tool_01:hi"
            try:
                relay["missing"]
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS
            else:
                raise AssertionError("expected McpError")


async def test_pagination_walks_every_page():
    async with create_connected_server_and_client_session(build_paged_server(page_size=2)) as session:
        names = [tool.name async for tool in iter_tools(session)]
        assert names == [f"tool_{i:02d}" for i in range(7)]
        catalog = await load_catalog(session)
        assert [str(r.uri) for r in catalog.resources][:2] == ["docs://pages/0", "docs://pages/1"]
        assert all(r.mimeType == "text/plain" and r.uri.scheme == "docs" for r in catalog.resources)
        assert catalog.templates == []
        assert [p.name for p in catalog.prompts] == ["draft", "polish", "translate", "shorten"]


async def test_tap_records_frames_both_ways():
    server = build_paged_server()
    frames: list[Frame] = []
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
            async with tapped(*client_streams) as (read, write, recorded):
                async with ClientSession(read, write) as session:
                    init = await session.initialize()
                    assert init.serverInfo.name == "paged" and init.serverInfo.version == "2.1.0"
                    await session.send_ping()
                frames.extend(recorded)
            tg.cancel_scope.cancel()

    outgoing = [f for f in frames if f.direction == "out"]
    assert [f.method for f in outgoing] == ["initialize", "notifications/initialized", "ping"]
    assert outgoing[2].payload == {"jsonrpc": "2.0", "id": 1, "method": "ping"}
    assert outgoing[0].payload["params"]["clientInfo"] == {"name": "mcp", "version": "0.1.0"}
    replies = [f for f in frames if f.direction == "in"]
    assert replies[0].payload["result"]["protocolVersion"] == types.LATEST_PROTOCOL_VERSION


def test_decode_and_encode_frames():
    frame = decode('{"jsonrpc": "2.0", "id": 7, "method": "tools/list"}')
    assert isinstance(frame, types.JSONRPCRequest) and frame.id == 7
    assert '"method":"tools/list"' in encode(frame)

    reply = error_reply(7, types.METHOD_NOT_FOUND, "nope").message.root
    assert isinstance(reply, types.JSONRPCError) and reply.error.code == -32601

    try:
        decode('{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}')
    except ValidationError:
        pass
    else:
        raise AssertionError("null-id errors are not valid frames")

    note = server_notification(
        {"method": "notifications/message", "params": {"level": "info", "data": {"k": 1}, "logger": "db"}}
    )
    assert isinstance(note, types.LoggingMessageNotification)
    assert note.params.logger == "db" and note.params.data == {"k": 1}
