from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import httpx
from oauth_fakes import ISSUER, RESOURCE, FakeOAuthWorld
from pydantic import AnyUrl

from mcp.client.auth import OAuthFlowError
from mcp.shared.auth import InvalidRedirectUriError, OAuthMetadata, ProtectedResourceMetadata

from oauthgate.discovery import (
    AuthServerProfile,
    challenge_details,
    discover,
    parse_authorization_server,
    parse_protected_resource,
)
from oauthgate.handlers import check_redirect_target, parse_callback_url
from oauthgate.provider import build_client_metadata


def test_metadata_models_parse():
    world = FakeOAuthWorld()
    prm = parse_protected_resource(json.dumps(world.protected_resource()))
    asm = parse_authorization_server(json.dumps(world.authorization_server()).encode())
    assert isinstance(prm, ProtectedResourceMetadata) and isinstance(asm, OAuthMetadata)
    assert prm.bearer_methods_supported == ["header"]
    assert str(prm.resource) == RESOURCE
    # Path-less URLs pick up a trailing slash when parsed.
    assert str(asm.issuer) == ISSUER + "/"
    assert str(prm.authorization_servers[0]) == ISSUER + "/"
    assert str(asm.token_endpoint) == ISSUER + "/token"

    profile = AuthServerProfile(RESOURCE, prm, asm, challenge_scope=None)
    assert profile.issuer_host == "auth.example.com"
    assert profile.issuer_is_advertised()
    assert profile.supports_pkce and profile.supports_dynamic_registration
    assert not profile.supports_client_metadata_documents
    assert profile.requested_scope() == "catalog:read catalog:write"
    assert profile.resource_matches()

    elsewhere = AuthServerProfile("https://mcp.other.com/mcp", prm, asm)
    assert not elsewhere.resource_matches()
    narrowed = AuthServerProfile(RESOURCE, prm, asm, challenge_scope="catalog:read")
    assert narrowed.summary()["scope"] == "catalog:read"


async def test_discover_with_mock_transport():
    world = FakeOAuthWorld()
    async with httpx.AsyncClient(transport=world.transport()) as http:
        probe = await http.post(RESOURCE, json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
        assert probe.status_code == 401
        assert challenge_details(probe) == (
            "https://mcp.example.com/.well-known/oauth-protected-resource/mcp",
            "catalog:read",
        )
        profile = await discover(http, RESOURCE)

    assert profile.challenge_scope == "catalog:read"
    assert profile.requested_scope() == "catalog:read"
    assert profile.resource is not None and profile.resource.resource_name == "Example catalog"
    summary = profile.summary()
    assert summary["authorization_endpoint"] == "https://auth.example.com/authorize"
    assert summary["registration"] is True and summary["resource_ok"] is True
    assert world.log == [
        "POST mcp.example.com/mcp",
        "POST mcp.example.com/mcp",
        "GET mcp.example.com/.well-known/oauth-protected-resource/mcp",
        "GET auth.example.com/.well-known/oauth-authorization-server",
    ]


def test_parse_callback_and_redirect_check():
    assert parse_callback_url("http://127.0.0.1:8765/oauth/callback?code=abc&state=xyz") == ("abc", "xyz")
    assert parse_callback_url("http://127.0.0.1:8765/oauth/callback?code=abc") == ("abc", None)
    try:
        parse_callback_url("http://127.0.0.1:8765/oauth/callback?error=access_denied&error_description=nope")
    except OAuthFlowError as exc:
        assert "access_denied nope" in str(exc)
    else:
        raise AssertionError("expected OAuthFlowError")

    metadata = build_client_metadata("Acme", "http://127.0.0.1:8765/oauth/callback")
    target = check_redirect_target(metadata, "http://127.0.0.1:8765/oauth/callback?code=1&state=2")
    assert target == AnyUrl("http://127.0.0.1:8765/oauth/callback")
    assert target.path == "/oauth/callback"
    try:
        check_redirect_target(metadata, "http://127.0.0.1:9999/oauth/callback?code=1")
    except InvalidRedirectUriError as exc:
        assert "not registered" in exc.message
    else:
        raise AssertionError("expected InvalidRedirectUriError")
