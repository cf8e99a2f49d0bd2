"""Settings, scope helpers, audit paging and the command line."""

from __future__ import annotations

import io
import json

from authkit.__main__ import main
from authkit.audit import AuditLog
from authkit.config import KitSettings
from authkit.scopes import ScopeList, ScopePolicy, parse_scopes


def test_settings_from_env_and_public_dict() -> None:
    settings = KitSettings.from_env(
        {
            "AUTHKIT_HOST": "0.0.0.0",
            "AUTHKIT_PORT": "9443",
            "AUTHKIT_PUBLIC_HOST": "mcp.example.test",
            "AUTHKIT_SCHEME": "https",
            "AUTHKIT_STATELESS_HTTP": "no",
            "AUTHKIT_REQUIRED_SCOPES": "notes:read, notes:write",
            "UNRELATED": "ignored",
        }
    )
    assert settings.origin == "https://mcp.example.test:9443"
    assert settings.resource_server_url == "https://mcp.example.test:9443/mcp"
    assert settings.required_scopes == ("notes:read", "notes:write")
    public = settings.to_public_dict()
    assert public["host"] == "0.0.0.0" and public["port"] == 9443
    assert public["statelessHttp"] is False and public["jsonResponse"] is True
    assert public["issuerUrl"] == "https://mcp.example.test:9443"
    assert KitSettings(scheme="https", public_host="a.test", port=443).origin == "https://a.test"


def test_scope_list_and_policy() -> None:
    scopes = ScopeList.model_validate("notes:read  notes:write notes:read")
    assert scopes.root == ["notes:read", "notes:write"]
    assert scopes.to_wire() == "notes:read notes:write"
    assert "notes:write" in scopes and scopes.missing(["authkit:admin", "notes:read"]) == ["authkit:admin"]
    assert scopes.union(["authkit:admin"]).root[-1] == "authkit:admin"
    assert parse_scopes(None) == [] and parse_scopes(("a", "b", "a")) == ["a", "b"]

    policy = ScopePolicy(allowed=("notes:read", "notes:write"), default=("notes:read",))
    assert policy.narrow(None) == ["notes:read"]
    assert policy.narrow(["notes:write", "root"], registered=["notes:write"]) == ["notes:write"]
    assert policy.rejects(["root", "notes:read"]) == ["root"]
    assert policy.describe() == {"scopesSupported": ["notes:read", "notes:write"], "defaultScopes": ["notes:read"]}


def test_audit_log_pages_with_cursor() -> None:
    ticks = iter(range(100))
    log = AuditLog(clock=lambda: float(next(ticks)), max_events=5)
    for n in range(7):
        log.record("token.issued", client_id=f"c{n}", scopes=["notes:read"], expires_at=3600.5 + n)
    log.record("token.revoked", client_id="c6", is_error=True, detail="stolen")
    assert len(log) == 5

    first = log.page(limit=3)
    assert [e["clientId"] for e in first["events"]] == ["c3", "c4", "c5"]
    assert first["events"][0]["expiresAt"] == 3603 and first["total"] == 5
    second = log.page(first["nextCursor"], limit=3)
    assert [e["event"] for e in second["events"]] == ["token.issued", "token.revoked"]
    assert second["nextCursor"] is None
    assert log.errors()[0]["detail"] == "stolen" and log.errors()[0]["isError"] is True
    try:
        log.page("not-a-cursor")
    except ValueError as exc:
        assert "malformed cursor" in str(exc)
    else:
        raise AssertionError("bad cursor accepted")


def test_cli_prints_metadata_config_and_tokens() -> None:
    out = io.StringIO()
    assert main(["metadata", "--issuer", "https://auth.example.test"], out=out) == 0
    metadata = json.loads(out.getvalue())
    assert metadata["issuer"] == "https://auth.example.test/"
    assert metadata["registration_endpoint"] == "https://auth.example.test/register"
    assert metadata["grant_types_supported"] == ["authorization_code", "refresh_token"]
    assert metadata["protected_resource_metadata"] == "https://auth.example.test/.well-known/oauth-protected-resource/mcp"

    out = io.StringIO()
    assert main(["config"], out=out) == 0
    assert json.loads(out.getvalue())["streamableHttpPath"] == "/mcp"

    out = io.StringIO()
    assert main(["token", "--client-id", "ops", "--scope", "notes:read authkit:admin"], out=out) == 0
    minted = json.loads(out.getvalue())
    assert minted["access_token"].startswith("ak_at_") and minted["scope"] == "notes:read authkit:admin"
