from __future__ import annotations

import functools
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import anyio  # noqa: E402
import httpx  # noqa: E402
import mcp.types as types  # noqa: E402
from echo_server import build_echo_server, build_sleepy_server  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.memory import create_client_server_memory_streams  # noqa: E402

from streamkit.codec import make_notification  # noqa: E402
from streamkit.channel import text_channel_pair, text_channel_transport  # noqa: E402
from streamkit.connection import Connector, MeteredSession, probe  # noqa: E402
from streamkit.loopback import (  # noqa: E402
    ProbeReport,
    backlog,
    drain_nowait,
    run_probe_endpoint,
    serve_in_memory,
)
from streamkit.transports import (  # noqa: E402
    StaticTokenAuth,
    TransportSpec,
    build_http_client,
    stdio_parameters,
)


async def test_metered_session_counts_traffic() -> None:
    connector = Connector(MeteredSession)
    async with connector.in_process(build_echo_server()) as (session, info):
        assert isinstance(session, MeteredSession)
        await session.list_tools()
        await session.call_tool("echo", {"text": "a"})
        await session.call_tool("echo", {"text": "b"})
        await session.set_logging_level("warning")
    assert info.server_name == "echo-fixture" and info.server_version == "1.0.0"
    assert info.instructions == "echoes things back"
    assert info.supports_tools and info.supports_logging
    assert session.request_counts["tools/call"] == 2
    assert session.request_counts["initialize"] == 1
    assert session.notification_counts["notifications/initialized"] == 1
    assert len(session.latencies["tools/call"]) == 2


async def test_probe_reports_timeouts() -> None:
    factory = functools.partial(MeteredSession, read_timeout_seconds=None)
    async with Connector(factory).in_process(build_sleepy_server(0.5)) as (session, _):
        assert await probe(session, timeout=timedelta(milliseconds=50)) is False
        assert isinstance(session, MeteredSession)
        assert session.failures[httpx.codes.REQUEST_TIMEOUT] == 1
    async with Connector().in_process(build_echo_server()) as (session, _):
        assert await probe(session) is True


async def test_custom_text_channel_transport_end_to_end() -> None:
    client_end, server_end = text_channel_pair()
    server = build_echo_server()
    async with anyio.create_task_group() as tg:
        async with text_channel_transport(server_end) as (server_read, server_write):
            tg.start_soon(server.run, server_read, server_write, server.create_initialization_options())
            async with text_channel_transport(client_end) as client_streams:
                async with Connector().attach(client_streams, transport="text-channel") as (session, info):
                    tools = await session.list_tools()
                    assert [t.name for t in tools.tools] == ["echo", "chatty", "login"]
                    assert tools.tools[0].inputSchema["required"] == ["text"]
                    assert info.transport == "text-channel"
            tg.cancel_scope.cancel()


async def test_garbage_frames_surface_as_exceptions() -> None:
    client_end, server_end = text_channel_pair()
    errors: list[Exception] = []

    async def on_message(message: Any) -> None:
        if isinstance(message, Exception):
            errors.append(message)

    report = ProbeReport()
    async with anyio.create_task_group() as tg:
        async with text_channel_transport(server_end) as (server_read, server_write):
            tg.start_soon(run_probe_endpoint, server_read, server_write, report)
            async with text_channel_transport(client_end) as (read, write):
                async with ClientSession(read, write, message_handler=on_message) as session:
                    result = await session.initialize()
                    assert result.serverInfo.name == "streamkit-probe"
                    await server_end[0].send("{this is not json")
                    await session.send_ping()
                    with anyio.fail_after(2):
                        while not errors:
                            await anyio.sleep(0.01)
            tg.cancel_scope.cancel()
    assert report.pings == 1
    assert report.notifications == ["notifications/initialized"]
    assert isinstance(errors[0], ValueError)


async def test_memory_streams_backlog_and_probe_refusals() -> None:
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        _client_read, client_write = client_streams
        server_read, _server_write = server_streams
        await client_write.send(make_notification("notifications/initialized"))
        assert backlog(server_read) == 1
        drained = drain_nowait(server_read)
        assert len(drained) == 1 and backlog(server_read) == 0

    report = ProbeReport()
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(run_probe_endpoint, *server_streams, report)
            async with ClientSession(*client_streams) as session:
                await session.initialize()
                try:
                    await session.list_tools()
                except Exception as exc:  # McpError
                    assert "probe does not serve tools/list" in str(exc)
                else:
                    raise AssertionError("probe answered tools/list")
            tg.cancel_scope.cancel()
    assert report.refused == ["tools/list"]


def _fake_http_transport(server_factory: Any, session_id: str) -> Any:
    """Stand-in for streamablehttp_client: serves the fixture in memory."""
    calls: list[dict[str, Any]] = []

    @asynccontextmanager
    async def fake(url: str, **kwargs: Any) -> AsyncIterator[Any]:
        calls.append({"url": url, **kwargs})
        async with serve_in_memory(server_factory()) as (read, write):
            yield read, write, lambda: session_id

    fake.calls = calls  # type: ignore[attr-defined]
    return fake


async def test_connect_over_http_transports() -> None:
    fake = _fake_http_transport(build_echo_server, "sess-42")
    spec = TransportSpec(
        kind="streamable-http",
        target="https://mcp.example.test/mcp",
        headers={"X-Team": "tools"},
        token="tok-1",
        timeout=timedelta(seconds=10),
    )
    with mock.patch("streamkit.transports.streamablehttp_client", fake):
        async with Connector().connect(spec) as (session, info):
            await session.call_tool("echo", {"text": "over http"})
    assert info.session_id == "sess-42"
    assert info.transport == "streamable-http"
    call = fake.calls[0]
    assert call["timeout"] == timedelta(seconds=10)
    assert call["headers"] == {"X-Team": "tools"}
    assert isinstance(call["auth"], StaticTokenAuth)

    @asynccontextmanager
    async def fake_sse(url: str, **kwargs: Any) -> AsyncIterator[Any]:
        assert kwargs["timeout"] == 30.0 and kwargs["sse_read_timeout"] == 300.0
        kwargs["on_session_created"]("sse-abc")
        async with serve_in_memory(build_echo_server()) as streams:
            yield streams

    with mock.patch("streamkit.transports.sse_client", fake_sse):
        async with Connector().connect(TransportSpec(kind="sse", target="http://localhost/sse")) as (_s, info):
            assert info.session_id == "sse-abc"


def test_http_client_and_stdio_parameters() -> None:
    spec = TransportSpec(kind="stdio", target="uvx", args=["mcp-server-git"], env={"GIT_DIR": "/repo"}, token="t")
    params = stdio_parameters(spec)
    assert params.command == "uvx" and params.args == ["mcp-server-git"]
    assert params.env is not None and params.env["GIT_DIR"] == "/repo" and "PATH" in params.env
    client = build_http_client(spec)
    request = httpx.Request("GET", "https://example.test")
    flow = client.auth.auth_flow(request) if client.auth else None
    assert flow is not None
    sent = next(flow)
    assert sent.headers["Authorization"] == "Bearer t"
    assert client.timeout.read == 300.0
    assert client.follow_redirects
