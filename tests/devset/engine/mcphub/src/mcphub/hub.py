from __future__ import annotations

import base64
import logging
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from mcp import ClientSession, ClientSessionGroup, McpError
from mcp import types
from mcp.client.session_group import ClientSessionParameters, ServerParameters
from pydantic import AnyUrl

from mcphub.callbacks import HubCallbacks, ProgressPrinter

log = logging.getLogger(__name__)


@dataclass
class ToolRow:
    qualified_name: str
    title: str
    read_only: bool
    params: list[str]


def _qualify(name: str, server_info: types.Implementation) -> str:
    return f"{server_info.name}.{name}"


class Hub:
    """Aggregates tools/resources/prompts of many servers behind qualified names."""

    def __init__(self, callbacks: HubCallbacks | None = None, call_timeout: float = 120) -> None:
        self.callbacks = callbacks or HubCallbacks()
        self.call_timeout = timedelta(seconds=call_timeout)
        self._stack = AsyncExitStack()
        self.group = ClientSessionGroup(exit_stack=self._stack, component_name_hook=_qualify)
        self.sessions: dict[str, ClientSession] = {}

    async def __aenter__(self) -> "Hub":
        await self._stack.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self._stack.aclose()

    def _session_params(self) -> ClientSessionParameters:
        return ClientSessionParameters(
            read_timeout_seconds=timedelta(seconds=30),
            sampling_callback=self.callbacks.on_sample,
            list_roots_callback=self.callbacks.on_list_roots,
            logging_callback=self.callbacks.on_log,
            message_handler=self.callbacks.on_message,
            client_info=types.Implementation(name="mcphub", version="0.4.1"),
        )

    async def connect(self, servers: dict[str, ServerParameters]) -> list[str]:
        failed: list[str] = []
        for name, params in servers.items():
            try:
                session = await self.group.connect_to_server(params, self._session_params())
            except McpError as exc:
                log.error("could not initialise %s: %s (code %s)", name, exc.error.message, exc.error.code)
                failed.append(name)
                continue
            self.sessions[name] = session
            caps = session.get_server_capabilities()
            if caps and caps.logging is not None:
                await session.set_logging_level("warning")
        return failed

    def tool_rows(self) -> list[ToolRow]:
        rows: list[ToolRow] = []
        for qualified, tool in sorted(self.group.tools.items()):
            ann = tool.annotations
            rows.append(
                ToolRow(
                    qualified_name=qualified,
                    title=tool.title or (ann.title if ann and ann.title else tool.name),
                    read_only=bool(ann and ann.readOnlyHint),
                    params=sorted(tool.inputSchema.get("properties", {})),
                )
            )
        return rows

    async def call(self, qualified_name: str, arguments: dict[str, Any]) -> types.CallToolResult:
        result = await self.group.call_tool(
            qualified_name,
            args=arguments,
            read_timeout_seconds=self.call_timeout,
            progress_callback=ProgressPrinter(qualified_name),
        )
        if result.isError:
            log.warning("%s returned an error result", qualified_name)
        return result

    def _owner_of(self, uri: str) -> ClientSession:
        for qualified, resource in self.group.resources.items():
            if str(resource.uri) == uri and qualified.split(".", 1)[0] in self.sessions:
                return self.sessions[qualified.split(".", 1)[0]]
        if len(self.sessions) == 1:
            return next(iter(self.sessions.values()))
        raise KeyError(f"no connected server advertises {uri}")

    async def read(self, uri: str) -> list[tuple[str | None, str | bytes]]:
        session = self._owner_of(uri)
        result = await session.read_resource(AnyUrl(uri))
        out: list[tuple[str | None, str | bytes]] = []
        for item in result.contents:
            if isinstance(item, types.TextResourceContents):
                out.append((item.mimeType, item.text))
            else:
                out.append((item.mimeType, base64.b64decode(item.blob)))
        return out
