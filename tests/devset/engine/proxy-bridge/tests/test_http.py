from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import httpx

from mcp import ClientSession, types
from mcp.client.streamable_http import streamablehttp_client
from tests.harness import running_bridge

from mcpbridge.http import create_app
from mcpbridge.settings import BridgeSettings

BASE = "http://127.0.0.1:8765"


async def test_stateless_json_http_round_trip() -> None:
    settings = BridgeSettings(stateless_http=True, json_response=True, allowed_hosts=["127.0.0.1:*"])
    async with running_bridge(settings) as bridge:
        app = create_app(bridge, manage_upstreams=False)

        def factory(
            headers: dict[str, str] | None = None,
            timeout: httpx.Timeout | None = None,
            auth: httpx.Auth | None = None,
        ) -> httpx.AsyncClient:
            return httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app),
                base_url=BASE,
                headers=headers,
                timeout=timeout or httpx.Timeout(10),
                auth=auth,
                follow_redirects=True,
            )

        async with app.router.lifespan_context(app):
            async with streamablehttp_client(
                f"{BASE}/mcp",
                headers={"x-request-id": "req-42"},
                timeout=timedelta(seconds=10),
                sse_read_timeout=timedelta(seconds=30),
                httpx_client_factory=factory,
            ) as (read_stream, write_stream, get_session_id):
                async with ClientSession(read_stream, write_stream) as session:
                    init = await session.initialize()
                    assert init.serverInfo.name == "proxy-bridge"
                    assert get_session_id() is None
                    tools = await session.list_tools()
                    assert {"wx.forecast", "nt.add_note"} <= {t.name for t in tools.tools}
                    result = await session.call_tool("nt.add_note", {"text": "ship it"})
                    assert json.loads(result.content[0].model_dump()["text"]) == {"count": 2}
                    status = (await session.call_tool("bridge.status", {})).structuredContent or {}
                    assert status["tags"] == {"requestId": "req-42"}
                    prompt = await session.get_prompt("wx.briefing", {"city": "Bergen"})
                    body = prompt.messages[0].content
                    assert isinstance(body, types.TextContent) and body.text.endswith("for Bergen.")

            async with factory() as http:
                payload: dict[str, Any] = (await http.get("/healthz")).json()
                assert payload["catalog"]["tools"] == len(bridge.catalog.tools)
                rejected = await http.post("/mcp", headers={"Host": "evil.example", "Content-Type": "application/json"}, content=b"{}")
                assert rejected.status_code == 421
