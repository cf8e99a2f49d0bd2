"""Tool-name prefixing so several upstreams can share one tool namespace."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import mcp.types as types
from mcp import ClientSession

logger = logging.getLogger(__name__)

DEFAULT_SEPARATOR = "__"
MAX_TOOL_NAME = 64


@dataclass(frozen=True)
class NamespacedTool:
    """A tool as advertised downstream, remembering where it really lives."""

    upstream: str
    original: types.Tool
    exposed_name: str

    @property
    def original_name(self) -> str:
        return self.original.name

    @property
    def read_only(self) -> bool:
        ann = self.original.annotations
        return bool(ann and ann.readOnlyHint)

    def to_tool(self) -> types.Tool:
        """The ``Tool`` definition shown to downstream clients."""
        description = self.original.description or ""
        if self.upstream:
            description = f"[{self.upstream}] {description}".rstrip()
        return self.original.model_copy(
            update={
                "name": self.exposed_name,
                "description": description,
                "execution": types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
                "meta": {**(self.original.meta or {}), "relaybox/upstream": self.upstream},
            }
        )


def make_exposed_name(prefix: str | None, name: str, separator: str = DEFAULT_SEPARATOR) -> str:
    exposed = f"{prefix}{separator}{name}" if prefix else name
    if len(exposed) > MAX_TOOL_NAME:
        raise ValueError(f"namespaced tool name too long: {exposed!r}")
    return exposed


def split_exposed_name(exposed: str, separator: str = DEFAULT_SEPARATOR) -> tuple[str | None, str]:
    if separator in exposed:
        prefix, _, rest = exposed.partition(separator)
        return prefix, rest
    return None, exposed


@dataclass
class ToolRouter:
    """Maps exposed tool names to ``NamespacedTool`` entries."""

    separator: str = DEFAULT_SEPARATOR
    _by_name: dict[str, NamespacedTool] = field(default_factory=dict)

    def register(self, upstream: str, prefix: str | None, tools: Iterable[types.Tool]) -> list[NamespacedTool]:
        added: list[NamespacedTool] = []
        for tool in tools:
            exposed = make_exposed_name(prefix, tool.name, self.separator)
            existing = self._by_name.get(exposed)
            if existing is not None and existing.upstream != upstream:
                logger.warning("tool %s from %s shadows %s", exposed, upstream, existing.upstream)
            entry = NamespacedTool(upstream=upstream, original=tool, exposed_name=exposed)
            self._by_name[exposed] = entry
            added.append(entry)
        return added

    def forget(self, upstream: str) -> None:
        for name in [n for n, entry in self._by_name.items() if entry.upstream == upstream]:
            del self._by_name[name]

    def resolve(self, exposed: str) -> NamespacedTool | None:
        return self._by_name.get(exposed)

    def tools(self) -> list[types.Tool]:
        return [entry.to_tool() for entry in sorted(self._by_name.values(), key=lambda e: e.exposed_name)]

    def __len__(self) -> int:
        return len(self._by_name)

    def __contains__(self, exposed: object) -> bool:
        return exposed in self._by_name


async def fetch_all_tools(session: ClientSession, page_limit: int = 50) -> list[types.Tool]:
    """Walk every ``tools/list`` page of an upstream."""
    tools: list[types.Tool] = []
    cursor: types.Cursor | None = None
    for _ in range(page_limit):
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        if not page.nextCursor:
            break
        cursor = page.nextCursor
    return tools


async def refresh_router(
    router: ToolRouter,
    sessions: Mapping[str, ClientSession],
    prefixes: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """Re-list tools on every upstream and rebuild the routing table."""
    counts: dict[str, Any] = {}
    for name, session in sessions.items():
        tools = await fetch_all_tools(session)
        router.forget(name)
        prefix = (prefixes or {}).get(name, name)
        counts[name] = len(router.register(name, prefix, tools))
    return counts
