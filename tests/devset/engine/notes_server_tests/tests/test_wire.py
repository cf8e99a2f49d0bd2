"""Protocol-level checks that bypass ClientSession helpers."""

from __future__ import annotations

import anyio
from mcp import ClientSession
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import (
    LATEST_PROTOCOL_VERSION,
    ClientRequest,
    EmptyResult,
    JSONRPCMessage,
    JSONRPCRequest,
    JSONRPCResponse,
    PingRequest,
)

from notes_app.server import mcp


def test_initialize_handshake_and_ping() -> None:
    server = mcp._mcp_server

    async def run() -> None:
        async with create_client_server_memory_streams() as (client_streams, server_streams):
            async with anyio.create_task_group() as tg:
                tg.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
                async with ClientSession(*client_streams) as session:
                    init = await session.initialize()
                    assert init.serverInfo.name == "notes"
                    assert init.protocolVersion == LATEST_PROTOCOL_VERSION
                    assert init.protocolVersion in SUPPORTED_PROTOCOL_VERSIONS
                    assert init.capabilities.tools is not None
                    assert init.capabilities.resources is not None and init.capabilities.resources.subscribe is False
                    caps = session.get_server_capabilities()
                    assert caps is not None and caps.prompts is not None

                    pong = await session.send_request(ClientRequest(PingRequest()), EmptyResult)
                    assert isinstance(pong, EmptyResult)
                tg.cancel_scope.cancel()

    anyio.run(run)


def test_raw_request_before_initialize_is_rejected() -> None:
    server = mcp._mcp_server

    async def run() -> None:
        async with create_client_server_memory_streams() as ((client_read, client_write), server_streams):
            async with anyio.create_task_group() as tg:
                tg.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
                request = JSONRPCRequest(jsonrpc="2.0", id=7, method="ping")
                await client_write.send(SessionMessage(JSONRPCMessage(request)))
                with anyio.fail_after(5):
                    reply = await client_read.receive()
                assert isinstance(reply, SessionMessage)
                assert isinstance(reply.message.root, JSONRPCResponse)
                assert reply.message.root.id == 7
                assert reply.message.model_dump(by_alias=True, exclude_none=True)["result"] == {}
                tg.cancel_scope.cancel()

    anyio.run(run)
