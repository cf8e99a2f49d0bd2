import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlparse

from starlette.testclient import TestClient

MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    return verifier, challenge


def obtain_token(client: TestClient, client_id: str, redirect_uri: str, scope: str, secret: str | None = None) -> dict:
    verifier, challenge = pkce_pair()
    response = client.get(
        "/authorize",
        params={
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "state": "xyz",
            "scope": scope,
        },
        follow_redirects=False,
    )
    assert response.status_code == 302, response.text
    query = parse_qs(urlparse(response.headers["location"]).query)
    assert query["state"] == ["xyz"]
    form = {
        "grant_type": "authorization_code",
        "code": query["code"][0],
        "redirect_uri": redirect_uri,
        "client_id": client_id,
        "code_verifier": verifier,
    }
    if secret is not None:
        form["client_secret"] = secret
    token = client.post("/token", data=form)
    assert token.status_code == 200, token.text
    return token.json()


def rpc(client: TestClient, token: str, method: str, params: dict | None = None, session_id: str | None = None, id: int | None = 1):
    headers = dict(MCP_HEADERS, Authorization=f"Bearer {token}")
    if session_id:
        headers["mcp-session-id"] = session_id
    body: dict = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        body["params"] = params
    if id is not None:
        body["id"] = id
    return client.post("/mcp", json=body, headers=headers)


def open_session(client: TestClient, token: str) -> str:
    init = rpc(
        client,
        token,
        "initialize",
        {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "tests", "version": "0"}},
    )
    assert init.status_code == 200, init.text
    session_id = init.headers["mcp-session-id"]
    rpc(client, token, "notifications/initialized", session_id=session_id, id=None)
    return session_id
