"""Fan-out over several MCP servers with ClientSessionGroup."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from mcp import ClientSessionGroup
from mcp.client.session_group import (
    ClientSessionParameters,
    ServerParameters,
    SseServerParameters,
    StreamableHttpParameters,
)
from mcp.types import CallToolResult, Implementation


def server_params(url: str, *, legacy_sse: bool = False, token: str | None = None) -> ServerParameters:
    headers = {"Authorization": f"Bearer {token}"} if token else None
    if legacy_sse:
        return SseServerParameters(url=url, headers=headers, timeout=10, sse_read_timeout=120)
    return StreamableHttpParameters(
        url=url,
        headers=headers,
        timeout=timedelta(seconds=15),
        sse_read_timeout=timedelta(minutes=2),
    )


def prefixed(name: str, server_info: Implementation) -> str:
    return f"{server_info.name}.{name}"


class KnowledgeMesh:
    """Connects to many knowledge servers and exposes their tools under prefixed names."""

    def __init__(self) -> None:
        self.group = ClientSessionGroup(component_name_hook=prefixed)
        self.session_params = ClientSessionParameters(read_timeout_seconds=timedelta(seconds=45))

    async def add(self, url: str, **kw: Any) -> None:
        await self.group.connect_to_server(server_params(url, **kw), self.session_params)

    def tool_names(self) -> list[str]:
        return sorted(self.group.tools)

    async def ask(self, tool: str, **arguments: Any) -> CallToolResult:
        return await self.group.call_tool(tool, args=arguments, read_timeout_seconds=timedelta(seconds=60))
