from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from support import ISSUER, MCP_ORIGIN, MCP_URL, make_deployment, rsa_keypair  # noqa: E402

from mcp.client.auth import OAuthTokenError  # noqa: E402

from gatehouse.client.auth import (  # noqa: E402
    client_credentials_provider, interactive_provider, private_key_jwt_provider, token_status,
)
from gatehouse.client.callbacks import HeadlessApprover  # noqa: E402
from gatehouse.client.session import ConnectOptions, connect  # noqa: E402
from gatehouse.client.storage import FileTokenStorage, InMemoryTokenStorage  # noqa: E402


async def test_public_routes_and_bearer_challenge() -> None:
    deployment = make_deployment()
    async with deployment.mcp.session_manager.run():
        async with deployment.client_factory() as http:
            health = await http.get(f"{MCP_ORIGIN}/healthz")
            assert health.json() == {"status": "ok", "server": "gatehouse", "stateless": True, "notes": 0}
            assert (await http.get(f"{MCP_ORIGIN}/version")).text == "0.6.2"
            manifest = (await http.get(f"{MCP_ORIGIN}/.well-known/gatehouse.json")).json()
            assert manifest["mcpEndpoint"] == "/mcp"

            challenge = await http.post(MCP_URL, json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
            assert challenge.status_code == 401
            www = challenge.headers["www-authenticate"]
            assert 'resource_metadata="http://127.0.0.1:8765/.well-known/oauth-protected-resource/mcp"' in www

            prm = (await http.get(f"{MCP_ORIGIN}/.well-known/oauth-protected-resource/mcp")).json()
            assert prm["resource"] == MCP_URL
            assert prm["authorization_servers"] == [f"{ISSUER}/"]
            assert prm["scopes_supported"] == ["mcp:read"]

            token, _ = deployment.codec.issue("alice", "cli", ["notes:read"], MCP_URL)
            weak = await http.post(MCP_URL, json={}, headers={"Authorization": f"Bearer {token}"})
            assert weak.status_code == 401
    assert deployment.verifier.rejections["scope"] == 1


async def test_authorization_code_flow_end_to_end() -> None:
    deployment = make_deployment()
    options = ConnectOptions(client_factory=deployment.client_factory, read_timeout=timedelta(seconds=10))
    with tempfile.TemporaryDirectory() as tmp:
        storage = FileTokenStorage(Path(tmp) / "tokens.json", MCP_URL)
        async with deployment.mcp.session_manager.run(), deployment.client_factory() as browser:
            approver = HeadlessApprover(browser)
            provider = interactive_provider(MCP_URL, storage, approver, scopes=["notes:read"])
            async with connect(MCP_URL, auth=provider, options=options) as remote:
                assert remote.server_name == "gatehouse"
                assert remote.is_current_protocol
                assert remote.session_id is None  # stateless deployment
                who = await remote.call("whoami")
                assert who.ok and who.structured is not None
                assert who.structured["subject"] == "alice"
                assert who.structured["tenant"] == "acme"
                assert who.structured["scopes"] == ["mcp:read"]
                assert sorted(await remote.tool_names()) == ["add_note", "granted_scopes", "list_notes", "whoami"]
                assert await remote.read_only_tools() == ["whoami", "granted_scopes"]
                denied = await remote.call("add_note", {"text": "x"})
                assert not denied.ok and "insufficient_scope" in denied.text
                text, mime = await remote.read_text("gatehouse://deployment")
                assert mime == "application/json" and '"serverName": "gatehouse"' in text

            assert len(approver.authorization_urls) == 1
            assert "code_challenge_method=S256" in approver.authorization_urls[0]
            status = token_status(provider)
            assert status["valid"] and status["refreshable"]
            assert status["client_id"].startswith("dyn-")

            stored = await storage.get_client_info()
            assert stored is not None and stored.client_secret is not None
            grants = [r["grant_type"] for r in deployment.auth_server.token_requests]
            assert grants == ["authorization_code"]

            # a second process reuses the stored registration and token
            again = interactive_provider(MCP_URL, storage, HeadlessApprover(browser), scopes=["notes:read"])
            async with connect(MCP_URL, auth=again, options=options) as remote:
                assert (await remote.call("granted_scopes")).structured == {"result": ["mcp:read"]}
            assert len(deployment.auth_server.token_requests) == 1


async def test_client_credentials_flow() -> None:
    deployment = make_deployment()
    deployment.auth_server.provision_client("reporting", client_secret="r3port", scope="mcp:read notes:read")
    storage = InMemoryTokenStorage()
    provider = client_credentials_provider(MCP_URL, storage, "reporting", "r3port", scopes=["mcp:read"])
    options = ConnectOptions(client_factory=deployment.client_factory)
    async with deployment.mcp.session_manager.run():
        async with connect(MCP_URL, auth=provider, options=options) as remote:
            who = await remote.call("whoami")
            assert who.structured is not None and who.structured["subject"] == "reporting"
    request = deployment.auth_server.token_requests[0]
    assert request["grant_type"] == "client_credentials"
    assert request["resource"] == MCP_URL
    assert "client_secret" not in request  # sent with HTTP Basic
    tokens = await storage.get_tokens()
    assert tokens is not None and tokens.refresh_token is None


async def test_private_key_jwt_flow() -> None:
    private_pem, public_pem = rsa_keypair()
    deployment = make_deployment()
    deployment.auth_server.provision_client("ingest-bot", public_key_pem=public_pem, scope="mcp:read")
    provider = private_key_jwt_provider(MCP_URL, InMemoryTokenStorage(), "ingest-bot", private_key_pem=private_pem)
    options = ConnectOptions(client_factory=deployment.client_factory)
    async with deployment.mcp.session_manager.run():
        async with connect(MCP_URL, auth=provider, options=options) as remote:
            outcome = await remote.call("whoami")
            assert outcome.ok and outcome.structured is not None
            assert outcome.structured["clientId"] == "ingest-bot"

        bad = private_key_jwt_provider(MCP_URL, InMemoryTokenStorage(), "ingest-bot", prebuilt_assertion="not.a.jwt")
        async with deployment.client_factory(auth=bad) as http:
            try:
                await http.post(MCP_URL, json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
            except OAuthTokenError as exc:  # token endpoint refuses the assertion
                assert "unauthorized_client" in str(exc)
            else:
                raise AssertionError("bogus assertion accepted")
    request = deployment.auth_server.token_requests[0]
    assert request["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    assert request["grant_type"] == "client_credentials"
    assert bad.context.current_tokens is None
    assert token_status(provider)["valid"] is True
