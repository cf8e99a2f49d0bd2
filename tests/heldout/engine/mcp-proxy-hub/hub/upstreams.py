"""Connect to every configured upstream with a ClientSessionGroup."""

from __future__ import annotations

import logging
from contextlib import AsyncExitStack
from datetime import timedelta

from mcp import StdioServerParameters, types
from mcp.client.session_group import (
    ClientSessionGroup,
    ClientSessionParameters,
    ServerParameters,
    SseServerParameters,
    StreamableHttpParameters,
)

from .config import UpstreamSpec

logger = logging.getLogger(__name__)


def to_server_parameters(spec: UpstreamSpec) -> ServerParameters:
    if spec.kind == "stdio":
        assert spec.command is not None
        return StdioServerParameters(command=spec.command, args=spec.args, env=spec.env or None)
    assert spec.url is not None
    if spec.kind == "sse":
        return SseServerParameters(url=spec.url, headers=spec.headers, timeout=spec.timeout)
    return StreamableHttpParameters(
        url=spec.url,
        headers=spec.headers,
        timeout=timedelta(seconds=spec.timeout),
        sse_read_timeout=timedelta(minutes=10),
    )


class Upstreams:
    """Owns the session group and the prefix -> upstream mapping."""

    def __init__(self, specs: list[UpstreamSpec], stack: AsyncExitStack) -> None:
        self.specs = {s.name: s for s in specs}
        self._prefix_by_server: dict[str, str] = {}
        self.group = ClientSessionGroup(exit_stack=stack, component_name_hook=self._name_hook)

    def _name_hook(self, name: str, server_info: types.Implementation) -> str:
        prefix = self._prefix_by_server.get(server_info.name, server_info.name)
        return f"{prefix}.{name}"

    async def connect_all(self) -> None:
        for spec in self.specs.values():
            try:
                session = await self.group.connect_to_server(
                    to_server_parameters(spec),
                    ClientSessionParameters(read_timeout_seconds=timedelta(seconds=spec.timeout)),
                )
            except Exception:
                logger.exception("could not connect to upstream %s", spec.name)
                continue
            caps = session.get_server_capabilities()
            logger.info("upstream %s connected (tools=%s)", spec.name, bool(caps and caps.tools))
            if spec.prefix:
                self._prefix_by_server[spec.name] = spec.prefix

    @property
    def tools(self) -> list[types.Tool]:
        return [tool.model_copy(update={"name": name}) for name, tool in self.group.tools.items()]

    @property
    def resources(self) -> list[types.Resource]:
        return list(self.group.resources.values())

    async def call(self, name: str, arguments: dict[str, object] | None, timeout: float = 60) -> types.CallToolResult:
        return await self.group.call_tool(
            name,
            args=dict(arguments or {}),
            read_timeout_seconds=timedelta(seconds=timeout),
        )

    async def read(self, uri: str) -> types.ReadResourceResult:
        from pydantic import AnyUrl

        for session in self.group.sessions:
            try:
                return await session.read_resource(AnyUrl(uri))
            except Exception:
                continue
        raise KeyError(uri)
