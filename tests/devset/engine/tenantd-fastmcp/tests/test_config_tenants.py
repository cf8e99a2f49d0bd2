from __future__ import annotations

import os
import sys
import time
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from support import make_settings  # noqa: E402

from tenantd.auth import StaticTokenVerifier, TenantAccessToken  # noqa: E402
from tenantd.config import TenantdSettings, TokenGrant, parse_tokens  # noqa: E402
from tenantd.tenants import QuotaExceeded, TenantRegistry, UnknownTenant  # noqa: E402


def test_settings_come_from_the_environment() -> None:
    env = {
        "TENANTD_TRANSPORT": "streamable-http",
        "TENANTD_HOST": "0.0.0.0",
        "TENANTD_PORT": "9300",
        "TENANTD_JSON_RESPONSE": "true",
        "TENANTD_STATELESS": "1",
        "TENANTD_LOG_LEVEL": "warning",
        "TENANTD_ALLOWED_HOSTS": "api.tenantd.example.com,api.tenantd.example.com:443",
        "TENANTD_TOKENS": "abc=acme:tenant+admin, def=globex",
    }
    with mock.patch.dict(os.environ, env, clear=True):
        settings = TenantdSettings.from_env()
    assert (settings.transport, settings.host, settings.port) == ("streamable-http", "0.0.0.0", 9300)
    assert settings.json_response and settings.stateless and not settings.debug
    assert settings.log_level == "WARNING"
    assert settings.allowed_hosts == ["api.tenantd.example.com", "api.tenantd.example.com:443"]
    assert settings.tokens == {
        "abc": TokenGrant("acme", ("tenant", "admin")),
        "def": TokenGrant("globex", ("tenant",)),
    }
    assert TenantdSettings.from_env({}).transport == "stdio"
    try:
        parse_tokens("=acme")
    except ValueError as exc:
        assert "malformed" in str(exc)
    else:
        raise AssertionError("malformed grant accepted")


def test_registry_pages_quotas_and_audit() -> None:
    registry = TenantRegistry.with_demo_data()
    first = registry.page(limit=2)
    assert first == {"items": ["acme", "globex"], "nextCursor": "globex"}
    assert registry.page(first["nextCursor"], limit=2) == {"items": ["initech"], "nextCursor": None}
    registry.invite("globex", "ivy@globex.test")
    try:
        registry.invite("globex", "zed@globex.test")
    except QuotaExceeded as exc:
        assert "seat limit of 2" in str(exc)
    else:
        raise AssertionError("seat limit not enforced")
    try:
        registry.get("umbrella")
    except UnknownTenant:
        pass
    else:
        raise AssertionError("unknown tenant returned")
    entry = registry.audit_for("acme", "2024-05-02")[0]
    assert entry.to_dict() == {
        "tenantId": "acme",
        "day": "2024-05-02",
        "action": "seats:3",
        "actor": "ada@acme.test",
        "isError": False,
    }


async def test_static_token_verifier() -> None:
    verifier = StaticTokenVerifier(make_settings().tokens, ttl=60)
    token = await verifier.verify_token("tok-acme-admin")
    assert isinstance(token, TenantAccessToken)
    assert token.tenant_id == "acme" and token.client_id == "tenantd:acme"
    assert token.scopes == ["tenant", "admin"]
    assert token.expires_at is not None and token.expires_at > time.time()
    assert await verifier.verify_token("nope") is None
    verifier.revoke("tok-acme-admin")
    assert await verifier.verify_token("tok-acme-admin") is None
