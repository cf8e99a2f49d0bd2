"""Separate authorization server and resource servers talking over RFC 7662."""

from __future__ import annotations

from starlette.testclient import TestClient

from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser, authorization_context
from mcp.server.auth.provider import AccessToken

from authkit.app import build_authorization_server, build_protected_api
from authkit.config import KitSettings
from authkit.provider import InMemoryOAuthProvider
from authkit.server import build_server
from authkit.testing import asgi_client_factory
from authkit.verifier import IntrospectionTokenVerifier, StaticTokenVerifier

AS_SETTINGS = KitSettings(scheme="https", public_host="auth.example.test", port=443, allowed_hosts=("testserver",))
RS_SETTINGS = KitSettings(scheme="https", public_host="notes.example.test", port=443, allowed_hosts=("testserver",))


def _authorization_server() -> tuple[InMemoryOAuthProvider, IntrospectionTokenVerifier]:
    provider = InMemoryOAuthProvider(AS_SETTINGS)
    provider.preregister(
        "notes-rs",
        ["https://notes.example.test/unused"],
        client_secret="rs-secret",
        auth_method="client_secret_basic",
        client_name="Notes resource server",
    )
    as_app = build_authorization_server(provider, AS_SETTINGS)
    verifier = IntrospectionTokenVerifier(
        AS_SETTINGS.issuer_url + "/introspect",
        client_id="notes-rs",
        client_secret="rs-secret",
        resource_url=RS_SETTINGS.resource_server_url,
        http_client_factory=asgi_client_factory(as_app, base_url=AS_SETTINGS.issuer_url),
    )
    return provider, verifier


async def test_introspection_verifier_checks_audience_and_caches() -> None:
    provider, verifier = _authorization_server()
    good = provider.mint_access_token("web", ["notes:read"], subject="erin", resource=RS_SETTINGS.resource_server_url)
    foreign = provider.mint_access_token("web", ["notes:read"], resource="https://payroll.example.test/mcp")

    access = await verifier.verify_token(good.token)
    assert access is not None
    assert access.client_id == "web" and access.subject == "erin" and access.scopes == ["notes:read"]
    assert access.claims is not None and access.claims["iss"] == AS_SETTINGS.issuer_url
    assert await verifier.verify_token(good.token) is access
    assert verifier.calls == 1

    assert await verifier.verify_token(foreign.token) is None
    assert await verifier.verify_token("ak_at_bogus") is None
    assert verifier.calls == 3

    await provider.revoke_token(good)
    verifier.forget(good.token)
    assert await verifier.verify_token(good.token) is None
    assert [e["clientId"] for e in provider.audit.events(event="token.introspected")] == ["notes-rs"] * 4

    user = AuthenticatedUser(access)
    context = authorization_context(user)
    assert context["client_id"] == "web" and context["issuer"] == AS_SETTINGS.issuer_url
    assert user.scopes == ["notes:read"] and user.display_name == "web"


def test_resource_server_fastmcp_uses_remote_authorization_server() -> None:
    provider, verifier = _authorization_server()
    token = provider.mint_access_token("web", ["notes:read"], subject="erin", resource=RS_SETTINGS.resource_server_url)
    kit = build_server(RS_SETTINGS, token_verifier=verifier, issuer_url=AS_SETTINGS.issuer_url)
    assert kit.provider is None

    with TestClient(kit.mcp.streamable_http_app()) as http:
        # a resource server does not host the authorization endpoints itself
        assert http.get("/.well-known/oauth-authorization-server").status_code == 404
        prm = http.get("/.well-known/oauth-protected-resource/mcp").json()
        assert prm["authorization_servers"] == ["https://auth.example.test/"]
        assert prm["resource"] == "https://notes.example.test/mcp"

        call = http.post(
            "/mcp",
            json={"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "whoami", "arguments": {}}},
            headers={"Accept": "application/json, text/event-stream", "Authorization": f"Bearer {token.token}"},
        )
        assert call.status_code == 200, call.text
        result = call.json()["result"]
        assert result["isError"] is False
        assert result["structuredContent"]["subject"] == "erin"

        tools = http.post(
            "/mcp",
            json={"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
            headers={"Accept": "application/json, text/event-stream", "Authorization": f"Bearer {token.token}"},
        ).json()["result"]["tools"]
        assert "list_clients" not in [tool["name"] for tool in tools]
    assert verifier.calls == 1


def test_plain_api_behind_require_auth_middleware() -> None:
    expired = AccessToken(token="old", client_id="devtools", scopes=["notes:read"], expires_at=1)
    verifier = StaticTokenVerifier({"old": expired})
    verifier.add("dev-read", "devtools", ["notes:read"], ttl=600)
    verifier.add("dev-write", "devtools", ["notes:write"])

    api = build_protected_api(verifier, RS_SETTINGS, issuer_url=AS_SETTINGS.issuer_url)
    with TestClient(api) as http:
        assert http.get("/api/public").json()["resource"] == "https://notes.example.test/mcp"

        missing = http.get("/api/me")
        assert missing.status_code == 401
        assert missing.json() == {"error": "invalid_token", "error_description": "Authentication required"}
        assert "oauth-protected-resource/mcp" in missing.headers["www-authenticate"]

        assert http.get("/api/me", headers={"Authorization": "Bearer old"}).status_code == 401
        wrong_scope = http.get("/api/me", headers={"Authorization": "Bearer dev-write"})
        assert wrong_scope.status_code == 403 and wrong_scope.json()["error"] == "insufficient_scope"

        me = http.get("/api/me", headers={"Authorization": "Bearer dev-read"})
        assert me.status_code == 200
        assert me.json() == {"client_id": "devtools", "subject": None, "scopes": ["notes:read"]}

        prm = http.get("/.well-known/oauth-protected-resource/mcp").json()
        assert prm["resource_name"] == "authkit notes API"
        assert prm["scopes_supported"] == ["notes:read", "notes:write", "authkit:admin"]
        assert prm["bearer_methods_supported"] == ["header"]
