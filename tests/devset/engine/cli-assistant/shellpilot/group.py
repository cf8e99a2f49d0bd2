"""A lighter-weight multi-server mode built on the SDK's ClientSessionGroup.

``shellpilot oneshot`` uses this: it connects everything, runs a single tool
call and exits, so it does not need the hub's routing and event bookkeeping.
"""

from __future__ import annotations

import logging
from contextlib import AsyncExitStack
from datetime import timedelta
from typing import Any

import mcp.types as types
from mcp import ClientSession, ClientSessionGroup
from mcp.client.session_group import ClientSessionParameters
from mcp.shared.exceptions import McpError

from . import __version__
from .callbacks import ServerEvents
from .config import ServerEntry
from .transports import group_parameters

logger = logging.getLogger(__name__)


def qualified_name(name: str, server_info: types.Implementation) -> str:
    return f"{server_info.name}.{name}"


class OneShot:
    def __init__(self, *, timeout: float = 30.0, exit_stack: AsyncExitStack | None = None) -> None:
        self.timeout = timeout
        self.events: dict[str, ServerEvents] = {}
        self.group = ClientSessionGroup(exit_stack=exit_stack, component_name_hook=qualified_name)

    def session_parameters(self, label: str) -> ClientSessionParameters:
        events = self.events.setdefault(label, ServerEvents(server=label))
        return ClientSessionParameters(
            read_timeout_seconds=timedelta(seconds=self.timeout),
            logging_callback=events.handle_log,
            message_handler=events.handle_message,
            client_info=types.Implementation(name="shellpilot-oneshot", version=__version__),
        )

    async def connect(self, entry: ServerEntry) -> ClientSession:
        return await self.group.connect_to_server(group_parameters(entry), self.session_parameters(entry.name))

    async def adopt(self, session: ClientSession) -> types.InitializeResult:
        """Add an already-running session (e.g. an in-process server)."""
        init = await session.initialize()
        await self.group.connect_with_session(init.serverInfo, session)
        return init

    def tool_names(self) -> list[str]:
        return sorted(self.group.tools)

    def find(self, short_name: str) -> str:
        if short_name in self.group.tools:
            return short_name
        candidates = [name for name in self.group.tools if name.split(".", 1)[-1] == short_name]
        if len(candidates) != 1:
            raise McpError(
                types.ErrorData(
                    code=types.INVALID_PARAMS,
                    message=f"{short_name!r} matches {len(candidates)} tools",
                    data={"candidates": candidates},
                )
            )
        return candidates[0]

    async def run(self, tool: str, arguments: dict[str, Any]) -> types.CallToolResult:
        name = self.find(tool)
        logger.debug("oneshot call %s", name)
        return await self.group.call_tool(name, args=arguments, read_timeout_seconds=timedelta(seconds=self.timeout))

    async def drop(self, session: ClientSession) -> None:
        await self.group.disconnect_from_server(session)
