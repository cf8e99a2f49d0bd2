"""Unit tests for InMemoryOAuthProvider, driven directly (no HTTP)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from pydantic import AnyUrl

from mcp.server.auth.provider import AuthorizationParams, AuthorizeError, RegistrationError, TokenError
from mcp.shared.auth import OAuthClientInformationFull

from authkit.provider import InMemoryOAuthProvider
from authkit.testing import TEST_SETTINGS
from authkit.tokens import KitAccessToken, new_pkce_pair

REDIRECT = "http://localhost:3030/callback"


class FakeClock:
    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _params(scopes: list[str] | None, state: str = "st-1", challenge: str = "c" * 43) -> AuthorizationParams:
    return AuthorizationParams(
        state=state,
        scopes=scopes,
        code_challenge=challenge,
        redirect_uri=AnyUrl(REDIRECT),
        redirect_uri_provided_explicitly=True,
        resource=TEST_SETTINGS.resource_server_url,
    )


async def _registered(provider: InMemoryOAuthProvider, scope: str = "notes:read notes:write") -> OAuthClientInformationFull:
    info = OAuthClientInformationFull(
        client_id="cli-1",
        client_secret="s3cret",
        redirect_uris=[AnyUrl(REDIRECT)],
        token_endpoint_auth_method="client_secret_post",
        scope=scope,
        client_name="Notes CLI",
    )
    await provider.register_client(info)
    return info


async def test_consent_flow_issues_code_bound_to_redirect() -> None:
    provider = InMemoryOAuthProvider(TEST_SETTINGS)
    client = await _registered(provider)

    consent_url = await provider.authorize(client, _params(["notes:read"]))
    parsed = urlparse(consent_url)
    assert f"{parsed.scheme}://{parsed.netloc}{parsed.path}" == "http://localhost:8765/consent"
    txn = parse_qs(parsed.query)["txn"][0]
    assert provider.get_pending(txn) is not None

    landing = urlparse(provider.approve(txn, subject="alice"))
    query = parse_qs(landing.query)
    assert landing.netloc == "localhost:3030" and landing.path == "/callback"
    assert query["state"] == ["st-1"]

    code = await provider.load_authorization_code(client, query["code"][0])
    assert code is not None
    assert code.subject == "alice" and code.scopes == ["notes:read"]
    assert code.redirect_uri == AnyUrl(REDIRECT)
    assert code.redirect_uri.host == "localhost" and code.redirect_uri.port == 3030

    # a second approval of the same transaction is refused
    try:
        provider.approve(txn, subject="mallory")
    except AuthorizeError as exc:
        assert exc.error == "access_denied"
    else:
        raise AssertionError("consent transaction was reusable")


async def test_exchange_and_refresh_rotate_tokens() -> None:
    clock = FakeClock()
    provider = InMemoryOAuthProvider(TEST_SETTINGS.with_overrides(auto_approve=True), clock=clock)
    client = await _registered(provider)
    _, challenge = new_pkce_pair()

    redirect = await provider.authorize(client, _params(["notes:read", "notes:write"], challenge=challenge))
    code_value = parse_qs(urlparse(redirect).query)["code"][0]
    code = await provider.load_authorization_code(client, code_value)
    assert code is not None and code.code_challenge == challenge

    issued = await provider.exchange_authorization_code(client, code)
    assert issued.token_type == "Bearer"
    assert issued.scope == "notes:read notes:write"
    assert issued.refresh_token is not None and issued.expires_in == TEST_SETTINGS.access_token_ttl

    try:
        await provider.exchange_authorization_code(client, code)
    except TokenError as exc:
        assert exc.error == "invalid_grant"
    else:
        raise AssertionError("authorization code was accepted twice")

    access = await provider.load_access_token(issued.access_token)
    assert isinstance(access, KitAccessToken)
    assert access.resource == TEST_SETTINGS.resource_server_url
    assert access.claims == {"iss": TEST_SETTINGS.issuer_url}

    refresh = await provider.load_refresh_token(client, issued.refresh_token)
    assert refresh is not None
    try:
        await provider.exchange_refresh_token(client, refresh, ["authkit:admin"])
    except TokenError as exc:
        assert exc.error == "invalid_scope"
    else:
        raise AssertionError("refresh widened the scope")

    clock.advance(60)
    rotated = await provider.exchange_refresh_token(client, refresh, ["notes:read"])
    assert rotated.scope == "notes:read"
    assert await provider.load_access_token(issued.access_token) is None
    assert await provider.load_refresh_token(client, issued.refresh_token) is None
    assert await provider.load_access_token(rotated.access_token) is not None

    clock.advance(TEST_SETTINGS.access_token_ttl + 1)
    assert await provider.load_access_token(rotated.access_token) is None
    events = [e["event"] for e in provider.audit.events()]
    assert events.count("token.issued") == 2 and "token.revoked" in events


async def test_registration_and_authorization_guards() -> None:
    provider = InMemoryOAuthProvider(TEST_SETTINGS)

    bad_redirect = OAuthClientInformationFull(
        client_id="evil",
        redirect_uris=[AnyUrl("http://attacker.example/cb")],
        scope="notes:read",
    )
    try:
        await provider.register_client(bad_redirect)
    except RegistrationError as exc:
        assert exc.error == "invalid_redirect_uri"
    else:
        raise AssertionError("non-loopback http redirect was accepted")

    unknown_scope = OAuthClientInformationFull(
        client_id="greedy",
        redirect_uris=[AnyUrl(REDIRECT)],
        scope="notes:read payroll:write",
    )
    try:
        await provider.register_client(unknown_scope)
    except RegistrationError as exc:
        assert exc.error == "invalid_client_metadata"
        assert exc.error_description and "payroll:write" in exc.error_description
    else:
        raise AssertionError("unknown scope was registered")

    native = provider.preregister(
        "desktop-app", ["com.example.notes:/oauth"], auth_method="none", scopes=["notes:read"]
    )
    assert native.token_endpoint_auth_method == "none"
    assert native.redirect_uris is not None and native.redirect_uris[0].scheme == "com.example.notes"

    client = await _registered(provider, scope="notes:read")
    try:
        await provider.authorize(client, _params(["notes:read", "authkit:admin"]))
    except AuthorizeError as exc:
        assert exc.error == "invalid_scope"
    else:
        raise AssertionError("client obtained a scope it never registered")

    # no scope requested: fall back to the policy default
    consent = await provider.authorize(client, _params(None))
    txn = parse_qs(urlparse(consent).query)["txn"][0]
    pending = provider.get_pending(txn)
    assert pending is not None and pending.scopes == ["notes:read"]
    denied = parse_qs(urlparse(provider.deny(txn)).query)
    assert denied["error"] == ["access_denied"] and denied["state"] == ["st-1"]


async def test_revoke_and_introspect() -> None:
    provider = InMemoryOAuthProvider(TEST_SETTINGS)
    client = await _registered(provider)
    first = provider.mint_access_token("cli-1", ["notes:read"], subject="alice")
    second = provider.mint_access_token("cli-1", ["notes:write"], subject="alice")

    body = await provider.introspect(first.token)
    assert body["active"] is True
    assert body["client_id"] == "cli-1" and body["scope"] == "notes:read" and body["sub"] == "alice"

    assert first.refresh_token is not None
    refresh = await provider.load_refresh_token(client, first.refresh_token)
    assert refresh is not None
    await provider.revoke_token(refresh)
    assert (await provider.introspect(first.token)) == {"active": False}
    assert await provider.load_access_token(second.token) is not None

    assert await provider.revoke_client("cli-1") == 1
    assert await provider.load_access_token(second.token) is None
    assert provider.describe()["activeTokens"] == 0
