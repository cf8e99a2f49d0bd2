import json
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx

from relay.config import ServerEntry
from relay.oauth import FileTokenStorage, LoopbackCallback, StaticBearerAuth, build_oauth_provider

MCP_URL = "https://mcp.example.com/mcp"
AUTH = "https://auth.example.com"
PRM_PATH = "/.well-known/oauth-protected-resource/mcp"


class FakeAuthorizationServer:
    def __init__(self) -> None:
        self.registrations: list[dict[str, object]] = []
        self.token_forms: list[dict[str, list[str]]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/mcp":
            if request.headers.get("authorization") == "Bearer at-1":
                return httpx.Response(200, json={"ok": True})
            challenge = f'Bearer resource_metadata="https://mcp.example.com{PRM_PATH}"'
            return httpx.Response(401, headers={"WWW-Authenticate": challenge})
        if path == PRM_PATH:
            body = {"resource": MCP_URL, "authorization_servers": [AUTH], "scopes_supported": ["notes.read"]}
            return httpx.Response(200, json=body)
        if path == "/.well-known/oauth-authorization-server":
            return httpx.Response(200, json={
                "issuer": AUTH,
                "authorization_endpoint": f"{AUTH}/authorize",
                "token_endpoint": f"{AUTH}/token",
                "registration_endpoint": f"{AUTH}/register",
            })
        if path == "/register":
            self.registrations.append(json.loads(request.content))
            return httpx.Response(201, json={**self.registrations[-1], "client_id": "relay-123", "client_secret": "s3"})
        if path == "/token":
            form = parse_qs(request.content.decode())
            self.token_forms.append(form)
            if form.get("code") != ["code-xyz"] or form.get("client_secret") != ["s3"]:
                return httpx.Response(400, json={"error": "invalid_grant"})
            return httpx.Response(200, json={"access_token": "at-1", "token_type": "Bearer", "expires_in": 3600})
        return httpx.Response(404)


async def test_oauth_flow_registers_and_persists_tokens():
    fake = FakeAuthorizationServer()
    store_path = Path(tempfile.mkdtemp()) / "tokens.json"
    entry = ServerEntry(name="notes", transport="streamable-http", url=MCP_URL, oauth=True)
    callback = LoopbackCallback()

    async def browser(authorization_url: str) -> None:
        query = parse_qs(urlparse(authorization_url).query)
        assert query["scope"] == ["notes.read"] and query["code_challenge_method"] == ["S256"]
        callback.deliver(f"{query['redirect_uri'][0]}?code=code-xyz&state={query['state'][0]}")

    callback.on_redirect = browser
    provider = build_oauth_provider(entry, FileTokenStorage(store_path, "notes"), callback)
    async with httpx.AsyncClient(transport=httpx.MockTransport(fake), auth=provider) as client:
        response = await client.get(MCP_URL)
    assert response.status_code == 200 and response.json() == {"ok": True}
    assert fake.registrations[0]["redirect_uris"] == ["http://127.0.0.1:33418/callback"]
    assert fake.token_forms[0]["grant_type"] == ["authorization_code"]
    saved = json.loads(store_path.read_text())["notes"]
    assert saved["tokens"]["access_token"] == "at-1" and saved["client_info"]["client_id"] == "relay-123"

    again = LoopbackCallback()
    reused = build_oauth_provider(entry, FileTokenStorage(store_path, "notes"), again)
    async with httpx.AsyncClient(transport=httpx.MockTransport(fake), auth=reused) as client:
        assert (await client.get(MCP_URL)).status_code == 200
    assert again.authorization_urls == [] and len(fake.registrations) == 1

    seen: list[str | None] = []
    echo = httpx.MockTransport(lambda r: seen.append(r.headers.get("authorization")) or httpx.Response(200))
    async with httpx.AsyncClient(transport=echo, auth=StaticBearerAuth("tok")) as client:
        await client.get(MCP_URL)
    assert seen == ["Bearer tok"]
