"""Bridge many servers at once through ``ClientSessionGroup``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from mcp import types
from mcp.client.session_group import ClientSessionGroup

from .convert import convert_result, describe, is_read_only, parameters_for
from .plumb import PlumbTool, ToolOutput, Toolbox
from .transports import ServerSpec


def prefixed_name(name: str, server_info: types.Implementation) -> str:
    return f"{server_info.name}.{name}"


class GroupBridge:
    """Owns a ``ClientSessionGroup`` and mirrors its tools into a Toolbox."""

    def __init__(self, specs: list[ServerSpec], call_timeout: timedelta = timedelta(seconds=45)) -> None:
        self.specs = specs
        self.call_timeout = call_timeout
        self.group = ClientSessionGroup(component_name_hook=prefixed_name)

    async def __aenter__(self) -> "GroupBridge":
        await self.group.__aenter__()
        for spec in self.specs:
            await self.group.connect_to_server(spec.to_parameters(), spec.session_parameters())
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.group.__aexit__(*exc_info)

    @property
    def tools(self) -> dict[str, types.Tool]:
        return self.group.tools

    async def invoke(self, name: str, arguments: dict[str, Any]) -> ToolOutput:
        result = await self.group.call_tool(name, args=arguments, read_timeout_seconds=self.call_timeout)
        return convert_result(result)

    def toolbox(self) -> Toolbox:
        box = Toolbox()
        for name, tool in self.group.tools.items():
            box.add(self._wrap(name, tool))
        return box

    def _wrap(self, name: str, tool: types.Tool) -> PlumbTool:
        async def run(arguments: dict[str, Any]) -> ToolOutput:
            return await self.invoke(name, arguments)

        return PlumbTool(
            name=name,
            description=describe(tool),
            parameters=parameters_for(tool),
            returns=tool.outputSchema,
            func=run,
            read_only=is_read_only(tool),
        )
