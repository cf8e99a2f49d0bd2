from __future__ import annotations

import os
import sys
from datetime import timedelta
from typing import Any

sys.path.insert(0, os.path.dirname(__file__))

import httpx
from servers import build_notes_server

from toolbridge import MultiServerMCPClient, StdioConnection, StreamableHttpConnection, load_mcp_tools
from toolbridge.sessions import open_http_session

HERE = os.path.dirname(os.path.abspath(__file__))


async def test_stdio_subprocess_server() -> None:
    conn: StdioConnection = {
        "transport": "stdio",
        "command": sys.executable,
        "args": [os.path.join(HERE, "stdio_weather.py")],
        "env": {"PYTHONPATH": os.environ.get("PYTHONPATH", "")},
    }
    async with MultiServerMCPClient({"weather": conn}, read_timeout=timedelta(seconds=20)) as client:
        handle = client.handle("weather")
        assert handle.server_info.name == "weather"
        assert handle.get_session_id is None

        tools = {t.name: t for t in await load_mcp_tools(handle.session, prefix="wx")}
        output = await tools["wx__current_temp"].ainvoke({"city": "oslo"})
        assert output.text == "oslo: 4.0C"
        image = await tools["wx__radar_image"].ainvoke()
        assert image.parts[0].mimeType == "image/png"


def _asgi_factory(app: Any, seen_headers: list[dict[str, str]]):
    async def record(request: httpx.Request) -> None:
        seen_headers.append(dict(request.headers))

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            headers=headers,
            timeout=timeout or httpx.Timeout(30.0, read=300.0),
            auth=auth,
            follow_redirects=True,
            event_hooks={"request": [record]},
        )

    return factory


async def test_streamable_http_with_headers_and_auth() -> None:
    notes = build_notes_server()
    notes.settings.json_response = True
    notes.settings.stateless_http = True
    app = notes.streamable_http_app()
    seen: list[dict[str, str]] = []

    from toolbridge.config import BearerAuth

    conn: StreamableHttpConnection = {
        "transport": "streamable_http",
        "url": "http://127.0.0.1:8000/mcp",
        "headers": {"X-Agent": "toolbridge"},
        "timeout": timedelta(seconds=10),
        "sse_read_timeout": timedelta(seconds=30),
        "auth": BearerAuth("s3cret"),
        "httpx_client_factory": _asgi_factory(app, seen),
    }
    async with notes.session_manager.run():
        async with MultiServerMCPClient({"notes": conn}) as client:
            handle = client.handle("notes")
            assert handle.server_info.name == "notes"
            assert handle.session_id is None
            tools = {t.name: t for t in await load_mcp_tools(handle.session)}
            stored = await tools["add_note"].ainvoke({"key": "http", "text": "over http"})
            assert stored.artifact == {"structuredContent": {"stored": "http", "count": 3}}

        assert seen and all(h["x-agent"] == "toolbridge" for h in seen)
        assert all(h["authorization"] == "Bearer s3cret" for h in seen)

        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), follow_redirects=True) as http_client:
            async with open_http_session("http://127.0.0.1:8000/mcp", http_client) as (session, session_id):
                assert session_id is None
                listing = await session.list_tools()
                assert [t.name for t in listing.tools] == ["add_note"]
