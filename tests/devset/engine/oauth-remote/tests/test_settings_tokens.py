from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from support import ISSUER, make_codec  # noqa: E402

from gatehouse.settings import DeploymentSettings, ScopeSet  # noqa: E402
from gatehouse.tokens import TokenRejected  # noqa: E402


def test_settings_from_camel_case_manifest() -> None:
    settings = DeploymentSettings.from_mapping(
        {
            "serverName": "notes-eu",
            "host": "0.0.0.0",
            "port": "9100",
            "statelessHttp": False,
            "issuerUrl": ISSUER,
            "resourceServerUrl": "https://notes.example.com/mcp",
            "requiredScopes": "mcp:read notes:read mcp:read",
            "unknownKey": 1,
        }
    )
    assert settings.name == "notes-eu"
    assert settings.port == 9100
    assert settings.stateless_http is False
    assert settings.required_scopes.root == ["mcp:read", "notes:read"]
    assert settings.required_scopes.as_header() == "mcp:read notes:read"
    manifest = settings.to_manifest()
    assert manifest["resourceServerUrl"] == "https://notes.example.com/mcp"
    assert manifest["requiredScopes"] == ["mcp:read", "notes:read"]

    env = DeploymentSettings.from_env({"GATEHOUSE_PORT": "7000", "GATEHOUSE_STATELESS": "no"})
    assert env.public_url == "http://127.0.0.1:7000/mcp"
    assert env.resource == env.public_url
    assert env.stateless_http is False
    assert ScopeSet(["a", "b"]).covers(["b", "a", "c"])


def test_token_codec_roundtrip_and_expiry() -> None:
    codec = make_codec()
    token, claims = codec.issue("alice", "cli", ["mcp:read", "notes:read"], "http://127.0.0.1:8765/mcp", tenant="acme")
    decoded = codec.decode(token)
    assert decoded.subject == "alice"
    assert decoded.scopes == ["mcp:read", "notes:read"]
    assert decoded.extra == {"tenant": "acme"}
    assert decoded.token_id == claims.token_id
    summary = decoded.to_dict()
    assert summary["clientId"] == "cli"
    assert summary["isExpired"] is False

    expired, _ = codec.issue("bob", "cli", [], "x", ttl=-5)
    try:
        codec.decode(expired)
    except TokenRejected as exc:
        assert exc.reason == "expired"
    else:
        raise AssertionError("expired token accepted")
    assert codec.decode(expired, verify_exp=False).expires_at < time.time()
