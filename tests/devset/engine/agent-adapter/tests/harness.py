"""In-memory plumbing shared by the tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import Server
from mcp.server.models import InitializationOptions
from mcp.shared.memory import create_client_server_memory_streams

from agentmesh.config import ServerConfig
from agentmesh.framework import ChatTurn, ModelReply
from agentmesh.hooks import AgentHooks
from agentmesh.session import MCPServerConnection
from agentmesh.wire import WireTap


def memory_config(name: str, **overrides: Any) -> ServerConfig:
    return ServerConfig(name=name, transport="stdio", command="<in-memory>", **overrides)


@asynccontextmanager
async def connected(
    server: Server[Any, Any] | FastMCP,
    hooks: AgentHooks | None = None,
    *,
    config: ServerConfig | None = None,
    wire_tap: WireTap | None = None,
    init_options: InitializationOptions | None = None,
) -> AsyncIterator[MCPServerConnection]:
    lowlevel = server._mcp_server if isinstance(server, FastMCP) else server
    options = init_options or lowlevel.create_initialization_options()
    async with create_client_server_memory_streams() as ((client_read, client_write), (server_read, server_write)):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: lowlevel.run(server_read, server_write, options, raise_exceptions=False))
            conn = MCPServerConnection(config or memory_config(lowlevel.name), hooks, wire_tap=wire_tap)
            try:
                await conn.attach(client_read, client_write)
                yield conn
            finally:
                await conn.close()
                tg.cancel_scope.cancel()


class ScriptedModel:
    """Deterministic stand-in for an LLM."""

    def __init__(self, name: str = "scripted") -> None:
        self.name = name
        self.calls: list[dict[str, Any]] = []

    async def complete(
        self,
        system: str | None,
        turns: list[ChatTurn],
        *,
        max_tokens: int,
        stop: list[str] | None = None,
        model_hints: list[str] | None = None,
    ) -> ModelReply:
        self.calls.append({"system": system, "turns": turns, "max_tokens": max_tokens, "stop": stop})
        last = turns[-1].parts[0].text or ""
        model = f"{self.name}-{model_hints[0]}" if model_hints else self.name
        return ModelReply(text=f"TL;DR {last[:20]}", model=model)
