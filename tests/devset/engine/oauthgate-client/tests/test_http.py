from __future__ import annotations

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import httpx

from mcp.client.streamable_http import MCP_SESSION_ID
from mcp.shared._httpx_utils import McpHttpClientFactory, create_mcp_http_client

from oauthgate.httpfactory import (
    DEFAULT_LIMITS,
    PooledClientFactory,
    default_timeout,
    describe_http_failure,
    quiet_http_logging,
    resolve_factory,
)
from oauthgate.settings import ServerEntry
from oauthgate.transport import SessionIdTracker, opener_for, stdio_parameters


async def test_pooled_factory_builds_configured_client():
    served: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        served.append(request)
        return httpx.Response(200, headers={MCP_SESSION_ID: "sess-42"}, json={"ok": True})

    factory = PooledClientFactory(user_agent="oauthgate-test/1", transport=httpx.MockTransport(handler))
    typed: McpHttpClientFactory = factory
    client = typed(headers={"X-Tenant": "acme"}, timeout=httpx.Timeout(5.0, read=60.0))
    async with client:
        assert client.timeout.read == 60.0 and client.timeout.connect == 5.0
        assert client.follow_redirects
        response = await client.get("https://mcp.example.com/mcp")
        await client.get("https://mcp.example.com/mcp")
    assert response.json() == {"ok": True}
    assert served[0].headers["user-agent"] == "oauthgate-test/1"
    assert served[0].headers["x-tenant"] == "acme"
    assert factory.created == 1
    assert factory.stats.statuses[200] == 2
    assert factory.stats.session_ids == ["sess-42"]
    assert factory.stats.last_session_id == "sess-42"

    async with factory() as defaults:
        assert defaults.timeout == default_timeout()
        assert defaults.timeout.read == 300.0
    assert DEFAULT_LIMITS.max_connections == 20
    assert resolve_factory(None) is create_mcp_http_client
    assert resolve_factory(factory) is factory


def test_describe_http_failure():
    request = httpx.Request("POST", "https://mcp.example.com/mcp")
    status = httpx.HTTPStatusError("boom", request=request, response=httpx.Response(503, request=request))
    assert describe_http_failure(status) == "server answered HTTP 503 for https://mcp.example.com/mcp"
    grouped = BaseExceptionGroup("transport", [ValueError("x"), httpx.ConnectError("refused")])
    assert describe_http_failure(grouped) == "could not connect: refused"
    assert describe_http_failure(httpx.ReadTimeout("slow")) == "timed out talking to the server"
    assert describe_http_failure(KeyError("nope")) is None

    quiet_http_logging(logging.ERROR)
    assert logging.getLogger("httpx").level == logging.ERROR
    assert logging.getLogger("httpcore").level == logging.ERROR


def test_transport_openers_and_stdio_parameters():
    os.environ.setdefault("PATH", "/usr/bin")
    local = ServerEntry(name="local", transport="stdio", command="python", args=["-m", "srv"], env={"SRV_MODE": "x"})
    params = stdio_parameters(local)
    assert params.command == "python" and params.args == ["-m", "srv"]
    assert params.env is not None and params.env["SRV_MODE"] == "x" and "PATH" in params.env

    remote = ServerEntry(name="remote", url="https://mcp.example.com/mcp", timeout=12.0)
    tracker = SessionIdTracker()
    for entry in (local, remote, ServerEntry(name="legacy", transport="sse", url="http://h/sse")):
        opener = opener_for(entry, tracker=tracker)
        cm = opener()
        assert hasattr(cm, "__aenter__") and hasattr(cm, "__aexit__")
    tracker.bind("remote", lambda: "abc")
    assert tracker.session_id("remote") == "abc"
    assert tracker.session_id("missing") is None
