"""HTTP-level tests of the FastMCP apps with Starlette's TestClient."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import parse_qs, urlparse

from starlette.testclient import TestClient

from mcp.client.streamable_http import MCP_PROTOCOL_VERSION
from mcp.server.auth.routes import AUTHORIZATION_PATH, REGISTRATION_PATH, REVOCATION_PATH, TOKEN_PATH
import mcp.types as types
from mcp.types import LATEST_PROTOCOL_VERSION

from authkit.server import build_server
from authkit.testing import TEST_SETTINGS
from authkit.tokens import new_pkce_pair

REDIRECT = "http://localhost:3030/callback"
MCP_HEADERS = {
    "Accept": "application/json, text/event-stream",
    "Content-Type": "application/json",
    MCP_PROTOCOL_VERSION: LATEST_PROTOCOL_VERSION,
}


def _initialize_body(request_id: int = 1) -> dict[str, Any]:
    return {
        "jsonrpc": "2.0",
        "id": request_id,
        "method": "initialize",
        "params": {
            "protocolVersion": LATEST_PROTOCOL_VERSION,
            "capabilities": {},
            "clientInfo": {"name": "route-test", "version": "0"},
        },
    }


def test_metadata_endpoints() -> None:
    kit = build_server(TEST_SETTINGS)
    with TestClient(kit.mcp.streamable_http_app()) as http:
        response = http.get("/.well-known/oauth-authorization-server")
        assert response.status_code == 200
        meta = response.json()
        assert meta["issuer"] == "http://localhost:8765/"
        assert meta["authorization_endpoint"] == "http://localhost:8765" + AUTHORIZATION_PATH
        assert meta["token_endpoint"] == "http://localhost:8765" + TOKEN_PATH
        assert meta["registration_endpoint"] == "http://localhost:8765" + REGISTRATION_PATH
        assert meta["revocation_endpoint"] == "http://localhost:8765" + REVOCATION_PATH
        assert meta["scopes_supported"] == ["notes:read", "notes:write", "authkit:admin"]
        assert meta["code_challenge_methods_supported"] == ["S256"]

        prm = http.get("/.well-known/oauth-protected-resource/mcp").json()
        assert prm["resource"] == "http://localhost:8765/mcp"
        assert prm["authorization_servers"] == ["http://localhost:8765/"]
        assert prm["scopes_supported"] == ["notes:read"]

        health = http.get("/healthz").json()
        assert health["settings"]["streamableHttpPath"] == "/mcp"
        assert health["settings"]["requiredScopes"] == ["notes:read"]
        assert health["provider"]["clients"] == 0


def test_register_authorize_token_refresh_revoke_over_http() -> None:
    kit = build_server(TEST_SETTINGS)
    with TestClient(kit.mcp.streamable_http_app(), follow_redirects=False) as http:
        registered = http.post(
            "/register",
            json={
                "redirect_uris": [REDIRECT],
                "client_name": "Route Test",
                "grant_types": ["authorization_code", "refresh_token"],
                "scope": "notes:read notes:write",
            },
        )
        assert registered.status_code == 201, registered.text
        client = registered.json()
        assert client["token_endpoint_auth_method"] == "client_secret_post"
        assert "application_type" not in client
        client_id, client_secret = client["client_id"], client["client_secret"]

        verifier, challenge = new_pkce_pair()
        authorize = http.get(
            "/authorize",
            params={
                "response_type": "code",
                "client_id": client_id,
                "redirect_uri": REDIRECT,
                "code_challenge": challenge,
                "code_challenge_method": "S256",
                "state": "xyz",
                "scope": "notes:read notes:write",
                "resource": TEST_SETTINGS.resource_server_url,
            },
        )
        assert authorize.status_code == 302, authorize.text
        consent = urlparse(authorize.headers["location"])
        assert consent.path == "/consent"
        txn = parse_qs(consent.query)["txn"][0]

        page = http.get("/consent", params={"txn": txn})
        assert page.status_code == 200 and "Route Test" in page.text and "notes:write" in page.text

        approved = http.post("/consent", data={"txn": txn, "decision": "approve", "subject": "bob"})
        assert approved.status_code == 302
        landing = urlparse(approved.headers["location"])
        assert landing.netloc == "localhost:3030"
        query = parse_qs(landing.query)
        assert query["state"] == ["xyz"]

        token_response = http.post(
            "/token",
            data={
                "grant_type": "authorization_code",
                "code": query["code"][0],
                "redirect_uri": REDIRECT,
                "code_verifier": verifier,
                "client_id": client_id,
                "client_secret": client_secret,
                "resource": TEST_SETTINGS.resource_server_url,
            },
        )
        assert token_response.status_code == 200, token_response.text
        tokens = token_response.json()
        assert tokens["token_type"] == "Bearer" and tokens["scope"] == "notes:read notes:write"

        refreshed = http.post(
            "/token",
            data={
                "grant_type": "refresh_token",
                "refresh_token": tokens["refresh_token"],
                "scope": "notes:read",
                "client_id": client_id,
                "client_secret": client_secret,
            },
        )
        assert refreshed.status_code == 200, refreshed.text
        assert refreshed.json()["scope"] == "notes:read"

        revoked = http.post(
            "/revoke",
            data={"token": refreshed.json()["access_token"], "client_id": client_id, "client_secret": client_secret},
        )
        assert revoked.status_code == 200
        introspected = http.post(
            "/introspect",
            data={"token": refreshed.json()["access_token"], "client_id": client_id, "client_secret": client_secret},
        )
        assert introspected.json() == {"active": False}
        assert [e["event"] for e in kit.audit.events(client_id=client_id)][-2:] == [
            "token.revoked",
            "token.introspected",
        ]


def test_token_endpoint_client_authentication() -> None:
    kit = build_server(TEST_SETTINGS)
    assert kit.provider is not None
    kit.provider.preregister("svc", [REDIRECT], client_secret="right", scopes=["notes:read"])
    # hand-provisioned record: secret-based method, but no secret on file
    kit.provider.preregister("legacy", [REDIRECT], client_secret=None, scopes=["notes:read"])
    legacy_token = kit.provider.mint_access_token("legacy", ["notes:read"])
    with TestClient(kit.mcp.streamable_http_app()) as http:
        wrong = http.post(
            "/token",
            data={"grant_type": "refresh_token", "refresh_token": "nope", "client_id": "svc", "client_secret": "wrong"},
        )
        assert wrong.status_code == 401
        assert wrong.json()["error"] == "unauthorized_client"

        unknown_grant = http.post(
            "/token",
            data={"grant_type": "refresh_token", "refresh_token": "nope", "client_id": "svc", "client_secret": "right"},
        )
        assert unknown_grant.status_code == 400
        assert unknown_grant.json()["error"] == "invalid_grant"

        basic = base64.b64encode(b"svc:right").decode()
        introspect = http.post(
            "/introspect",
            data={"token": legacy_token.token, "client_id": "svc"},
            headers={"Authorization": f"Basic {basic}"},
        )
        # svc is registered for client_secret_post, so the Basic header is ignored and no secret was posted
        assert introspect.status_code == 401

        legacy = http.post("/revoke", data={"token": legacy_token.token, "client_id": "legacy", "client_secret": ""})
        assert legacy.status_code == 200
    assert legacy_token.token not in kit.provider.access_tokens


def test_streamable_http_endpoint_enforces_bearer_and_scopes() -> None:
    kit = build_server(TEST_SETTINGS)
    assert kit.provider is not None
    reader = kit.provider.mint_access_token("cli", ["notes:read"], subject="carol")
    writer_only = kit.provider.mint_access_token("cli", ["notes:write"], subject="carol")
    with TestClient(kit.mcp.streamable_http_app()) as http:
        anonymous = http.post("/mcp", json=_initialize_body(), headers=MCP_HEADERS)
        assert anonymous.status_code == 401
        challenge = anonymous.headers["www-authenticate"]
        assert challenge.startswith("Bearer ")
        assert 'resource_metadata="http://localhost:8765/.well-known/oauth-protected-resource/mcp"' in challenge

        forbidden = http.post(
            "/mcp", json=_initialize_body(), headers={**MCP_HEADERS, "Authorization": f"Bearer {writer_only.token}"}
        )
        assert forbidden.status_code == 403
        assert forbidden.json()["error"] == "insufficient_scope"

        authed = {**MCP_HEADERS, "Authorization": f"Bearer {reader.token}"}
        init = http.post("/mcp", json=_initialize_body(), headers=authed)
        assert init.status_code == 200, init.text
        message = types.JSONRPCMessage.model_validate_json(init.text).root
        assert isinstance(message, types.JSONRPCResponse) and message.id == 1
        result = types.InitializeResult.model_validate(message.result)
        assert result.serverInfo.name == "authkit"
        assert result.instructions is not None and result.instructions.startswith("Tools on this server act on behalf")
        assert result.capabilities.tools is not None and result.capabilities.tools.listChanged is False

        call = http.post(
            "/mcp",
            json={"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "whoami", "arguments": {}}},
            headers=authed,
        )
        assert call.status_code == 200, call.text
        structured = call.json()["result"]["structuredContent"]
        assert structured["client_id"] == "cli" and structured["subject"] == "carol"

        spoofed = http.post(
            "/mcp", json=_initialize_body(), headers={**authed, "Host": "evil.example"}
        )
        assert spoofed.status_code == 421


def test_sse_app_requires_authentication() -> None:
    kit = build_server(TEST_SETTINGS)
    assert kit.provider is not None
    weak = kit.provider.mint_access_token("cli", ["notes:write"])
    app = kit.mcp.sse_app()
    with TestClient(app) as http:
        assert http.get("/sse").status_code == 401
        posted = http.post("/messages/?session_id=0123", json={"jsonrpc": "2.0", "method": "ping", "id": 1})
        assert posted.status_code == 401
        insufficient = http.get("/sse", headers={"Authorization": f"Bearer {weak.token}"})
        assert insufficient.status_code == 403
        assert "notes:read" in insufficient.json()["error_description"]
        # the authorization server routes are served next to the legacy transport, too
        assert http.get("/.well-known/oauth-authorization-server").status_code == 200
    assert kit.mcp.settings.sse_path == "/sse" and kit.mcp.settings.message_path == "/messages/"
