"""Connections to the upstream MCP servers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from pydantic import AnyUrl

from mcp import ClientSession, ClientSessionGroup, McpError, StdioServerParameters, types
from mcp.client.session_group import ClientSessionParameters, ServerParameters, SseServerParameters
from mcp.client.session_group import StreamableHttpParameters

from gateway.relay import NotificationRelay

@dataclass
class UpstreamSpec:
    name: str
    params: ServerParameters
    timeout: float = 60.0


def _spec(name: str, entry: dict[str, Any]) -> UpstreamSpec:
    timeout = float(entry.get("timeout", 60))
    if "command" in entry:
        params: ServerParameters = StdioServerParameters(
            command=entry["command"], args=entry.get("args", []), env=entry.get("env"), cwd=entry.get("cwd")
        )
    elif entry.get("transport") == "sse":
        params = SseServerParameters(url=entry["url"], headers=entry.get("headers"), timeout=timeout)
    else:
        params = StreamableHttpParameters(
            url=entry["url"],
            headers=entry.get("headers"),
            timeout=timedelta(seconds=timeout),
            sse_read_timeout=timedelta(seconds=float(entry.get("sse_read_timeout", 300))),
        )
    return UpstreamSpec(name=name, params=params, timeout=timeout)


def load_specs(path: Path) -> list[UpstreamSpec]:
    return [_spec(name, entry) for name, entry in json.loads(path.read_text()).get("servers", {}).items()]


class UpstreamPool:
    """Owns the `ClientSessionGroup` plus the routing tables the gateway needs."""

    def __init__(self, relay: NotificationRelay | None = None, call_timeout: float = 60.0) -> None:
        self.relay = relay or NotificationRelay()
        self.call_timeout = call_timeout
        self.group = ClientSessionGroup(component_name_hook=lambda name, info: f"{info.name}.{name}")
        self.sessions: dict[str, ClientSession] = {}
        self.resource_owners: dict[str, ClientSession] = {}

    async def __aenter__(self) -> UpstreamPool:
        await self.group.__aenter__()
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.group.__aexit__(*exc_info)

    async def connect(self, spec: UpstreamSpec) -> ClientSession:
        session_params = ClientSessionParameters(
            read_timeout_seconds=timedelta(seconds=spec.timeout),
            message_handler=self.relay.message_handler_for(spec.name),
            client_info=types.Implementation(name="mcp-gateway", version="0.5.0"),
        )
        session = await self.group.connect_to_server(spec.params, session_params)
        self.sessions[spec.name] = session
        return session

    async def attach(self, server_info: types.Implementation, session: ClientSession) -> None:
        """Register an already initialized session (in-process servers, tests)."""
        await self.group.connect_with_session(server_info, session)
        self.sessions[server_info.name] = session

    def split(self, qualified: str) -> tuple[str, ClientSession]:
        upstream, _, name = qualified.partition(".")
        if upstream not in self.sessions or not name:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Unknown upstream for {qualified!r}"))
        return name, self.sessions[upstream]

    def owner_of(self, uri: AnyUrl) -> ClientSession:
        if str(uri) not in self.resource_owners:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Unknown resource {uri}"))
        return self.resource_owners[str(uri)]
