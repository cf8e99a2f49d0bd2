"""The mounted Starlette application, exercised in-process over httpx."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.testclient import TestClient

from mcp import types

from ledgerd.client import (
    BearerAuth,
    NotificationLog,
    RemoteTarget,
    call_with_retry,
    connect,
    list_all_tools,
    probe_health,
    structured,
)
from ledgerd.server import build_server
from ledgerd.store import DEFAULT_CHART, LedgerStore
from ledgerd.web import build_app, register_custom_routes
from tests.harness import TEST_TOKENS, make_config

BASE = "http://127.0.0.1:8000"


def make_app(store: LedgerStore | None = None, **overrides: Any) -> Starlette:
    config = make_config(transport="streamable-http", **overrides)
    mcp = build_server(config, store)
    register_custom_routes(mcp, config)
    return build_app(mcp, config)


def asgi_factory(app: Starlette):
    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            headers=headers,
            timeout=timeout or httpx.Timeout(10.0),
            auth=auth,
            follow_redirects=True,
        )

    return factory


def test_custom_routes_and_mounting() -> None:
    app = make_app(mount_path="/ledger", tokens=TEST_TOKENS, stateless_http=True)
    with TestClient(app, base_url=BASE) as client:
        health = client.get("/ledger/healthz")
        assert health.status_code == 200 and health.json()["status"] == "ok"

        described = client.get("/ledger/config").json()
        assert described["transport"]["mountPath"] == "/ledger"
        assert described["transport"]["streamableHttpPath"] == "/ledger/mcp"
        assert described["auth"]["enabled"] is True

        assert client.get("/version").json() == {
            "name": "ledgerd",
            "transport": "streamable-http",
            "streamableHttpPath": "/mcp",
            "statelessHttp": True,
            "jsonResponse": False,
        }
        assert client.get("/").text.startswith("ledgerd: MCP endpoint at /ledger/mcp")

        anonymous = client.post("/ledger/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
        assert anonymous.status_code == 401
        assert "Bearer" in anonymous.headers["www-authenticate"]

        # The metadata route lives inside the mounted app, keyed by the resource path.
        metadata = client.get("/ledger/.well-known/oauth-protected-resource/ledger/mcp")
        assert metadata.status_code == 200
        assert metadata.json()["resource"] == f"{BASE}/ledger/mcp"
        assert metadata.json()["authorization_servers"] == ["https://auth.example.com/"]


async def test_streamable_http_round_trip_with_bearer_token() -> None:
    store = LedgerStore("memory://http").seed(DEFAULT_CHART)
    app = make_app(store, tokens=TEST_TOKENS, required_scopes=["ledger:read"], stateless_http=True, json_response=True)
    target = RemoteTarget(url=f"{BASE}/mcp", token="tok-ops", timeout=timedelta(seconds=10))
    notes = NotificationLog()
    async with app.router.lifespan_context(app):
        async with connect(target, httpx_client_factory=asgi_factory(app), message_handler=notes) as conn:
            assert conn.server_label.startswith("ledgerd ")
            assert conn.init.capabilities.tools is not None
            assert conn.get_session_id() is None  # stateless: no Mcp-Session-Id
            tools = await list_all_tools(conn.session)
            who = await call_with_retry(conn.session, "whoami")
            posted = await call_with_retry(
                conn.session, "post_entry", {"account": "1000", "amount": 12, "memo": "float"}
            )

        principal = structured("whoami", who)["principal"]
        assert principal == {"clientId": "ops-console", "scopes": ["ledger:read", "ledger:write"], "tenant": "ledgerd"}
        assert posted.isError is False
        assert "post_entry" in {t.name for t in tools}
        # Stateless HTTP runs the server lifespan once per request.
        assert store.open_count >= 4 and not store.is_open
        assert store.balance("1000") == 12

        health = await probe_health(BASE, transport=httpx.ASGITransport(app=app))
        assert health["status"] == "ok"


async def test_insufficient_scope_and_bad_token() -> None:
    app = make_app(tokens=TEST_TOKENS, required_scopes=["ledger:write"], stateless_http=True, json_response=True)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE) as http:
            body = {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {
                    "protocolVersion": types.LATEST_PROTOCOL_VERSION,
                    "capabilities": {},
                    "clientInfo": {"name": "probe", "version": "0"},
                },
            }
            headers = {"Accept": "application/json, text/event-stream"}
            read_only = await http.post("/mcp", json=body, headers=headers, auth=BearerAuth("tok-ro"))
            forged = await http.post("/mcp", json=body, headers=headers, auth=BearerAuth("tok-forged"))
            ops = await http.post("/mcp", json=body, headers=headers, auth=BearerAuth("tok-ops"))
    assert read_only.status_code == 403
    assert forged.status_code == 401
    assert ops.status_code == 200
    result = types.JSONRPCMessage.model_validate(ops.json()).root
    assert isinstance(result, types.JSONRPCResponse)
    init = types.InitializeResult.model_validate(result.result)
    assert init.serverInfo.name == "ledgerd"
    assert init.protocolVersion == types.LATEST_PROTOCOL_VERSION
    assert init.instructions is not None


async def test_probe_health_reports_failures() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/healthz":
            return httpx.Response(503, json={"status": "down"})
        return httpx.Response(404)

    assert await probe_health(BASE, transport=httpx.MockTransport(broken)) == {"status": "unhealthy", "code": 503}

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    assert (await probe_health(BASE, transport=httpx.MockTransport(unreachable)))["status"] == "unreachable"
