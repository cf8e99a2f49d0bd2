"""The streamable HTTP front end, driven in-process through httpx's ASGI transport."""

from __future__ import annotations

import json

import httpx
import mcp.types as types

from ledgerdb.audit import parse_frame, request_frame, result_of
from ledgerdb.client import connect_http
from ledgerdb.http import LedgerHttpGateway
from ledgerdb.testing import asgi_client_factory, temp_settings

ACCEPT = {"accept": "application/json, text/event-stream", "content-type": "application/json"}


def _gateway(**overrides: object) -> LedgerHttpGateway:
    settings = temp_settings(host="testserver", port=80, allowed_hosts=("testserver",), **overrides)
    return LedgerHttpGateway(settings)


async def test_stateless_json_round_trip() -> None:
    gateway = _gateway(stateless=True, json_response=True)
    async with gateway.session_manager.run():
        transport = httpx.ASGITransport(app=gateway.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            health = (await http.get("/healthz")).json()
            assert health["server"] == "ledgerdb-gateway" and health["version"] == "0.9.2"
            assert health["latestProtocolVersion"] in health["protocolVersions"]
            assert health["transport"] == {"path": "/mcp", "stateless": True, "jsonResponse": True}

            body = request_frame(1, types.ClientRequest(types.ListToolsRequest(method="tools/list")))
            response = await http.post("/mcp", content=body, headers=ACCEPT)
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("application/json")
            listed = result_of(response.text, types.ListToolsResult)
            assert [t.name for t in listed.tools][:2] == ["query", "post_entry"]

            call = request_frame(
                2,
                types.ClientRequest(
                    types.CallToolRequest(
                        method="tools/call",
                        params=types.CallToolRequestParams(name="account_balance", arguments={"account": "bank"}),
                    )
                ),
            )
            frame = parse_frame((await http.post("/mcp", content=call, headers=ACCEPT)).text)
            assert isinstance(frame, types.JSONRPCResponse) and frame.id == 2
            assert frame.result["structuredContent"]["balanceCents"] == 380_000


async def test_bearer_token_is_enforced() -> None:
    gateway = _gateway(stateless=True, json_response=True, api_token="s3cret")
    async with gateway.session_manager.run():
        transport = httpx.ASGITransport(app=gateway.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "ping"})
            denied = await http.post("/mcp", content=body, headers=ACCEPT)
            assert denied.status_code == 401
            allowed = await http.post("/mcp", content=body, headers={**ACCEPT, "authorization": "Bearer s3cret"})
            assert allowed.status_code == 200
            pong = parse_frame(allowed.text)
            assert isinstance(pong, types.JSONRPCResponse) and pong.result == {}


async def test_client_over_streamable_http() -> None:
    gateway = _gateway(stateless=True, json_response=True, api_token="s3cret")
    factory = asgi_client_factory(gateway.app)
    async with gateway.session_manager.run():
        async with connect_http(
            "http://testserver/mcp", token="s3cret", actor="alice", httpx_client_factory=factory
        ) as client:
            assert client.server_info is not None and client.server_info.name == "ledgerdb-gateway"
            assert client.session_id is None  # stateless servers hand out no session id
            posted = await client.call(
                "post_entry",
                {"memo": "Stationery", "postings": [{"account": "supplies", "amount_cents": 1_250}, {"account": "cash", "amount_cents": -1_250}]},
            )
            entry = await client.read_json(f"ledger://entries/{posted['entryId']}")
            assert entry["actor"] == "alice"
            assert entry["postings"] == [
                {"account": "supplies", "amount_cents": 1_250},
                {"account": "cash", "amount_cents": -1_250},
            ]
