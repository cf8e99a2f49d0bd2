import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).parent))

import httpx
from servers import build_notes_server, running

from mcp.client.session_group import SseServerParameters, StreamableHttpParameters
from mcp.client.stdio import StdioServerParameters
from mcp.server.fastmcp import FastMCP
from shellpilot.config import ServerEntry
from shellpilot.hub import ServerHub
from shellpilot.render import render_result
from shellpilot.transports import BearerAuth, build_http_client, group_parameters, open_transport, stdio_parameters

HERE = Path(__file__).parent


def stdio_entry() -> ServerEntry:
    return ServerEntry(
        name="local-notes",
        transport="stdio",
        command=sys.executable,
        args=[str(HERE / "stdio_notes.py")],
        env={"PYTHONPATH": os.environ.get("PYTHONPATH", "")},
    )


def test_group_parameters_cover_every_transport() -> None:
    stdio = group_parameters(stdio_entry())
    assert isinstance(stdio, StdioServerParameters) and stdio.env is not None
    assert stdio.env["PYTHONPATH"] == os.environ.get("PYTHONPATH", "") and "PATH" in stdio.env
    assert stdio_parameters(stdio_entry()).args == [str(HERE / "stdio_notes.py")]

    sse = group_parameters(ServerEntry("a", "sse", url="http://h/sse", timeout=4, sse_read_timeout=9))
    assert isinstance(sse, SseServerParameters) and sse.timeout == 4 and sse.sse_read_timeout == 9

    http = group_parameters(ServerEntry("b", "streamable-http", url="http://h/mcp", bearer_token="t", timeout=12))
    assert isinstance(http, StreamableHttpParameters)
    assert http.timeout == timedelta(seconds=12) and http.sse_read_timeout == timedelta(minutes=5)
    assert http.headers == {"Authorization": "Bearer t"}


async def test_stdio_server_roundtrip() -> None:
    async with ServerHub() as hub:
        conn = await hub.connect(stdio_entry())
        assert conn.transport is not None and conn.transport.kind == "stdio"
        assert conn.transport.session_id is None
        assert conn.init.serverInfo.name == "notes"
        result = await hub.call_tool("search_notes", {"query": "coffee"})
        assert result.structuredContent == {"groceries": ["coffee"]}


async def test_streamable_http_with_custom_client() -> None:
    remote = FastMCP("remote", json_response=True)

    @remote.tool()
    def shout(text: str) -> str:
        return text.upper()

    app = remote.streamable_http_app()
    entry = ServerEntry(
        "remote", "streamable-http", url="http://127.0.0.1:8000/mcp", headers={"X-Team": "qa"}, bearer_token="tok"
    )
    seen: list[httpx.Response] = []
    async with remote.session_manager.run():
        async with build_http_client(entry, transport=httpx.ASGITransport(app=app), on_response=seen.append) as client:
            async with ServerHub() as hub:
                conn = await hub.connect(entry, http_client=client)
                assert conn.transport is not None
                session_id = conn.transport.session_id
                assert session_id and seen[0].headers["mcp-session-id"] == session_id
                result = await hub.call_tool("shout", {"text": "quiet"})
                assert render_result(result).text == "QUIET"
    first = seen[0].request
    assert first.headers["authorization"] == "Bearer tok" and first.headers["x-team"] == "qa"


async def test_sse_transport_wiring() -> None:
    captured: dict[str, Any] = {}
    entry = ServerEntry("legacy", "sse", url="http://legacy.local/sse", bearer_token="abc", timeout=7)

    async with running(build_notes_server()) as (read, write):

        @asynccontextmanager
        async def fake_sse_client(url: str, **kwargs: Any) -> AsyncIterator[tuple[Any, Any]]:
            captured["url"] = url
            captured.update(kwargs)
            kwargs["on_session_created"]("sess-123")
            yield read, write

        with mock.patch("shellpilot.transports.sse_client", fake_sse_client):
            async with ServerHub() as hub:
                conn = await hub.connect(entry)
                assert conn.transport is not None and conn.transport.session_id == "sess-123"
                assert "legacy__count_notes" in hub.all_tools()

    assert captured["url"] == "http://legacy.local/sse"
    assert captured["timeout"] == 7 and captured["sse_read_timeout"] == 300
    assert isinstance(captured["auth"], BearerAuth)
    factory_client = captured["httpx_client_factory"](headers={"Accept": "text/event-stream"})
    assert factory_client.headers["X-Client"] == "shellpilot"
    assert factory_client.follow_redirects is True
    await factory_client.aclose()

    request = httpx.Request("GET", "http://legacy.local/sse")
    flow = captured["auth"].auth_flow(request)
    assert next(flow).headers["Authorization"] == "Bearer abc"

    refreshed = BearerAuth(lambda: "old", refresh=lambda: "new").auth_flow(httpx.Request("GET", "http://x"))
    next(refreshed)
    retried = refreshed.send(httpx.Response(401))
    assert retried.headers["Authorization"] == "Bearer new"


async def test_open_transport_rejects_incomplete_entries() -> None:
    for entry in (ServerEntry("x", "stdio"), ServerEntry("y", "sse")):
        try:
            async with open_transport(entry):
                raise AssertionError("should not connect")
        except RuntimeError as exc:
            assert entry.name in str(exc)
