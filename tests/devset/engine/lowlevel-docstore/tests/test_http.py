from __future__ import annotations

import httpx
from starlette.testclient import TestClient

import mcp.types as types

from docstore.client import DocstoreClient
from docstore.transport import build_http_app
from tests.support import make_server

MCP_HEADERS = {
    "Accept": "application/json, text/event-stream",
    "Content-Type": "application/json",
    "MCP-Protocol-Version": types.LATEST_PROTOCOL_VERSION,
}


def _stateless_app():
    server = make_server(stateless_http=True, json_response=True, allowed_hosts=["testserver"])
    return server, build_http_app(server)


async def test_streamable_http_round_trip() -> None:
    server, app = _stateless_app()
    seen_auth: list[str] = []

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        async def record(request: httpx.Request) -> None:
            seen_auth.append(request.headers.get("authorization", ""))

        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://testserver",
            headers=headers,
            timeout=timeout,
            auth=auth,
            follow_redirects=True,
            event_hooks={"request": [record]},
        )

    async with app.router.lifespan_context(app):
        async with DocstoreClient.connect_http(
            "http://testserver/mcp", token="s3cret", httpx_client_factory=factory
        ) as client:
            assert client.get_session_id() is None  # stateless servers do not issue session ids
            assert client.describe_server()["subscribe"] is True
            hits = (await client.call("search_documents", {"query": "onboarding"}))["hits"]
            assert hits[0]["uri"] == "docs://handbook/onboarding.md"
            text, _, _ = await client.read("docs://notes/weekly-02.txt")
            assert str(text).startswith("Weekly sync 2")

    assert seen_auth and all(value == "Bearer s3cret" for value in seen_auth)
    assert server.state.store.stats()["documents"] == 8


def test_health_and_raw_jsonrpc() -> None:
    server, app = _stateless_app()
    with TestClient(app) as http:
        health = http.get("/healthz").json()
        assert health["serverVersion"] == server.version
        assert health["settings"]["http"]["statelessHttp"] is True
        assert health["settings"]["pageSize"] == 4
        assert health["capabilities"]["resources"]["subscribe"] is True

        request = types.JSONRPCRequest(jsonrpc="2.0", id=1, method="tools/list")
        response = http.post("/mcp", json=request.model_dump(by_alias=True, exclude_none=True), headers=MCP_HEADERS)
        assert response.status_code == 200
        message = types.JSONRPCMessage.model_validate(response.json())
        assert isinstance(message.root, types.JSONRPCResponse)
        tools = types.ListToolsResult.model_validate(message.root.result).tools
        assert tools[0].name == "search_documents"
        assert tools[0].inputSchema["properties"]["limit"]["maximum"] == 50

        blocked = http.post(
            "/mcp",
            json=request.model_dump(by_alias=True, exclude_none=True),
            headers={**MCP_HEADERS, "Host": "attacker.example"},
        )
        assert blocked.status_code == 421
