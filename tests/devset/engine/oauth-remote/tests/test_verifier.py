from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from support import MCP_URL, make_codec  # noqa: E402

from gatehouse.verifier import GatehouseAccessToken, JWTTokenVerifier  # noqa: E402


async def test_verifier_accepts_token_for_this_resource() -> None:
    codec = make_codec()
    verifier = JWTTokenVerifier(codec, MCP_URL, ["mcp:read"])
    token, _ = codec.issue("alice", "cli", ["mcp:read", "notes:write"], "http://127.0.0.1:8765/", tenant="acme")
    access = await verifier.verify_token(token)
    assert isinstance(access, GatehouseAccessToken)
    assert access.subject == "alice"
    assert access.tenant == "acme"
    assert access.resource == "http://127.0.0.1:8765/"
    assert access.claims is not None and access.claims["iss"] == "https://auth.gatehouse.test"


async def test_verifier_rejections_are_counted() -> None:
    codec = make_codec()
    verifier = JWTTokenVerifier(codec, MCP_URL, ["mcp:read"], clock_skew=0)
    expired, _ = codec.issue("alice", "cli", ["mcp:read"], MCP_URL, ttl=-1)
    other_resource, _ = codec.issue("alice", "cli", ["mcp:read"], "http://127.0.0.1:9999/mcp")
    no_scope, _ = codec.issue("alice", "cli", ["notes:read"], MCP_URL)
    assert await verifier.verify_token(expired) is None
    assert await verifier.verify_token(other_resource) is None
    assert await verifier.verify_token(no_scope) is None
    assert await verifier.verify_token("not-a-jwt") is None
    assert dict(verifier.rejections) == {"expired": 1, "audience": 1, "scope": 1, "malformed: Not enough segments": 1}

    lenient = JWTTokenVerifier(codec, MCP_URL, [], clock_skew=60)
    assert await lenient.verify_token(expired) is not None
