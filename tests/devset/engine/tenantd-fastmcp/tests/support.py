"""Shared helpers for the tenantd tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from mcp.server.auth.middleware.auth_context import auth_context_var
from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser

from tenantd.auth import StaticTokenVerifier
from tenantd.config import TenantdSettings, parse_tokens

TOKENS = "tok-acme=acme:tenant,tok-acme-admin=acme:tenant+admin,tok-globex=globex:tenant"


def make_settings(**overrides: Any) -> TenantdSettings:
    return TenantdSettings(tokens=parse_tokens(TOKENS), **overrides)


@asynccontextmanager
async def bearer(token: str, settings: TenantdSettings | None = None) -> AsyncIterator[None]:
    """Pretend the HTTP auth middleware authenticated ``token`` for everything started inside."""
    verifier = StaticTokenVerifier((settings or make_settings()).tokens)
    access = await verifier.verify_token(token)
    assert access is not None, f"unknown test token {token}"
    reset = auth_context_var.set(AuthenticatedUser(access))
    try:
        yield
    finally:
        auth_context_var.reset(reset)
