"""Streamable HTTP, driven in-process through httpx's ASGI transport."""

from __future__ import annotations

import json
from datetime import timedelta

import httpx
import mcp.types as types

from kgraph.client import connect_http
from kgraph.transport import HttpService
from tests.support import make_graph

HEADERS = {"accept": "application/json, text/event-stream", "content-type": "application/json"}


def _service() -> HttpService:
    return HttpService(make_graph(json_response=True, stateless_http=True, allowed_hosts=["testserver"]))


async def test_streamable_http_round_trip() -> None:
    service = _service()

    def factory(
        headers: dict[str, str] | None = None, timeout: httpx.Timeout | None = None, auth: httpx.Auth | None = None
    ) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=service.app)
        return httpx.AsyncClient(transport=transport, headers=headers, timeout=timeout, auth=auth, follow_redirects=True)

    async with service.session_manager.run():
        async with connect_http(
            "http://testserver/mcp", token="secret", timeout=timedelta(seconds=10), client_factory=factory
        ) as (client, get_session_id):
            assert get_session_id() is None  # stateless: no Mcp-Session-Id
            assert "search_nodes" in await client.tool_index()
            created = await client.structured("create_entities", {"entities": [{"name": "Grace Hopper", "entityType": "person"}]})
            assert created == {"created": ["Grace Hopper"], "skipped": []}
            assert (await client.structured("search_nodes", {"query": "grace"}))["matches"] == ["Grace Hopper"]
            assert (await client.entity("Grace Hopper"))["entityType"] == "person"
    assert service.graph.store.get("Grace Hopper").kind == "person"


async def test_raw_json_rpc_and_health() -> None:
    service = _service()
    params = types.InitializeRequestParams(
        protocolVersion=types.LATEST_PROTOCOL_VERSION,
        capabilities=types.ClientCapabilities(),
        clientInfo=types.Implementation(name="raw-probe", version="0.0.1"),
    )
    init = types.JSONRPCRequest(jsonrpc="2.0", id=1, method="initialize", params=params.model_dump(by_alias=True))
    async with service.session_manager.run():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=service.app), base_url="http://testserver") as http:
            health = (await http.get("/healthz")).json()
            assert (health["entities"], health["host"], health["jsonResponse"]) == (5, "127.0.0.1", True)

            response = await http.post("/mcp", content=init.model_dump_json(by_alias=True), headers=HEADERS)
            message = types.JSONRPCMessage.model_validate(response.json()).root
            assert isinstance(message, types.JSONRPCResponse)
            result = types.InitializeResult.model_validate(message.result)
            assert result.serverInfo.name == "knowledge-graph" and result.capabilities.resources is not None

            ping = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "ping"})
            bad_host = await http.post("/mcp", content=ping, headers=HEADERS | {"host": "evil.example"})
            assert bad_host.status_code == 421
