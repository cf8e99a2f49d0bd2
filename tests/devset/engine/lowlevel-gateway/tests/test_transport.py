from __future__ import annotations

import os
import sys

import httpx
from pydantic import AnyUrl, ValidationError

sys.path.insert(0, os.path.dirname(__file__))

from support import config_tree  # noqa: E402

import mcp.types as types  # noqa: E402
from mcp.shared.message import SessionMessage  # noqa: E402
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS  # noqa: E402

from confgate import create_gateway  # noqa: E402
from confgate.app import build_http_app  # noqa: E402
from confgate.client import connect_with_http_client  # noqa: E402


async def test_streamable_http_stateless_json() -> None:
    with config_tree() as root:
        server = create_gateway(root, transport="streamable-http", json_response=True, stateless_http=True)
        app = build_http_app(server)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8765") as http:
                status = (await http.get("/status")).json()
                assert (status["name"], status["files"]) == ("confgate", 8)
                assert status["protocolVersions"] == SUPPORTED_PROTOCOL_VERSIONS
                assert status["latestProtocolVersion"] in status["protocolVersions"]

                async with connect_with_http_client("http://127.0.0.1:8765/mcp/", http) as client:
                    assert await client.lookup("database.toml", "pool.size", env="prod") == 50
                    assert len(await client.all_resources()) == 8
                    assert await client.ping() >= 0

                evil = {"Host": "evil.example:80", "Accept": "application/json, text/event-stream"}
                refused = await http.post("/mcp/", headers=evil, json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
                assert refused.status_code == 421
                assert (await http.get("/status")).json()["calls"] == {"lookup_key": 1}


def test_wire_frames() -> None:
    lines = [
        '{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":"config://files/app.json"}}',
        '{"jsonrpc":"2.0","method":"notifications/resources/updated","params":{"uri":"config://merged/prod"}}',
        '{"jsonrpc":"2.0","id":3,"error":{"code":-32602,"message":"Resource not found"}}',
    ]
    frames = [types.JSONRPCMessage.model_validate_json(line).root for line in lines]
    assert [type(f).__name__ for f in frames] == ["JSONRPCRequest", "JSONRPCNotification", "JSONRPCError"]
    try:
        types.JSONRPCMessage.model_validate_json('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}}')
    except ValidationError:
        pass
    else:
        raise AssertionError("null id accepted")

    note = types.ServerNotification(
        types.ResourceUpdatedNotification(params=types.ResourceUpdatedNotificationParams(uri=AnyUrl("config://a/b")))
    )
    wire = types.JSONRPCNotification(jsonrpc="2.0", **note.root.model_dump(by_alias=True, mode="json", exclude_none=True))
    framed = SessionMessage(types.JSONRPCMessage(wire))
    assert framed.message.root.model_dump(exclude_none=True) == {
        "jsonrpc": "2.0",
        "method": "notifications/resources/updated",
        "params": {"uri": "config://a/b"},
    }
