"""The Starlette app: HTTP API plus MCP over streamable HTTP and SSE, on a real loopback socket."""

from __future__ import annotations

from datetime import timedelta

import httpx
from mcp import ClientSession, types
from mcp.client.sse import sse_client
from mcp.client.streamable_http import streamablehttp_client

from appdeck.client import PredictionError, RemoteApp
from appdeck.config import ServerSettings
from appdeck.mcp_server import AppMCPServer
from appdeck.routes import build_asgi_app
from tests.demo_apps import build_demo_app, running_server


async def test_streamable_http_forwards_request_headers() -> None:
    app = build_demo_app()
    asgi = build_asgi_app(app, mcp_server=True)
    async with running_server(asgi) as base_url:
        async with streamablehttp_client(
            f"{base_url}/mcp",
            headers={"X-Appdeck-User": "grace"},
            timeout=timedelta(seconds=10),
            sse_read_timeout=timedelta(seconds=30),
        ) as (read_stream, write_stream, get_session_id):
            async with ClientSession(read_stream, write_stream) as session:
                init = await session.initialize()
                session_id = get_session_id()
                who = await session.call_tool("whoami", {})
                stats = await session.call_tool("word_stats", {"text": "over http"})

        async with httpx.AsyncClient(base_url=base_url) as http:
            health = (await http.get("/healthz")).json()
            schema = (await http.get("/mcp/schema")).json()
            predicted = (await http.post("/api/predict/repeat", json={"data": {"text": "yo", "times": 2}})).json()

    assert init.serverInfo.name == "text-toolkit"
    assert init.serverInfo.version == "1.4.0"
    assert init.instructions == "Small utilities for text"
    assert init.serverInfo.icons is not None and init.serverInfo.icons[0].mimeType == "image/png"
    assert session_id
    block = who.content[0]
    assert isinstance(block, types.TextContent)
    assert block.text == "grace via mcp"
    assert stats.structuredContent == {"words": 2, "chars": 9, "longest": "over"}

    assert health == {"status": "ok", "app": "text-toolkit", "version": "1.4.0"}
    first_tool = schema["tools"][0]
    assert first_tool["name"] == "repeat"
    assert "inputSchema" in first_tool and "readOnlyHint" in first_tool["annotations"]
    assert schema["resources"][0]["mimeType"] == "text/markdown"
    assert predicted == {"data": ["yo yo"], "isError": False}


async def test_admin_header_over_http_shows_private_tools() -> None:
    app = build_demo_app()
    bridge = AppMCPServer(app, admin_token="s3cret")
    app._mcp = bridge  # use the configured bridge for the HTTP routes
    asgi = build_asgi_app(app, mcp_server=True)
    async with running_server(asgi) as base_url:
        admin = RemoteApp(f"{base_url}/mcp", headers={"X-Appdeck-Admin": "s3cret"})
        anonymous = RemoteApp(f"{base_url}/mcp")
        async with admin.connect() as remote:
            admin_names = {t.name for t in await remote.endpoints()}
            audit = await remote.predict("audit_log")
        async with anonymous.connect() as remote:
            public_names = {t.name for t in await remote.endpoints()}
            logo = await remote.fetch("appdeck://text-toolkit/assets/logo.png")
            steps: list[float] = []
            counted = await remote.predict("slow_count", steps=2, on_progress=lambda p, t, m: steps.append(p))
            try:
                await remote.predict("audit_log")
            except PredictionError as exc:
                denied = str(exc)
            else:
                raise AssertionError("private endpoint should be hidden")
    assert "audit_log" in admin_names and "audit_log" not in public_names
    assert admin_names - public_names == {"audit_log"}
    assert audit.data is not None and audit.data["calls"] == []
    assert denied == "Unknown tool: audit_log"
    assert isinstance(logo, bytes) and logo.startswith(b"\x89PNG")
    assert counted.text == ["counted to 2"] and steps == [0.5, 1.0]
    assert admin.session_id and anonymous.session_id and admin.session_id != anonymous.session_id


async def test_sse_transport_round_trip() -> None:
    app = build_demo_app(ServerSettings(sse_path="/gradio/sse", message_path="/gradio/messages/"))
    asgi = build_asgi_app(app, mcp_server=True)
    async with running_server(asgi) as base_url:
        async with sse_client(f"{base_url}/gradio/sse", headers={"X-Appdeck-User": "linus"}, timeout=10) as streams:
            async with ClientSession(*streams) as session:
                await session.initialize()
                caps = session.get_server_capabilities()
                result = await session.call_tool("shout", {"text": "sse works"})
                who = await session.call_tool("whoami", {})
    assert caps is not None and caps.tools is not None and caps.tools.listChanged is True
    block = result.content[0]
    assert isinstance(block, types.TextContent) and block.text == "SSE WORKS!"
    who_block = who.content[0]
    assert isinstance(who_block, types.TextContent)
    assert who_block.text.endswith("via mcp")


async def test_dns_rebinding_protection_rejects_foreign_host() -> None:
    app = build_demo_app()
    asgi = build_asgi_app(app, mcp_server=True)
    async with running_server(asgi) as base_url:
        async with httpx.AsyncClient(base_url=base_url) as http:
            response = await http.post(
                "/mcp",
                headers={"Host": "evil.example", "Accept": "application/json, text/event-stream"},
                json={"jsonrpc": "2.0", "id": 1, "method": "ping"},
            )
            config = (await http.get("/config")).json()
    assert response.status_code == 421
    assert config["streamableHttpPath"] == "/mcp"
    assert config["mcpEnabled"] is True
