"""Federating several servers into one namespace with ``ClientSessionGroup``."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from mcp import ClientSession, ClientSessionGroup, StdioServerParameters, types
from mcp.client.session_group import (
    ClientSessionParameters,
    ServerParameters,
    SseServerParameters,
    StreamableHttpParameters,
)
from mcp.shared.exceptions import McpError

from .pool import CLIENT_INFO
from .settings import ServerEntry
from .transport import stdio_parameters

logger = logging.getLogger(__name__)

SEPARATOR = "."


def qualified_name(component: str, server_info: types.Implementation) -> str:
    return f"{server_info.name}{SEPARATOR}{component}"


def split_name(qualified: str) -> tuple[str, str]:
    server, _, component = qualified.partition(SEPARATOR)
    if not component:
        raise ValueError(f"{qualified!r} is not a qualified tool name")
    return server, component


def server_parameters(entry: ServerEntry) -> ServerParameters:
    if entry.transport == "stdio":
        params: StdioServerParameters = stdio_parameters(entry)
        return params
    assert entry.url is not None
    if entry.transport == "sse":
        return SseServerParameters(
            url=entry.url,
            headers=entry.headers or None,
            timeout=entry.timeout,
            sse_read_timeout=entry.sse_read_timeout,
        )
    return StreamableHttpParameters(
        url=entry.url,
        headers=entry.headers or None,
        timeout=timedelta(seconds=entry.timeout),
        sse_read_timeout=timedelta(seconds=entry.sse_read_timeout),
        terminate_on_close=True,
    )


class Federation:
    """Aggregates tools from many servers behind ``server.tool`` names.

    Servers that need OAuth are attached with :meth:`attach_session` using a
    session the pool already authenticated; plain servers can be attached
    straight from their :class:`ServerEntry`.
    """

    def __init__(self, *, call_timeout: timedelta = timedelta(seconds=60)):
        self.call_timeout = call_timeout
        self.group = ClientSessionGroup(component_name_hook=qualified_name)
        self.attached: dict[str, ClientSession] = {}

    async def __aenter__(self) -> Federation:
        await self.group.__aenter__()
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.group.__aexit__(None, None, None)

    async def attach(self, entry: ServerEntry) -> ClientSession:
        session = await self.group.connect_to_server(
            server_parameters(entry),
            ClientSessionParameters(read_timeout_seconds=self.call_timeout, client_info=CLIENT_INFO),
        )
        self.attached[entry.name] = session
        return session

    async def attach_session(self, session: ClientSession, server_info: types.Implementation) -> None:
        await self.group.connect_with_session(server_info, session)
        self.attached[server_info.name] = session

    async def detach(self, server_name: str) -> None:
        session = self.attached.pop(server_name)
        try:
            await self.group.disconnect_from_server(session)
        except McpError as exc:
            logger.debug("detach %s: %s", server_name, exc.error.message)

    def tool_names(self) -> list[str]:
        return sorted(self.group.tools)

    def tools_for(self, server_name: str) -> list[types.Tool]:
        prefix = server_name + SEPARATOR
        return [tool for name, tool in sorted(self.group.tools.items()) if name.startswith(prefix)]

    def function_specs(self) -> list[dict[str, Any]]:
        """Describe the federated tools the way LLM function-calling APIs expect."""
        specs: list[dict[str, Any]] = []
        for qualified, tool in sorted(self.group.tools.items()):
            specs.append(
                {
                    "name": qualified.replace(SEPARATOR, "__"),
                    "description": tool.description or "",
                    "parameters": tool.inputSchema,
                }
            )
        return specs

    async def invoke(self, qualified: str, arguments: dict[str, Any]) -> types.CallToolResult:
        if qualified not in self.group.tools:
            raise McpError(
                types.ErrorData(code=types.INVALID_PARAMS, message=f"unknown federated tool {qualified!r}")
            )
        return await self.group.call_tool(qualified, args=arguments, read_timeout_seconds=self.call_timeout)
