from __future__ import annotations

import json
from datetime import timedelta

import anyio
import httpx
from starlette.testclient import TestClient

from mcp.server.auth.middleware.auth_context import auth_context_var
from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser

from hubproxy.auth import HubAccessToken, StaticTokenVerifier, UpstreamBearerAuth, current_principal, has_scope
from hubproxy.config import ConfigError, HubConfig, TokenGrant, UpstreamSpec, parse_token_grants
from hubproxy.server import HubServer
from hubproxy.upstream import http_parameters, stdio_parameters
from tests.harness import TEST_TOKENS, build_rig, connect, structured, text_of

AUTH_ENV = {
    "HUB_NAME": "hubproxy-auth",
    "HUB_PORT": "9100",
    "HUB_JSON_RESPONSE": "true",
    "HUB_ISSUER_URL": "https://login.example.com",
    "HUB_RESOURCE_URL": "https://hub.example.com/mcp",
    "HUB_REQUIRED_SCOPES": "hub.read",
    "HUB_API_TOKENS": TEST_TOKENS,
    "HUB_ALLOWED_HOSTS": "testserver",
}


def test_config_reads_environment() -> None:
    servers = {
        "files": {"command": "uvx", "args": ["mcp-server-files"], "env": {"FILES_MODE": "ro"}},
        "crm": {"type": "http", "url": "https://crm.internal/mcp", "bearerToken": "s3cret", "timeout": 12, "sseReadTimeout": 90},
        "archive": {"transport": "sse", "url": "https://old.internal/sse", "prefix": "old", "disabled": True},
    }
    config = HubConfig.from_env({**AUTH_ENV, "HUB_UPSTREAMS": json.dumps({"mcpServers": servers}), "HUB_STATELESS_HTTP": "yes"})

    assert (config.port, config.json_response, config.stateless_http, config.auth_enabled) == (9100, True, True, True)
    files, crm, archive = config.upstreams
    assert (files.transport, crm.transport, archive.namespace, archive.enabled) == ("stdio", "streamable-http", "old", False)
    crm_echo = config.describe()["mcpServers"]["crm"]
    assert (crm_echo["bearerToken"], crm_echo["sseReadTimeout"], crm_echo["url"]) == ("***", 90.0, "https://crm.internal/mcp")
    http = http_parameters(crm)
    assert (http.timeout, http.sse_read_timeout) == (timedelta(seconds=12), timedelta(seconds=90))
    stdio = stdio_parameters(files)
    assert stdio.env is not None and stdio.env["FILES_MODE"] == "ro" and "PATH" in stdio.env
    try:
        UpstreamSpec.from_dict("hub", {"command": "x"})
        raise AssertionError("the hub namespace must be reserved")
    except ConfigError as exc:
        assert "reserved" in str(exc)


def test_static_token_verifier_and_scopes() -> None:
    grants = parse_token_grants(TEST_TOKENS)
    assert grants["tok-admin"] == TokenGrant("ops", ("hub.read", "hub.call", "hub.admin"), "acme")
    verifier = StaticTokenVerifier({**grants, "tok-old": TokenGrant("retired", expires_at=1000)}, clock=lambda: 5000.0)

    async def verify(token: str) -> HubAccessToken | None:
        result = await verifier.verify_token(token)
        assert result is None or isinstance(result, HubAccessToken)
        return result

    reader = anyio.run(verify, "tok-reader")
    assert reader is not None and (reader.client_id, reader.scopes, reader.tenant) == ("dash-bot", ["hub.read"], "acme")
    assert anyio.run(verify, "tok-old") is None and anyio.run(verify, "tok-nope") is None
    assert verifier.rejected == 2

    assert current_principal() == "anonymous" and has_scope("hub.call")
    reset = auth_context_var.set(AuthenticatedUser(reader))
    try:
        assert current_principal() == "dash-bot" and has_scope("hub.read") and not has_scope("hub.call")
    finally:
        auth_context_var.reset(reset)


async def test_scopes_gate_tool_calls() -> None:
    rig = build_rig()
    reader = HubAccessToken(token="t", client_id="dash-bot", scopes=["hub.read"], tenant="acme")
    # The in-memory server task inherits the context it was started from,
    # which is how the HTTP middleware hands the user to handlers as well.
    token = auth_context_var.set(AuthenticatedUser(reader))
    try:
        async with connect(rig) as session:
            allowed = await session.call_tool("alpha.echo", {"text": "ok"})
            denied = await session.call_tool("beta.store", {"key": "k", "text": "v"})
            who = structured(await session.call_tool("hub.whoami", {}, meta={"client_id": "cli-42"}))
    finally:
        auth_context_var.reset(token)

    assert not allowed.isError
    assert "'hub.call' scope" in text_of(denied)
    assert (who["principal"], who["tenant"], who["clientId"]) == ("dash-bot", "acme", "cli-42")


def test_http_app_requires_bearer_token() -> None:
    hub = HubServer(HubConfig.from_env(AUTH_ENV))
    assert (hub.settings.port, hub.settings.json_response, hub.settings.streamable_http_path) == (9100, True, "/mcp")
    assert hub.settings.auth is not None and hub.settings.auth.required_scopes == ["hub.read"]
    hub.settings.port = 9200

    initialize = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "curl", "version": "0"}},
    }
    headers = {"Accept": "application/json, text/event-stream"}
    with TestClient(hub.streamable_http_app()) as client:
        assert client.get("/healthz").json()["name"] == "hubproxy-auth"
        denied = client.post("/mcp", json=initialize, headers=headers)
        assert denied.status_code == 401 and "resource_metadata" in denied.headers["www-authenticate"]
        metadata = client.get("/.well-known/oauth-protected-resource/mcp").json()
        assert metadata["authorization_servers"] == ["https://login.example.com/"]
        ok = client.post("/mcp", json=initialize, headers={**headers, "Authorization": "Bearer tok-reader"})
        assert ok.status_code == 200 and ok.json()["result"]["serverInfo"]["name"] == "hubproxy-auth"


def test_upstream_bearer_auth() -> None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("authorization"))
        return httpx.Response(401 if len(seen) > 1 else 200)

    auth = UpstreamBearerAuth("s3cret", upstream="crm")
    with httpx.Client(transport=httpx.MockTransport(handler), auth=auth) as client:
        assert client.get("https://crm.internal/mcp").status_code == httpx.codes.OK
        assert client.get("https://crm.internal/mcp").status_code == httpx.codes.UNAUTHORIZED
    assert seen == ["Bearer s3cret", "Bearer s3cret"] and auth.unauthorized == 1
