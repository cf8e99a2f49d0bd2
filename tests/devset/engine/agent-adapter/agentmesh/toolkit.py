"""The agent-facing entry point: many MCP servers exposed as one list of ``AgentTool``s."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import timedelta
from typing import Any, Self

import mcp.types as types
from mcp.client.session_group import ClientSessionGroup, ClientSessionParameters
from mcp.shared._httpx_utils import McpHttpClientFactory
from mcp.shared.exceptions import McpError

from agentmesh.config import ServerConfig
from agentmesh.convert import error_message, result_to_message, tool_to_agent_tool
from agentmesh.framework import AgentTool, ToolInvoker, ToolMessage
from agentmesh.hooks import AgentHooks
from agentmesh.session import MCPServerConnection
from agentmesh.transports import to_server_parameters


class MCPToolkit:
    def __init__(
        self,
        servers: Sequence[ServerConfig],
        hooks: AgentHooks | None = None,
        *,
        client_factory: McpHttpClientFactory | None = None,
    ) -> None:
        self.hooks = hooks or AgentHooks()
        self.hooks.on_tools_changed = self._tools_changed
        self.connections = {c.name: MCPServerConnection(c, self.hooks, client_factory=client_factory) for c in servers}
        self._tools: dict[str, AgentTool] = {}
        self.stale_servers: set[str] = set()
        self._stack = contextlib.AsyncExitStack()

    async def __aenter__(self) -> Self:
        for conn in self.connections.values():
            await self._stack.enter_async_context(conn)
        await self.refresh()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._stack.aclose()

    def add_connection(self, conn: MCPServerConnection) -> None:
        """Register an already-attached connection (embedded servers, tests)."""
        self.connections[conn.name] = conn

    async def _tools_changed(self, server: str) -> None:
        self.stale_servers.add(server)

    def _prefix(self, conn: MCPServerConnection) -> str | None:
        if conn.config.tool_prefix is not None:
            return conn.config.tool_prefix
        return f"{conn.name}__" if len(self.connections) > 1 else None

    async def refresh(self, server: str | None = None) -> list[AgentTool]:
        for conn in [self.connections[server]] if server else list(self.connections.values()):
            self._tools = {k: t for k, t in self._tools.items() if t.source != f"mcp:{conn.name}"}
            for tool in await conn.list_all_tools():
                invoke = self._invoker(conn, tool.name)
                agent_tool = tool_to_agent_tool(tool, invoke, server=conn.name, prefix=self._prefix(conn))
                self._tools[agent_tool.name] = agent_tool
            self.stale_servers.discard(conn.name)
        return sorted(self._tools.values(), key=lambda t: t.name)

    def get(self, name: str) -> AgentTool:
        return self._tools[name]

    def _invoker(self, conn: MCPServerConnection, tool_name: str) -> ToolInvoker:
        async def invoke(arguments: dict[str, Any]) -> ToolMessage:
            if conn.name in self.stale_servers:
                await self.refresh(conn.name)
            call_id = conn.next_call_id()
            try:
                result = await conn.call_tool(tool_name, arguments)
            except McpError as exc:
                return error_message(tool_name, call_id, exc.error)
            return result_to_message(result, tool_name=tool_name, call_id=call_id)

        return invoke

    async def invoke(self, name: str, arguments: dict[str, Any]) -> ToolMessage:
        return await self._tools[name].invoke(arguments)


class GroupedToolkit:
    """Alternative backend built on the SDK's ClientSessionGroup (the CLI's `--group` mode)."""

    def __init__(self, servers: Sequence[ServerConfig], hooks: AgentHooks | None = None) -> None:
        self.servers = list(servers)
        self.hooks = hooks or AgentHooks()
        self.group = ClientSessionGroup(component_name_hook=lambda name, info: f"{info.name}.{name}")

    async def __aenter__(self) -> Self:
        await self.group.__aenter__()
        for cfg in self.servers:
            bound = self.hooks.bind(cfg.name)
            params = ClientSessionParameters(
                read_timeout_seconds=timedelta(seconds=cfg.read_timeout_seconds or 30),
                sampling_callback=bound.sampling_callback,
                logging_callback=bound.logging_callback,
                message_handler=bound.message_handler,
            )
            await self.group.connect_to_server(to_server_parameters(cfg), params)
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.group.__aexit__(*exc_info)

    def tools(self) -> dict[str, types.Tool]:
        return self.group.tools

    async def invoke(self, name: str, arguments: dict[str, Any]) -> ToolMessage:
        result = await self.group.call_tool(name, args=arguments)
        return result_to_message(result, tool_name=name, call_id=f"group-{name}")
