from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any
from unittest import mock

import httpx
from mcp.client.auth import OAuthClientProvider, OAuthFlowError

from agentwire.auth import InMemoryTokenStorage, browser_oauth, machine_oauth, parse_callback_url
from agentwire.callbacks import AgentCallbacks
from agentwire.config import ServerConfig, parse_servers
from agentwire.testing import memory_transport
from agentwire.toolkit import MCPToolkit
from agentwire.transports import (
    BearerAuth,
    http_parameters,
    make_client_factory,
    run_with_reconnect,
    stdio_parameters,
)
from agentwire.transports import connect as connect_server
from tests.servers import build_server

HOSTS_FILE = {
    "mcpServers": {
        "files": {"command": "uvx", "args": ["files-server", "--root", "${HOME}"], "env": {"LEVEL": "info"}},
        "search": {"type": "sse", "url": "https://search.internal/sse", "sseReadTimeout": 120, "timeout": 8},
        "crm": {
            "type": "streamableHttp",
            "host": "crm.local",
            "port": 8040,
            "headers": {"X-Tenant": "acme"},
            "auth": {"type": "bearer", "token": "${CRM_TOKEN}"},
            "toolPrefix": "crm_",
        },
        "old": {"command": "legacy", "isDisabled": True},
    }
}


def test_config_becomes_transport_parameters() -> None:
    servers = {s.name: s for s in parse_servers(HOSTS_FILE, {"HOME": "/home/ada", "CRM_TOKEN": "s3cret"})}
    assert sorted(servers) == ["crm", "files", "search"]

    stdio = stdio_parameters(servers["files"])
    assert stdio.command == "uvx" and stdio.args == ["files-server", "--root", "/home/ada"]
    assert stdio.env is not None and stdio.env["LEVEL"] == "info" and "PATH" in stdio.env

    search = servers["search"]
    assert search.endpoint == "https://search.internal/sse"
    assert (search.timeout, search.sse_read_timeout) == (8.0, 120.0)

    http = http_parameters(servers["crm"])
    assert http.url == "http://crm.local:8040/mcp"
    assert http.timeout == timedelta(seconds=30) and http.sse_read_timeout == timedelta(minutes=5)
    assert http.headers == {"X-Tenant": "acme"}
    assert servers["crm"].bearer_token == "s3cret"


async def test_bearer_auth_refreshes_once_on_401() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(401 if len(seen) == 1 else 200, json={"ok": True})

    auth = BearerAuth("stale", refresh=lambda: "fresh")
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler), auth=auth) as client:
        response = await client.get("https://mcp.example.com/mcp")
    assert response.status_code == 200
    assert seen == ["Bearer stale", "Bearer fresh"]

    factory = make_client_factory(protocol_version="2025-06-18")
    built = factory(headers={"X-Tenant": "acme"}, timeout=httpx.Timeout(5.0, read=60.0))
    try:
        assert built.headers["X-Tenant"] == "acme"
        assert built.headers["mcp-protocol-version"] == "2025-06-18"
        assert built.headers["User-Agent"].startswith("agentwire/")
        assert built.timeout.read == 60.0 and built.follow_redirects
    finally:
        await built.aclose()


def test_oauth_providers_are_httpx_auth() -> None:
    async def open_url(url: str) -> None:
        return None

    async def wait() -> str:
        return "http://localhost:3030/callback?code=abc&state=xyz"

    provider = browser_oauth(
        "https://crm.example.com/mcp",
        client_name="agentwire",
        redirect_uri="http://localhost:3030/callback",
        open_url=open_url,
        wait_for_redirect=wait,
        timeout=60.0,
    )
    assert isinstance(provider, OAuthClientProvider) and isinstance(provider, httpx.Auth)
    assert parse_callback_url("http://localhost/cb?code=c1") == ("c1", None)
    try:
        parse_callback_url("http://localhost/cb?error=access_denied")
    except OAuthFlowError as exc:
        assert "access_denied" in str(exc)
    else:
        raise AssertionError("error redirect accepted")

    machine = machine_oauth("https://crm.example.com/mcp", "bot", "hunter2", scopes=["read", "write"])
    assert isinstance(machine, httpx.Auth)
    assert isinstance(InMemoryTokenStorage(), InMemoryTokenStorage)


async def test_streamable_http_connect_passes_transport_settings() -> None:
    server = build_server()
    recorded: dict[str, Any] = {}

    @asynccontextmanager
    async def fake_streamablehttp_client(url: str, **kwargs: Any) -> AsyncIterator[Any]:
        recorded.update(kwargs, url=url)
        async with memory_transport(server) as (read, write):
            yield read, write, lambda: "sess-1"

    config = ServerConfig(
        name="notes",
        transport="streamable_http",
        host="notes.internal",
        port=8443,
        headers={"X-Team": "geo"},
        timeout=12,
        sse_read_timeout=90,
        bearer_token="tok",
        tool_prefix="notes_",
    )
    with mock.patch("agentwire.transports.streamablehttp_client", fake_streamablehttp_client):
        async with connect_server(config, callbacks=AgentCallbacks("notes")) as toolkit:
            assert toolkit.session_id == "sess-1"
            assert toolkit.identity is not None
            assert toolkit.identity.name == "field-notes"
            assert toolkit.identity.instructions == "Tools for a field research assistant."
            assert toolkit.identity.capabilities.prompts is not None
            specs = {s.name: s for s in await toolkit.tool_specs()}
            assert specs["notes_forecast"].readOnly and specs["notes_wipe"].destructive
            reply = await toolkit.call("notes_forecast", {"city": "Bergen"})
            assert reply.artifact == {"city": "Bergen", "high_c": 21.5, "conditions": "overcast"}

    assert recorded["url"] == "http://notes.internal:8443/mcp"
    assert recorded["timeout"] == timedelta(seconds=12)
    assert recorded["sse_read_timeout"] == timedelta(seconds=90)
    assert recorded["headers"] == {"X-Team": "geo"}
    assert isinstance(recorded["auth"], BearerAuth)
    assert callable(recorded["httpx_client_factory"])


async def test_sse_reconnects_after_http_error() -> None:
    server = build_server()
    attempts: list[str] = []

    @asynccontextmanager
    async def flaky_sse_client(url: str, **kwargs: Any) -> AsyncIterator[Any]:
        attempts.append(url)
        if len(attempts) == 1:
            request = httpx.Request("GET", url)
            raise httpx.HTTPStatusError("unavailable", request=request, response=httpx.Response(503, request=request))
        async with memory_transport(server) as streams:
            yield streams

    async def work(toolkit: MCPToolkit) -> str:
        return (await toolkit.call("find_docs", {"query": "owls"})).parts[0].type

    config = ServerConfig(name="docs", transport="sse", url="https://docs.internal/sse", timeout=3)
    with mock.patch("agentwire.transports.sse_client", flaky_sse_client):
        kind = await run_with_reconnect(config, work, attempts=3, backoff=0)
    assert kind == "link"
    assert attempts == ["https://docs.internal/sse"] * 2
