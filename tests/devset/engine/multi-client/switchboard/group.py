"""One-shot fan-out through the SDK's ClientSessionGroup (no per-server state kept)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import mcp.types as types
from mcp import ClientSessionGroup, StdioServerParameters
from mcp.client.session_group import (
    ClientSessionParameters,
    ServerParameters,
    SseServerParameters,
    StreamableHttpParameters,
)
from mcp.client.stdio import get_default_environment
from switchboard.callbacks import ClientCallbacks
from switchboard.config import ServerEntry


def server_parameters(entry: ServerEntry) -> ServerParameters:
    if entry.transport == "stdio":
        assert entry.command is not None
        env = {**get_default_environment(), **entry.env}
        return StdioServerParameters(command=entry.command, args=entry.args, env=env, cwd=entry.cwd)
    assert entry.url is not None
    if entry.transport == "sse":
        return SseServerParameters(url=entry.url, headers=entry.headers or None, timeout=entry.timeout)
    return StreamableHttpParameters(
        url=entry.url,
        headers=entry.headers or None,
        timeout=timedelta(seconds=entry.timeout),
        sse_read_timeout=timedelta(seconds=entry.sse_read_timeout),
    )


def prefixed(name: str, server_info: types.Implementation) -> str:
    return f"{server_info.name}/{name}"


async def quick_call(
    entries: list[ServerEntry], tool: str, arguments: dict[str, Any], callbacks: ClientCallbacks | None = None
) -> tuple[list[str], types.CallToolResult]:
    """Connect to every entry, then call `tool` by its ``<serverInfo.name>/<tool>`` name."""
    callbacks = callbacks or ClientCallbacks()
    async with ClientSessionGroup(component_name_hook=prefixed) as group:
        for entry in entries:
            session_params = ClientSessionParameters(
                read_timeout_seconds=timedelta(seconds=entry.read_timeout) if entry.read_timeout else None,
                sampling_callback=callbacks.sampling_callback,
                list_roots_callback=callbacks.list_roots_callback,
            )
            await group.connect_to_server(server_parameters(entry), session_params)
        result = await group.call_tool(tool, args=arguments, read_timeout_seconds=timedelta(seconds=20))
        return sorted(group.tools), result
