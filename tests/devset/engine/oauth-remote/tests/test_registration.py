from __future__ import annotations

import sys
from pathlib import Path

import jwt

sys.path.insert(0, str(Path(__file__).parent))

from support import ISSUER, MCP_URL, rsa_keypair  # noqa: E402

from mcp.shared.auth import OAuthClientInformationFull  # noqa: E402

from gatehouse.client.auth import jwt_bearer_provider, token_status  # noqa: E402
from gatehouse.client.registration import (  # noqa: E402
    allowed_scopes, build_client_metadata, describe_for_cli, loopback_redirect_uri,
    registration_matches, summarize,
)
from gatehouse.client.storage import InMemoryTokenStorage  # noqa: E402


def test_client_metadata_for_loopback() -> None:
    metadata = build_client_metadata(
        "gatehouse-cli",
        [loopback_redirect_uri(33418, "callback"), "http://localhost:33418"],
        scopes=["mcp:read", "notes:write"],
    )
    assert [str(u) for u in metadata.redirect_uris or []] == [
        "http://127.0.0.1:33418/callback",
        "http://localhost:33418/",
    ]
    assert metadata.grant_types == ["authorization_code", "refresh_token"]
    assert metadata.token_endpoint_auth_method == "client_secret_post"
    wire = metadata.model_dump(mode="json", exclude_none=True)
    assert wire["software_id"] == "gatehouse-cli"
    assert wire["scope"] == "mcp:read notes:write"

    summary = summarize(metadata)
    assert "client_id" not in summary
    info = OAuthClientInformationFull(
        **metadata.model_dump(),
        client_id="dyn-1",
        client_secret="shh",
    )
    assert registration_matches(metadata, info)
    assert not registration_matches(build_client_metadata("x", ["http://127.0.0.1:9/cb"]), info)
    assert describe_for_cli(info).startswith("dyn-1 (client_secret_post) -> http://127.0.0.1:33418/callback")
    assert summarize(info)["confidential"] is True


def test_scope_filtering() -> None:
    metadata = build_client_metadata("cli", ["http://127.0.0.1:1/cb"], scopes=["mcp:read", "notes:read"], refresh=False)
    assert metadata.grant_types == ["authorization_code"]
    assert allowed_scopes(metadata, "mcp:read admin notes:read") == ["mcp:read", "notes:read"]
    assert allowed_scopes(metadata, None) == ["mcp:read", "notes:read"]
    public = build_client_metadata("spa", ["http://127.0.0.1:1/cb"], auth_method="none")
    assert allowed_scopes(public, "mcp:read") == []


def test_legacy_jwt_bearer_provider() -> None:
    private_pem, public_pem = rsa_keypair()
    metadata = build_client_metadata("batch", ["http://127.0.0.1:1/cb"])
    metadata.grant_types = ["urn:ietf:params:oauth:grant-type:jwt-bearer"]
    provider = jwt_bearer_provider(MCP_URL, InMemoryTokenStorage(), metadata, issuer="batch-job", signing_key=private_pem)
    assert provider.jwt_parameters is not None
    assertion = provider.jwt_parameters.to_assertion(with_audience_fallback=ISSUER)
    claims = jwt.decode(assertion, public_pem, algorithms=["RS256"], audience=ISSUER)
    assert claims["iss"] == claims["sub"] == "batch-job"
    assert claims["exp"] - claims["iat"] == 60

    status = token_status(provider)
    assert status["has_token"] is False and status["valid"] is False
    assert status["flow_timeout"] == 180.0
    assert status["server"] == MCP_URL
