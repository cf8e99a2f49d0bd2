"""In-memory helpers for testing agents against MCP servers without a network."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any, cast

import anyio
from mcp import ClientSession, types
from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.lowlevel import Server
from mcp.shared.memory import (
    MessageStream,
    create_client_server_memory_streams,
    create_connected_server_and_client_session,
)
from mcp.shared.message import SessionMessage

from agentwire.cache import ToolListCache
from agentwire.callbacks import AgentCallbacks
from agentwire.toolkit import MCPToolkit

TEST_CLIENT = types.Implementation(name="agentwire-tests", version="0.0.0")


def _lowlevel(server: FastMCP | Server[Any, Any]) -> Server[Any, Any]:
    return server._mcp_server if isinstance(server, FastMCP) else server


@asynccontextmanager
async def memory_transport(
    server: FastMCP | Server[Any, Any],
) -> AsyncIterator[MessageStream]:
    """Serve ``server`` over memory streams and yield the client's (read, write) pair."""
    lowlevel = _lowlevel(server)
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: lowlevel.run(
                    server_streams[0],
                    server_streams[1],
                    lowlevel.create_initialization_options(),
                    raise_exceptions=False,
                )
            )
            try:
                yield client_streams
            finally:
                tg.cancel_scope.cancel()


@asynccontextmanager
async def in_memory_toolkit(
    server: FastMCP,
    *,
    callbacks: AgentCallbacks | None = None,
    cache: ToolListCache | None = None,
    read_timeout: timedelta | None = None,
    run_id: str | None = None,
) -> AsyncIterator[MCPToolkit]:
    cbs = callbacks
    async with create_connected_server_and_client_session(
        server,
        read_timeout_seconds=read_timeout,
        sampling_callback=cbs.sampling if cbs and cbs.model else None,
        list_roots_callback=cbs.list_roots if cbs and cbs.roots else None,
        logging_callback=cbs.logging if cbs else None,
        message_handler=cbs.message_handler if cbs else None,
        elicitation_callback=cbs.elicitation if cbs else None,
        client_info=TEST_CLIENT,
    ) as session:
        toolkit = MCPToolkit(session, name=server.name, cache=cache or (cbs.cache if cbs else None), run_id=run_id)
        toolkit.adopt()
        yield toolkit


async def call_locally(server: FastMCP, name: str, arguments: dict[str, Any] | None = None) -> types.CallToolResult:
    """Run a tool in-process, skipping the protocol layer entirely."""
    try:
        output = await server.call_tool(name, arguments or {})
    except ToolError as exc:
        return types.CallToolResult(content=[types.TextContent(type="text", text=str(exc))], isError=True)
    if isinstance(output, tuple):
        content, structured = cast(tuple[Sequence[types.ContentBlock], dict[str, Any]], output)
        return types.CallToolResult(content=list(content), structuredContent=structured)
    if isinstance(output, dict):
        text = types.TextContent(type="text", text=json.dumps(output))
        return types.CallToolResult(content=[text], structuredContent=output)
    return types.CallToolResult(content=list(output))


class WireTap:
    """Records every JSON-RPC frame the client sends, in wire format."""

    def __init__(self) -> None:
        self.frames: list[dict[str, Any]] = []

    @property
    def methods(self) -> list[str]:
        return [f["method"] for f in self.frames if "method" in f]

    def record(self, message: SessionMessage) -> None:
        raw = message.message.model_dump_json(by_alias=True, exclude_none=True)
        frame = types.JSONRPCMessage.model_validate_json(raw).root
        self.frames.append(frame.model_dump(by_alias=True, exclude_none=True))

    @asynccontextmanager
    async def session(self, server: FastMCP | Server[Any, Any]) -> AsyncIterator[ClientSession]:
        lowlevel = _lowlevel(server)
        async with create_client_server_memory_streams() as (client_streams, server_streams):
            client_read, client_write = client_streams
            tap_send, tap_receive = anyio.create_memory_object_stream[SessionMessage](0)

            async def pump() -> None:
                async with tap_receive:
                    async for message in tap_receive:
                        self.record(message)
                        await client_write.send(message)

            async with anyio.create_task_group() as tg:
                tg.start_soon(lambda: lowlevel.run(*server_streams, lowlevel.create_initialization_options()))
                tg.start_soon(pump)
                async with ClientSession(client_read, tap_send) as session:
                    await session.initialize()
                    yield session
                tg.cancel_scope.cancel()
