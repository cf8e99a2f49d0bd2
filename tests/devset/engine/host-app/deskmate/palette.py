"""Command palette: a flat, searchable view over every connected server."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from mcp import ClientSessionGroup, types

from deskmate.connection import ServerConnection


@dataclass
class PaletteItem:
    key: str
    kind: str
    label: str
    detail: str


def _palette_name(name: str, server_info: types.Implementation) -> str:
    return f"{server_info.name}:{name}"


class CommandPalette:
    def __init__(self) -> None:
        self._stack = contextlib.AsyncExitStack()
        self.group = ClientSessionGroup(exit_stack=self._stack, component_name_hook=_palette_name)
        self._attached: set[str] = set()

    async def attach(self, conn: ServerConnection) -> None:
        if conn.name in self._attached:
            return
        await self.group.connect_with_session(conn.server_info, conn.session)
        self._attached.add(conn.name)

    async def detach(self, conn: ServerConnection) -> None:
        if conn.name in self._attached:
            await self.group.disconnect_from_server(conn.session)
            self._attached.discard(conn.name)

    def items(self) -> list[PaletteItem]:
        out: list[PaletteItem] = []
        for key, tool in self.group.tools.items():
            out.append(PaletteItem(key, "tool", tool.title or tool.name, tool.description or ""))
        for key, prompt in self.group.prompts.items():
            out.append(PaletteItem(key, "prompt", prompt.title or prompt.name, prompt.description or ""))
        for key, resource in self.group.resources.items():
            out.append(PaletteItem(key, "resource", resource.name, str(resource.uri)))
        return sorted(out, key=lambda item: (item.kind, item.key))

    def search(self, query: str) -> list[PaletteItem]:
        return [item for item in self.items() if query.lower() in f"{item.key} {item.label}".lower()]

    async def run(self, key: str, arguments: dict[str, Any], timeout_seconds: float = 30) -> types.CallToolResult:
        return await self.group.call_tool(key, args=arguments, read_timeout_seconds=timedelta(seconds=timeout_seconds))
