from __future__ import annotations

from datetime import timedelta
from typing import Any
from unittest import mock

import anyio
import httpx
from mcp import StdioServerParameters
from mcp.client.session_group import SseServerParameters, StreamableHttpParameters

from agentmesh.config import ConfigError, ServerConfig, parse_servers
from agentmesh.http import BearerTokenAuth, build_auth, make_client_factory
from agentmesh.transports import open_transport, to_server_parameters

CONFIG: dict[str, Any] = {
    "mcpServers": {
        "files": {"command": "uvx", "args": ["mcp-server-files"], "env": {"DEBUG": 1}},
        "search": {"transport": "sse", "host": "search.internal", "port": 9001, "sseReadTimeout": 90},
        "crm": {
            "type": "http",
            "url": "https://crm.example.com/mcp",
            "timeout": 12,
            "auth": {"type": "bearer", "token": "t0k"},
            "allowedTools": ["find_contact"],
        },
        "legacy": {"command": "legacy-mcp", "disabled": True},
    }
}


def test_config_to_sdk_parameters() -> None:
    servers = {s.name: s for s in parse_servers(CONFIG)}
    assert sorted(servers) == ["crm", "files", "search"]
    assert servers["search"].endpoint == "http://search.internal:9001/sse"
    assert servers["crm"].allows("find_contact") and not servers["crm"].allows("delete_contact")
    assert isinstance(build_auth(servers["crm"].auth), BearerTokenAuth)

    stdio = to_server_parameters(servers["files"])
    assert isinstance(stdio, StdioServerParameters)
    assert stdio.env is not None and "PATH" in stdio.env and stdio.env["DEBUG"] == "1"
    sse = to_server_parameters(servers["search"])
    assert isinstance(sse, SseServerParameters) and sse.sse_read_timeout == 90.0
    http = to_server_parameters(servers["crm"])
    assert isinstance(http, StreamableHttpParameters)
    assert http.timeout == timedelta(seconds=12) and http.sse_read_timeout.total_seconds() == 300
    try:
        ServerConfig.from_dict("bad", {"transport": "sse"})
    except ConfigError as exc:
        assert "need a 'url' or 'host'" in str(exc)


async def test_sse_transport_receives_auth_and_factory() -> None:
    cfg = ServerConfig.from_dict(
        "events", {"transport": "sse", "url": "http://events.local/sse", "auth": {"type": "bearer", "token": "abc"}}
    )
    factory = make_client_factory(extra_headers={"X-Agent": "agentmesh-test"})
    captured: dict[str, Any] = {}
    send, recv = anyio.create_memory_object_stream[Any](1)

    class FakeSse:
        def __init__(self, url: str, **kwargs: Any) -> None:
            captured.update(kwargs, url=url)

        async def __aenter__(self) -> tuple[Any, Any]:
            return recv, send

        async def __aexit__(self, *exc: object) -> None:
            return None

    with mock.patch("agentmesh.transports.sse_client", FakeSse):
        async with open_transport(cfg, client_factory=factory) as (read, write, get_session_id):
            assert read is recv and write is send and get_session_id() is None

    assert captured["httpx_client_factory"] is factory and isinstance(captured["auth"], BearerTokenAuth)
    assert captured["timeout"] == 30.0 and captured["sse_read_timeout"] == 300.0
    async with factory(headers={"X-Extra": "1"}, auth=captured["auth"]) as client:
        assert client.headers["x-agent"] == "agentmesh-test" and client.headers["x-extra"] == "1"
        assert client.follow_redirects and client.timeout.read == 300.0


async def test_bearer_auth_refreshes_once_on_401() -> None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("authorization"))
        if request.headers.get("authorization") != "Bearer fresh":
            return httpx.Response(401, json={"error": "expired"})
        return httpx.Response(200, json={"ok": True})

    auth = BearerTokenAuth("stale", refresh=lambda: "fresh")
    async with make_client_factory(transport=httpx.MockTransport(handler))(auth=auth) as client:
        response = await client.get("https://api.example.com/mcp")
    assert response.json() == {"ok": True}
    assert seen == ["Bearer stale", "Bearer fresh"] and auth.refreshes == 1
