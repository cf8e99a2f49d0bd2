from __future__ import annotations

from datetime import timedelta

import anyio

from mcp import ClientSession, types
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage
from tests.harness import running_bridge

from mcpbridge import __version__
from mcpbridge.wire import WireTap


async def test_manual_session_over_tapped_streams() -> None:
    tap = WireTap()
    async with running_bridge() as bridge:
        async with create_client_server_memory_streams() as (client_streams, server_streams):
            client_read, client_write = client_streams
            server_read, server_write = server_streams
            tapped_send, tapped_receive = anyio.create_memory_object_stream[SessionMessage | Exception](16)
            async with anyio.create_task_group() as tg:
                tg.start_soon(tap.pump, "c2s", server_read, tapped_send)
                tg.start_soon(
                    lambda: bridge.server.run(tapped_receive, server_write, bridge.initialization_options())
                )
                async with ClientSession(
                    client_read,
                    client_write,
                    read_timeout_seconds=timedelta(seconds=5),
                    client_info=types.Implementation(name="tap-client", version="0.1"),
                ) as session:
                    init = await session.initialize()
                    assert init.serverInfo == types.Implementation(name="proxy-bridge", version=__version__)
                    assert init.protocolVersion == types.LATEST_PROTOCOL_VERSION
                    assert init.instructions is not None and "prefix" in init.instructions
                    assert init.capabilities.resources is not None and init.capabilities.resources.subscribe

                    await session.send_ping()
                    tools = await session.list_tools()
                    assert "wx.forecast" in [t.name for t in tools.tools]
                    result = await session.call_tool("wx.forecast", {"city": "Oslo"})
                    assert '"conditions": "sleet"' in result.content[0].model_dump()["text"]
                tg.cancel_scope.cancel()

    assert tap.methods("c2s") == [
        "initialize",
        "notifications/initialized",
        "ping",
        "tools/list",
        "tools/call",
    ]
    ping = next(r for r in tap.records if r.method == "ping")
    assert ping.raw == {"jsonrpc": "2.0", "id": 1, "method": "ping"}
    init_frame = tap.records[0].raw
    assert init_frame["params"]["clientInfo"] == {"name": "tap-client", "version": "0.1"}
    assert init_frame["params"]["protocolVersion"] == types.LATEST_PROTOCOL_VERSION
