from __future__ import annotations

import json

import anyio
from mcp.shared.memory import create_client_server_memory_streams
from mcp.types import JSONRPCMessage, JSONRPCResponse

from gatekeeper import wire
from gatekeeper.vault import vault


def test_decode_and_describe_messages() -> None:
    raw = json.dumps({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "read_secret"}})
    msg = wire.decode(raw)
    assert msg is not None
    assert wire.describe(msg) == "request 7 tools/call (CallToolRequest)"
    note = wire.decode(b'{"jsonrpc": "2.0", "method": "notifications/initialized"}')
    assert note is not None and wire.describe(note) == "notification notifications/initialized"
    err = wire.error(3, -32602, "bad")
    assert wire.describe(err) == "error 3 -32602"
    assert wire.parse_server_notification(
        {"method": "notifications/message", "params": {"level": "info", "data": "x"}}
    ) == "notifications/message"


def test_null_id_errors_are_rejected() -> None:
    raw = '{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}'
    assert wire.decode(raw) is None


def test_protocol_versions() -> None:
    versions = wire.accepted_versions()
    assert versions[-1] == "2025-11-25-draft"
    assert wire.initialize_params("probe")["protocolVersion"] in versions
    assert isinstance(versions, list)


async def test_raw_jsonrpc_against_vault() -> None:
    server = vault._mcp_server
    async with create_client_server_memory_streams() as ((client_read, client_write), server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
            await client_write.send(wire.request(1, "initialize", wire.initialize_params("raw-probe")))
            first = await client_read.receive()
            assert not isinstance(first, Exception)
            reply = first.message.root
            assert isinstance(reply, JSONRPCResponse)
            assert reply.result["serverInfo"]["name"] == "gatekeeper"
            assert reply.result["instructions"].startswith("Scoped access")
            await client_write.send(wire.notification("notifications/initialized"))
            await client_write.send(wire.request(2, "tools/list"))
            second = await client_read.receive()
            assert not isinstance(second, Exception)
            assert isinstance(second.message, JSONRPCMessage)
            listing = second.message.root
            assert isinstance(listing, JSONRPCResponse) and listing.id == 2
            names = {t["name"] for t in listing.result["tools"]}
            assert {"read_secret", "rotate_secret", "audit_count"} <= names
            assert "inputSchema" in listing.result["tools"][0]
            tg.cancel_scope.cancel()
