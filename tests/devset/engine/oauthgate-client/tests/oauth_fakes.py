"""A fake protected MCP endpoint + authorization server behind ``httpx.MockTransport``."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from typing import Any
from urllib.parse import parse_qs, urlencode

import httpx

RESOURCE = "https://mcp.example.com/mcp"
ISSUER = "https://auth.example.com"
PRM_URL = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp"


class FakeOAuthWorld:
    def __init__(self, *, scopes: tuple[str, ...] = ("catalog:read", "catalog:write"), token_ttl: int = 3600):
        self.scopes = scopes
        self.token_ttl = token_ttl
        self.clients: dict[str, dict[str, Any]] = {}
        self.codes: dict[str, dict[str, Any]] = {}
        self.access_tokens: set[str] = set()
        self.log: list[str] = []

    # --- documents -----------------------------------------------------------------

    def protected_resource(self) -> dict[str, Any]:
        return {
            "resource": RESOURCE,
            "authorization_servers": [ISSUER],
            "scopes_supported": list(self.scopes),
            "bearer_methods_supported": ["header"],
            "resource_name": "Example catalog",
        }

    def authorization_server(self) -> dict[str, Any]:
        return {
            "issuer": ISSUER,
            "authorization_endpoint": f"{ISSUER}/authorize",
            "token_endpoint": f"{ISSUER}/token",
            "registration_endpoint": f"{ISSUER}/register",
            "scopes_supported": list(self.scopes),
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "none"],
        }

    # --- transport -------------------------------------------------------------------

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        host, path = request.url.host, request.url.path
        self.log.append(f"{request.method} {host}{path}")
        if host == "mcp.example.com":
            if path.startswith("/.well-known/oauth-protected-resource"):
                return httpx.Response(200, json=self.protected_resource())
            if path == "/mcp":
                return self._mcp(request)
        if host == "auth.example.com":
            if path == "/.well-known/oauth-authorization-server":
                return httpx.Response(200, json=self.authorization_server())
            if path == "/register":
                return self._register(request)
            if path == "/authorize":
                return self._authorize(request)
            if path == "/token":
                return self._token(request)
        return httpx.Response(404, json={"error": "not_found"})

    def _mcp(self, request: httpx.Request) -> httpx.Response:
        header = request.headers.get("authorization", "")
        token = header.removeprefix("Bearer ").strip()
        if token not in self.access_tokens:
            challenge = f'Bearer resource_metadata="{PRM_URL}", scope="{self.scopes[0]}"'
            return httpx.Response(401, headers={"WWW-Authenticate": challenge}, json={"error": "invalid_token"})
        body = json.loads(request.content or b"{}")
        return httpx.Response(200, json={"jsonrpc": "2.0", "id": body.get("id", 0), "result": {}})

    def _register(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        client_id = f"client-{len(self.clients) + 1}"
        record = {**body, "client_id": client_id, "client_id_issued_at": 1_700_000_000}
        if body.get("token_endpoint_auth_method") != "none":
            record["client_secret"] = secrets.token_urlsafe(16)
            record["client_secret_expires_at"] = 0
        self.clients[client_id] = record
        return httpx.Response(201, json=record)

    def _authorize(self, request: httpx.Request) -> httpx.Response:
        params = request.url.params
        client = self.clients.get(params.get("client_id", ""))
        if client is None:
            return httpx.Response(400, json={"error": "invalid_client"})
        redirect_uri = params["redirect_uri"]
        if redirect_uri not in client["redirect_uris"]:
            return httpx.Response(400, json={"error": "invalid_redirect_uri"})
        code = secrets.token_urlsafe(12)
        self.codes[code] = {
            "client_id": client["client_id"],
            "redirect_uri": redirect_uri,
            "challenge": params["code_challenge"],
            "scope": params.get("scope"),
            "resource": params.get("resource"),
        }
        location = f"{redirect_uri}?{urlencode({'code': code, 'state': params['state']})}"
        return httpx.Response(302, headers={"Location": location})

    def _token(self, request: httpx.Request) -> httpx.Response:
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        if form.get("grant_type") != "authorization_code":
            return httpx.Response(400, json={"error": "unsupported_grant_type"})
        grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or grant["client_id"] != form.get("client_id"):
            return httpx.Response(400, json={"error": "invalid_grant"})
        client = self.clients[grant["client_id"]]
        if "client_secret" in client and form.get("client_secret") != client["client_secret"]:
            return httpx.Response(401, json={"error": "invalid_client"})
        digest = hashlib.sha256(form["code_verifier"].encode()).digest()
        if base64.urlsafe_b64encode(digest).decode().rstrip("=") != grant["challenge"]:
            return httpx.Response(400, json={"error": "invalid_grant", "error_description": "PKCE mismatch"})
        token = f"at-{len(self.access_tokens) + 1}"
        self.access_tokens.add(token)
        return httpx.Response(
            200,
            json={
                "access_token": token,
                "token_type": "bearer",
                "expires_in": self.token_ttl,
                "refresh_token": f"rt-{token}",
                "scope": grant["scope"],
            },
        )

    # --- user agent simulation -----------------------------------------------------

    def approve(self, authorization_url: str) -> str:
        """What the user's browser would end up at after clicking "Allow"."""
        response = self.handle(httpx.Request("GET", authorization_url))
        assert response.status_code == 302, response.text
        return response.headers["Location"]


def rpc_ping(request_id: int = 1) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": request_id, "method": "ping"}
