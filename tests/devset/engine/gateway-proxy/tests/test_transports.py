"""Real client transports: streamable HTTP (in-process ASGI) and stdio (subprocess)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import httpx
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings

from mcpgate import Gateway, GatewaySettings, UpstreamSpec
from mcpgate.config import UpstreamTable
from tests.harness import downstream, text_of

TESTS = Path(__file__).parent


async def test_streamable_http_upstream_with_session_id() -> None:
    gamma = FastMCP("gamma", json_response=True, host="127.0.0.1", port=8931)
    gamma.settings.transport_security = TransportSecuritySettings(enable_dns_rebinding_protection=False)

    @gamma.tool()
    def shout(text: str) -> str:
        return text.upper()

    app = gamma.streamable_http_app()
    seen_auth: list[str | None] = []

    def asgi_client_factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        async def record(request: httpx.Request) -> None:
            seen_auth.append(request.headers.get("authorization"))

        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            headers=headers,
            timeout=timeout or httpx.Timeout(30, read=300),
            auth=auth,
            follow_redirects=True,
            event_hooks={"request": [record]},
        )

    spec = UpstreamSpec(
        name="gamma",
        transport="streamable-http",
        url="http://127.0.0.1:8931/mcp",
        headers={"x-gateway": "mcpgate"},
        bearerToken="s3cret",
        readTimeoutSeconds=5,
    )
    settings = GatewaySettings(name="http-gateway", upstreams=UpstreamTable({"gamma": spec}))
    async with gamma.session_manager.run():
        async with Gateway(settings, http_client_factory=asgi_client_factory) as gateway:
            await gateway.start()
            upstream = gateway.upstreams["gamma"]
            async with downstream(gateway) as client:
                result = await client.call_tool("gamma.shout", {"text": "quiet"})
                described = upstream.describe()

    assert upstream.state == "down" and described["state"] == "ready"
    assert text_of(result) == "QUIET"
    assert described["sessionId"] and described["transport"] == "streamable-http"
    assert seen_auth and all(value == "Bearer s3cret" for value in seen_auth)


async def test_stdio_upstream_subprocess() -> None:
    env = {"PYTHONPATH": os.environ.get("PYTHONPATH", ""), "PYTHONUNBUFFERED": "1"}
    spec = UpstreamSpec(
        name="notes",
        command=sys.executable,
        args=[str(TESTS / "stdio_upstream.py")],
        env=env,
        readTimeoutSeconds=20,
        timeout=20,
    )
    settings = GatewaySettings(name="stdio-gateway", upstreams=UpstreamTable({"notes": spec}))
    gateway = Gateway(settings)
    async with downstream(gateway) as client:
        # entering the server ran the gateway lifespan, which spawned the upstream
        tools = {t.name for t in (await client.list_tools()).tools}
        reversed_text = await client.call_tool("notes.reverse", {"text": "gateway"})
        note = await client.read_resource(AnyUrl("notes+note://stdio/hello"))
        server_info = gateway.upstreams["notes"].server_info

    assert "notes.reverse" in tools
    assert text_of(reversed_text) == "yawetag"
    content = note.contents[0]
    assert isinstance(content, types.TextResourceContents) and content.text == "hello over stdio"
    assert server_info is not None and server_info.name == "stdio-notes"
    assert gateway.upstreams["notes"].state == "down"


async def test_unreachable_upstream_does_not_block_startup() -> None:
    spec = UpstreamSpec(name="ghost", command="/nonexistent/mcp-server-binary")
    async with Gateway(GatewaySettings(upstreams=UpstreamTable({"ghost": spec}))) as gateway:
        await gateway.start()
        ghost = gateway.upstreams["ghost"]
        assert ghost.state == "down" and ghost.last_error
        assert gateway.catalog.counts()["tools"] == 0
