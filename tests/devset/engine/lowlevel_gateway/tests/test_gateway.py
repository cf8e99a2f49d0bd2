import io
import json
from collections.abc import Awaitable, Callable
from typing import Any
from unittest import mock

import anyio
from pydantic import AnyUrl

from mcp import ClientSession, types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.message import SessionMessage

from gateway.relay import NotificationRelay, audit_stream, parse_message
from gateway.server import build_server
from gateway.upstreams import UpstreamPool


def make_weather_server() -> Server[Any, Any]:
    server: Server[Any, Any] = Server("weather")

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        schema = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
        return [types.Tool(name="forecast", description="Forecast for a city", inputSchema=schema)]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.ContentBlock]:
        ctx = server.request_context
        if ctx.meta and ctx.meta.progressToken is not None:
            await ctx.session.send_progress_notification(ctx.meta.progressToken, 1, 2, "fetching")
        return [types.TextContent(type="text", text=f"Sunny in {arguments['city']}")]

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [types.Resource(uri=AnyUrl("weather://stations"), name="stations", mimeType="application/json")]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> list[ReadResourceContents]:
        return [ReadResourceContents(content='["EGLL", "KSFO"]', mime_type="application/json")]

    return server


def with_gateway(scenario: Callable[[ClientSession], Awaitable[None]]) -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(make_weather_server()) as upstream:
            pool = UpstreamPool(call_timeout=5)
            await pool.attach(types.Implementation(name="weather", version="1.2.0"), upstream)
            async with create_connected_server_and_client_session(build_server(pool)) as client:
                await scenario(client)

    anyio.run(main)


def test_tools_and_resources_are_forwarded() -> None:
    updates: list[tuple[float, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, message))

    async def scenario(client: ClientSession) -> None:
        tools = await client.list_tools()
        assert [(t.name, t.inputSchema["required"]) for t in tools.tools] == [("weather.forecast", ["city"])]
        result = await client.call_tool("weather.forecast", {"city": "Oslo"}, progress_callback=on_progress)
        assert not result.isError and result.content == [types.TextContent(type="text", text="Sunny in Oslo")]
        missing = await client.call_tool("weather.history", {})
        assert missing.isError and "Unknown tool" in getattr(missing.content[0], "text", "")

        assert [str(r.uri) for r in (await client.list_resources()).resources] == ["weather://stations"]
        read = await client.read_resource(AnyUrl("weather://stations"))
        assert isinstance(read.contents[0], types.TextResourceContents)
        assert read.contents[0].mimeType == "application/json"
        await client.send_ping()

    with_gateway(scenario)
    assert updates == [(1, "fetching")]


def test_relay_and_audit_log() -> None:
    relay = NotificationRelay()
    downstream = mock.AsyncMock(spec=ServerSession)
    relay.downstream.add(downstream)
    anyio.run(relay.handle_upstream, "weather", types.ServerNotification(types.ToolListChangedNotification()))
    downstream.send_tool_list_changed.assert_awaited_once()

    raw = '{"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"arguments": {"password": "hunter2"}}}'
    message = parse_message(raw)
    assert isinstance(message.root, types.JSONRPCRequest)

    async def main() -> list[dict[str, Any]]:
        log = io.StringIO()
        source_send, source = anyio.create_memory_object_stream[SessionMessage | Exception](4)
        sink, sink_receive = anyio.create_memory_object_stream[SessionMessage | Exception](4)
        await source_send.send(SessionMessage(message=message))
        error = types.JSONRPCError(jsonrpc="2.0", id=7, error=types.ErrorData(code=types.INTERNAL_ERROR, message="boom"))
        await source_send.send(SessionMessage(message=types.JSONRPCMessage(error)))
        await source_send.aclose()
        await audit_stream(source, sink, log)
        assert len([item async for item in sink_receive]) == 2
        return [json.loads(line) for line in log.getvalue().splitlines()]

    first, second = anyio.run(main)
    assert first["body"]["params"]["arguments"]["password"] == "***"
    assert (second["kind"], second["body"]["error"]["code"]) == ("JSONRPCError", types.INTERNAL_ERROR)
