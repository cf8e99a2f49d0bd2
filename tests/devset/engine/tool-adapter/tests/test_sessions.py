from __future__ import annotations

import os
import sys
from datetime import timedelta
from importlib import metadata
from typing import Any

sys.path.insert(0, os.path.dirname(__file__))

from servers import build_notes_server, build_weather_server

import mcp.types as types
from mcp import ClientSessionGroup, McpError, StdioServerParameters
from mcp.client.session_group import SseServerParameters, StreamableHttpParameters
from mcp.shared.memory import create_connected_server_and_client_session
from toolbridge import (
    MultiServerMCPClient,
    elicitation_callback_from_filler,
    parse_config,
    roots_callback_from_paths,
    sampling_callback_from_model,
    to_server_parameters,
)
from toolbridge.config import BearerAuth, ConfigError
from toolbridge.framework import ChatMessage
from toolbridge.sessions import RemoteNotification, ServerNotConnectedError


async def test_handles_expose_initialize_result() -> None:
    connections: dict[str, Any] = {
        "weather": {"transport": "memory", "server": build_weather_server()},
        "notes": {"transport": "memory", "server": build_notes_server()},
    }
    async with MultiServerMCPClient(connections, read_timeout=timedelta(seconds=5)) as client:
        assert sorted(client.server_names) == ["notes", "weather"]
        weather = client.handle("weather")
        assert weather.server_info.name == "weather"
        assert weather.label == f"weather {metadata.version('mcp')}"
        assert weather.instructions == "Forecasts and station data for a handful of cities."
        assert weather.protocol_version == types.LATEST_PROTOCOL_VERSION
        assert weather.supports_tools and not weather.announces_tool_changes
        assert weather.session_id is None
        assert not weather.supports_subscriptions

        caps = client.capabilities("notes")
        assert caps is not None and caps.prompts is not None and caps.tools is not None

        assert await client.get_session("notes").send_ping() == types.EmptyResult()
        await client.disconnect("notes")
        assert client.server_names == ["weather"]
        try:
            client.handle("notes")
        except ServerNotConnectedError:
            pass
        else:
            raise AssertionError("notes should be gone")


async def test_tool_list_changed_notification_invalidates_cache() -> None:
    received: list[str] = []

    async def listener(server: str, notification: RemoteNotification) -> None:
        received.append(f"{server}:{notification.method}")

    async with MultiServerMCPClient({"weather": {"transport": "memory", "server": build_weather_server()}}) as client:
        client.add_listener(listener)
        before = {t.name for t in await client.list_tools("weather")}
        assert "weather_alerts" not in before

        result = await client.get_session("weather").call_tool("enable_alerts", {})
        assert result.content[0].type == "text"
        assert "weather:notifications/tools/list_changed" in received
        assert client.cached_tools("weather") == []

        after = {t.name for t in await client.list_tools("weather")}
        assert after - before == {"weather_alerts"}


async def test_sampling_elicitation_and_roots_callbacks() -> None:
    prompts: list[list[ChatMessage]] = []

    async def fake_model(history: list[ChatMessage], max_tokens: int) -> str:
        prompts.append(history)
        return "Mild and dry. STOP ignored"

    async def filler(message: str, schema: dict[str, Any]) -> dict[str, Any] | None:
        assert "travellers" in schema["properties"]
        return {"travellers": 2, "budget": "low"} if "oslo" in message else None

    client = MultiServerMCPClient(
        {"weather": {"transport": "memory", "server": build_weather_server()}},
        sampling_callback=sampling_callback_from_model(fake_model, model_name="fake-1"),
        elicitation_callback=elicitation_callback_from_filler(filler),
        list_roots_callback=roots_callback_from_paths(["/tmp/project"]),
    )
    async with client:
        session = client.get_session("weather")
        summary = await session.call_tool("summarize", {"text": "Long weather text"})
        block = summary.content[0]
        assert isinstance(block, types.TextContent)
        assert block.text == "fake-1: Mild and dry. STOP ignored (endTurn)"
        assert prompts[0][0].role == "system" and prompts[0][0].text == "Summarize in one line."
        assert prompts[0][1].text == "Long weather text"

        booked = await session.call_tool("book_trip", {"city": "oslo"})
        assert isinstance(booked.content[0], types.TextContent)
        assert booked.content[0].text == "booked oslo for 2 (low)"
        cancelled = await session.call_tool("book_trip", {"city": "lima"})
        assert isinstance(cancelled.content[0], types.TextContent)
        assert cancelled.content[0].text == "booking cancel"

    callback = roots_callback_from_paths(["/tmp/project"])
    async with create_connected_server_and_client_session(build_notes_server()._mcp_server) as raw:
        from mcp.shared.context import RequestContext

        ctx = RequestContext(request_id=1, meta=None, session=raw, lifespan_context=None)
        roots = await callback(ctx)
        assert isinstance(roots, types.ListRootsResult)
        assert str(roots.roots[0].uri) == "file:///tmp/project"
        assert roots.roots[0].uri.path == "/tmp/project"


def test_config_parsing_and_server_parameters() -> None:
    config = parse_config(
        {
            "mcpServers": {
                "files": {"command": "uvx", "args": ["mcp-server-files", "--root", "."], "env": {"DEBUG": "1"}},
                "search": {"url": "https://search.example.com/mcp", "timeout": 12, "sseReadTimeout": 90},
                "legacy": {"type": "sse", "url": "https://old.example.com/sse", "bearerToken": "t0k"},
            }
        }
    )
    files = to_server_parameters(config["files"])
    assert isinstance(files, StdioServerParameters)
    assert files.args == ["mcp-server-files", "--root", "."]
    assert files.env is not None and files.env["DEBUG"] == "1" and "PATH" in files.env

    search = to_server_parameters(config["search"])
    assert isinstance(search, StreamableHttpParameters)
    assert search.timeout == timedelta(seconds=12)
    assert search.sse_read_timeout == timedelta(seconds=90)

    legacy_conn = config["legacy"]
    assert legacy_conn["transport"] == "sse"
    assert isinstance(legacy_conn.get("auth"), BearerAuth)
    legacy = to_server_parameters(legacy_conn)
    assert isinstance(legacy, SseServerParameters) and legacy.timeout == 5

    try:
        parse_config({"mcpServers": {"broken": {"type": "http", "url": "https://x", "timeout": "soon"}}})
    except ConfigError as exc:
        assert "timeout" in str(exc)
    else:
        raise AssertionError("string timeout should be rejected")


async def test_session_group_aggregates_components() -> None:
    group = ClientSessionGroup(component_name_hook=lambda name, info: f"{info.name}.{name}")
    async with create_connected_server_and_client_session(build_weather_server()._mcp_server) as weather:
        async with create_connected_server_and_client_session(build_notes_server()._mcp_server) as notes:
            for session in (weather, notes):
                init = await session.initialize()
                await group.connect_with_session(init.serverInfo, session)

            assert "weather.get_forecast" in group.tools
            assert "notes.add_note" in group.tools
            assert "notes.recall" in group.prompts
            assert group.tools["notes.add_note"].inputSchema["required"] == ["key", "text"]

            result = await group.call_tool(
                "notes.add_note",
                {"key": "trip", "text": "pack umbrella"},
                read_timeout_seconds=timedelta(seconds=5),
            )
            assert result.structuredContent == {"stored": "trip", "count": 3}

            try:
                await group.connect_with_session(init.serverInfo, notes)
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS
            else:
                raise AssertionError("duplicate components should be rejected")
